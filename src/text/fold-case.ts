/**
 * Case-insensitive Unicode patterns (flags `iu`) are slow for V8 to compile on text beyond
 * Latin-1: it closes every letter and class over Unicode case folding (~2 ms for one of our
 * long ones). For a pattern whose letters are all lower-case ASCII, the same test can run with
 * flag `u` alone on the text folded here. Under `iu` such a pattern's ASCII letters also match
 * their capitals, "s" matches U+017F (long s), "k" U+212A (Kelvin sign), and a `\p{L}` class also
 * matches U+0345 (combining iota), which folds to a letter: the only characters that Unicode
 * case folding takes onto those (checked over all of Unicode). Folding them here, one code unit
 * for one, keeps every offset: a match on the folded text is the match on the text.
 */
const FOLDED: Record<string, string> = { '\u017f': 's', '\u212a': 'k', '\u0345': '\u03b9' };
const TO_FOLD = /[A-Z\u017f\u0345\u212a]/g;

export function foldForUnicodeCase(text: string): string {
  return text.replace(TO_FOLD, (c) => FOLDED[c] ?? c.toLowerCase());
}
