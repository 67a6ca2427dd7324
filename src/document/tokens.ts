import { normalizeWord } from '../text/normalize.js';
import type { Span } from './types.js';

/**
 * Words: letters, marks and digits, with inner apostrophes kept ("don't", "O’Brien") and
 * inner periods in dotted abbreviations kept ("U.S."). Hyphens split words, so a rule for
 * "blood thirsty" also meets "blood-thirsty".
 *
 * The scanner below reads char codes and gives exactly the matches of
 * /[\p{L}\p{M}\p{N}]+(?:(?:['’][\p{L}\p{M}]+)|(?:\.(?=[\p{L}]\.)[\p{L}])+\.?)*\/gu
 * without allocating a match (and a substring) per word.
 */
const LETTER = 1;
const MARK = 2;
const NUMBER = 4;
const KNOWN = 8;
const WORD_CHAR = LETTER | MARK | NUMBER;

/** Class bits of ASCII characters: letters and digits (the common case, tested without a call). */
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII[c] = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ? LETTER : c >= 0x30 && c <= 0x39 ? NUMBER : 0;

/** Character classes of the rest of the Basic Multilingual Plane, filled in as characters are met. */
const bmpClass = new Uint8Array(0x10000);
const IS_LETTER = /\p{L}/u;
const IS_MARK = /\p{M}/u;
const IS_NUMBER = /\p{N}/u;

function classOf(ch: string): number {
  return (IS_LETTER.test(ch) ? LETTER : 0) | (IS_MARK.test(ch) ? MARK : 0) | (IS_NUMBER.test(ch) ? NUMBER : 0);
}

/** Class bits of the code point at UTF-16 index i (0 past the end and for lone surrogates). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c !== c) return 0; // NaN: past the end
  if (c < 0x80) return ASCII[c];
  if ((c & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
    return classOf(String.fromCodePoint(text.codePointAt(i)!));
  }
  let k = bmpClass[c];
  if (k === 0) {
    k = classOf(String.fromCharCode(c)) | KNOWN;
    bmpClass[c] = k;
  }
  return k & WORD_CHAR;
}

/** The code point at i is a letter or a digit (\p{L} or \p{N}). */
export function letterOrDigitAt(text: string, i: number): boolean {
  return (classAt(text, i) & (LETTER | NUMBER)) !== 0;
}

/** UTF-16 units taken by the code point at i. */
export function widthAt(text: string, i: number): number {
  return (text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

/** Where the word that starts at i ends (i itself when no word starts there). */
function wordEnd(text: string, i: number): number {
  let j = i;
  while (classAt(text, j) & WORD_CHAR) j += widthAt(text, j);
  if (j === i) return i;
  for (;;) {
    const c = text.charCodeAt(j);
    if ((c === 0x27 || c === 0x2019) && classAt(text, j + 1) & (LETTER | MARK)) {
      j++;
      while (classAt(text, j) & (LETTER | MARK)) j += widthAt(text, j);
      continue;
    }
    if (c === 0x2e) {
      // One or more ".X" where X is a letter followed by a period, then an optional period.
      let k = j;
      while (text.charCodeAt(k) === 0x2e && classAt(text, k + 1) & LETTER && text.charCodeAt(k + 1 + widthAt(text, k + 1)) === 0x2e) {
        k += 1 + widthAt(text, k + 1);
      }
      if (k === j) break;
      if (text.charCodeAt(k) === 0x2e) k++;
      j = k;
      continue;
    }
    break;
  }
  return j;
}

/**
 * Calls `word(start, end)` for each word that starts in text[start, end), in order. A word may
 * run past `end` (never in practice: sentences end at a space or the end of a line).
 */
export function scanWords(text: string, start: number, end: number, word: (start: number, end: number) => void): void {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c < 0x80 ? ASCII[c] === 0 : (classAt(text, i) & WORD_CHAR) === 0) {
      i += c < 0x80 ? 1 : widthAt(text, i);
      continue;
    }
    // The run of word characters, ASCII inline; then the rarer apostrophe and abbreviation parts.
    let j = c < 0x80 ? i + 1 : i + widthAt(text, i);
    for (;;) {
      const d = text.charCodeAt(j);
      if (d < 0x80) {
        if (ASCII[d] === 0) break;
        j++;
      } else if (d !== d || (classAt(text, j) & WORD_CHAR) === 0) break;
      else j += widthAt(text, j);
    }
    const next = text.charCodeAt(j);
    const e = next === 0x27 || next === 0x2019 || next === 0x2e ? wordEnd(text, i) : j;
    word(i, e);
    i = e;
  }
}

/**
 * About how many words `text` holds, so the token columns are sized once: on a long text (where
 * every regrown column is a large buffer) from a count over its first 64 KiB, with 5% to spare;
 * on a short one a generous guess costs little and counting would be a second pass.
 */
export function expectedWords(text: string): number {
  const sample = 65536;
  if (text.length <= 4 * sample) return (text.length >> 2) + 16;
  let n = 0;
  scanWords(text, 0, sample, () => n++);
  return Math.ceil((text.length * n * 1.05) / sample) + 64;
}

export interface RawToken extends Span {
  text: string;
  norm: string;
  sentence: number;
}

/** Tokens of text[start, end) as objects (for short strings such as rule phrases; documents use TokenList). */
export function tokenize(text: string, start = 0, end = text.length, sentence = -1, out: RawToken[] = []): RawToken[] {
  scanWords(text, start, end, (s, e) => {
    const word = text.slice(s, e);
    out.push({ start: s, end: e, text: word, norm: normalizeWord(word), sentence });
  });
  return out;
}
