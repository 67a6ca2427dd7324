/** Is this input an HTML page (by its name, or by how its text starts)? Kept apart from the HTML extractor so plain text never loads a DOM. */
export function looksLikeHtml(name: string, text: string): boolean {
  if (/\.x?html?$/i.test(name)) return true;
  return /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>])/i.test(text.slice(0, 2048));
}
