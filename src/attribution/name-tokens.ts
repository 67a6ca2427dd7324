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
  // Most words end in neither an apostrophe nor an "s": answered without a regular expression.
  if (!endsLikePossessive(word)) return false;
  return /['’]s?$/.test(word) && /['’]/.test(word);
}

/** The word without a possessive ending ('s or '). */
export function bare(norm: string): string {
  return endsLikePossessive(norm) ? norm.replace(/'s?$/, '') : norm;
}

/** Last character an apostrophe or "s": the only words a possessive ending can be cut from. */
function endsLikePossessive(word: string): boolean {
  const c = word.charCodeAt(word.length - 1);
  return c === 0x27 || c === 0x2019 || c === 0x73;
}

/** Only spaces between tokens a and b (no comma, dash or bracket): they can belong to one name. */
export function joined(text: string, tokens: TokenList, a: number, b: number): boolean {
  const from = tokens.end(a);
  const to = tokens.start(b);
  if (to - from === 1 && text.charCodeAt(from) === 0x2d) return true;
  return onlySpaces(text, from, to);
}

/**
 * text[from, to) is one or more spaces (plain or no-break), as `/^[ \u00a0]+$/` tests, without
 * slicing: asked for the gap before every word of an appositive.
 */
export function onlySpaces(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0xa0) return false;
  }
  return true;
}

/** text[from, to) is a comma with only white space around it, as `/^\s*,\s*$/` tests, without slicing. */
export function commaGap(text: string, from: number, to: number): boolean {
  let commas = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c) commas++;
    else if (!isWhiteSpace(c)) return false;
  }
  return commas === 1;
}

/** The characters of the regular-expression class `\s`. */
function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Words of an appositive noun phrase starting at token `from`, up to a comma, preposition or relative pronoun. */
export function nounPhrase(tokens: TokenList, from: number, sentence: number, text: string): string[] {
  const out: string[] = [];
  for (let k = from; k < tokens.length && tokens.sentence(k) === sentence && out.length < 6; k++) {
    const norm = tokens.norm(k);
    if (PREPOSITIONS.has(norm)) break;
    if (k > from && !onlySpaces(text, tokens.end(k - 1), tokens.start(k))) break;
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
