import type { Span } from './types.js';

/**
 * Paragraphs are blocks separated by blank lines. Text with no blank line at all (one paragraph
 * per line, as many exports are) is split at every line break instead.
 */
export function splitParagraphs(text: string): Span[] {
  const hasBlankLine = /\n[ \t\u00a0]*\n/.test(text);
  const separator = hasBlankLine ? /\n(?:[ \t\u00a0]*\n)+/g : /\n+/g;
  const spans: Span[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/u.test(text[start])) start++;
    while (end > start && /\s/u.test(text[end - 1])) end--;
    if (end > start) spans.push({ start, end });
  };
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return spans;
}

/** The first paragraph reads as a headline: one short line that does not end like a sentence. */
export function looksLikeHeadline(text: string, span: Span, paragraphCount: number): boolean {
  if (paragraphCount < 2) return false;
  const line = text.slice(span.start, span.end);
  if (line.includes('\n') || line.length > 200) return false;
  const words = line.split(/\s+/).length;
  return words >= 2 && words <= 25 && !/[.,;:]$/.test(line);
}
