import type { TokenList } from '../document/token-list.js';

/**
 * True when an exception phrase (normalised words, `*` for any word) occurs in the tokens around
 * the match [first, end) and contains it: "Glorious Revolution" cancels a match on "glorious".
 */
export function exceptionCovers(words: readonly string[], tokens: TokenList, first: number, end: number): boolean {
  const length = end - first;
  for (let offset = 0; offset + length <= words.length; offset++) {
    const from = first - offset;
    if (from < 0 || from + words.length > tokens.length) continue;
    let all = true;
    for (let k = 0; k < words.length && all; k++) {
      all = words[k] === '*' || sameBareWord(tokens.norm(from + k), words[k]);
    }
    if (all) return true;
  }
  return false;
}

/** `norm`, or `norm` without a possessive ending ('s or '), equals `word` (compared in place, no new string). */
function sameBareWord(norm: string, word: string): boolean {
  if (norm === word) return true;
  const extra = norm.length - word.length;
  if (extra === 2 && norm.endsWith("'s")) return norm.startsWith(word);
  if (extra === 1 && norm.endsWith("'")) return norm.startsWith(word);
  return false;
}
