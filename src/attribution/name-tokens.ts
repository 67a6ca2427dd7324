import type { Token } from '../document/types.js';
import { DETS_APPOS, PREPOSITIONS } from './entity-words.js';

/** Token and name tests shared by entity finding and speaker resolution. */

export function isCap(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text);
}

/** All-capitals tokens of two or more letters are acronyms or datelines, not parts of a person's name. */
export function isAllCaps(t: Token): boolean {
  return t.text.length > 1 && !/\p{Ll}/u.test(t.text);
}

export function possessive(t: Token): boolean {
  return /['’]s?$/.test(t.text) && /['’]/.test(t.text);
}

export function bare(norm: string): string {
  return norm.replace(/'s?$/, '');
}

/** Only spaces between two tokens (no comma, dash or bracket): they can belong to one name. */
export function joined(text: string, a: Token, b: Token): boolean {
  return /^(?:[ \u00a0]+|-)$/.test(text.slice(a.end, b.start));
}

/** Words of an appositive noun phrase starting at token `from`, up to a comma, preposition or relative pronoun. */
export function nounPhrase(tokens: readonly Token[], from: number, sentence: number, text: string): string[] {
  const out: string[] = [];
  for (let k = from; k < tokens.length && tokens[k].sentence === sentence && out.length < 6; k++) {
    const t = tokens[k];
    if (PREPOSITIONS.has(t.norm)) break;
    if (k > from && !/^[ \u00a0]+$/.test(text.slice(tokens[k - 1].end, t.start))) break;
    out.push(bare(t.norm));
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
