import { normalizeWord } from '../text/normalize.js';
import type { Span } from './types.js';

/**
 * Words: letters, marks and digits, with inner apostrophes kept ("don't", "O’Brien") and
 * inner periods in dotted abbreviations kept ("U.S."). Hyphens split words, so a rule for
 * "blood thirsty" also meets "blood-thirsty".
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:(?:['’][\p{L}\p{M}]+)|(?:\.(?=[\p{L}]\.)[\p{L}])+\.?)*/gu;

export interface RawToken extends Span {
  text: string;
  norm: string;
  sentence: number;
}

/** Tokens of text[start, end), appended to `out` (one array for the whole document avoids copies). */
export function tokenize(text: string, start = 0, end = text.length, sentence = -1, out: RawToken[] = []): RawToken[] {
  WORD.lastIndex = start;
  for (let m = WORD.exec(text); m && m.index < end; m = WORD.exec(text)) {
    const word = m[0];
    out.push({ start: m.index, end: m.index + word.length, text: word, norm: normalizeWord(word), sentence });
  }
  return out;
}
