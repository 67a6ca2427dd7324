/**
 * The allowlist: phrases a project never wants flagged (a product name, a term of art). A finding
 * is dropped when its text equals an allowed phrase, compared case-insensitively, with curly
 * apostrophes and quotes straightened and runs of white space read as one space.
 */
export function normalizePhrase(text: string): string {
  return text.normalize('NFC').replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A test for "this text is allowed"; null when the list is empty (nothing to filter). */
export function allowMatcher(phrases: readonly string[] | undefined): ((text: string) => boolean) | null {
  if (!phrases || phrases.length === 0) return null;
  const set = new Set(phrases.map(normalizePhrase));
  return (text) => set.has(normalizePhrase(text));
}
