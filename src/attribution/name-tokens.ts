import type { TokenList } from '../document/token-list.js';
import { DETS_APPOS, PREPOSITIONS } from './entity-words.js';

/** Token and name tests shared by entity finding and speaker resolution; each takes a word as written. */

export function isCap(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** All-capitals tokens of two or more letters are acronyms or datelines, not parts of a person's name. */
export function isAllCaps(word: string): boolean {
  return word.length > 1 && !/\p{Ll}/u.test(word);
}

export function possessive(word: string): boolean {
  return /['’]s?$/.test(word) && /['’]/.test(word);
}

export function bare(norm: string): string {
  return norm.replace(/'s?$/, '');
}

/** Only spaces between tokens a and b (no comma, dash or bracket): they can belong to one name. */
export function joined(text: string, tokens: TokenList, a: number, b: number): boolean {
  const from = tokens.end(a);
  const to = tokens.start(b);
  if (to <= from) return false;
  if (to - from === 1 && text.charCodeAt(from) === 0x2d) return true;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0xa0) return false;
  }
  return true;
}

/** Words of an appositive noun phrase starting at token `from`, up to a comma, preposition or relative pronoun. */
export function nounPhrase(tokens: TokenList, from: number, sentence: number, text: string): string[] {
  const out: string[] = [];
  for (let k = from; k < tokens.length && tokens.sentence(k) === sentence && out.length < 6; k++) {
    const norm = tokens.norm(k);
    if (PREPOSITIONS.has(norm)) break;
    if (k > from && !/^[ \u00a0]+$/.test(text.slice(tokens.end(k - 1), tokens.start(k)))) break;
    out.push(bare(norm));
  }
  return out.filter((w) => !DETS_APPOS.has(w));
}

/** Normalised form of a name for lookups and for comparing speakers. */
export function key(name: string): string {
  return name
    .normalize('NFC')
    .replace(/['’]s?\b/g, '')
    .toLowerCase()
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
