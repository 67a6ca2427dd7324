import type { Token } from '../document/types.js';

/**
 * True when an exception phrase (normalised words, `*` for any word) occurs in the tokens around
 * the match [first, end) and contains it: "Glorious Revolution" cancels a match on "glorious".
 */
export function exceptionCovers(words: readonly string[], tokens: readonly Token[], first: number, end: number): boolean {
  const length = end - first;
  for (let offset = 0; offset + length <= words.length; offset++) {
    const from = first - offset;
    if (from < 0 || from + words.length > tokens.length) continue;
    let all = true;
    for (let k = 0; k < words.length && all; k++) {
      const norm = tokens[from + k].norm;
      all = words[k] === '*' || norm === words[k] || norm.replace(/'s?$/, '') === words[k];
    }
    if (all) return true;
  }
  return false;
}
