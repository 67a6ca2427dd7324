/**
 * Article text is untrusted: control characters, escape sequences and bidi overrides must never
 * reach a terminal raw. They are shown visibly instead (`\u001b`), and tabs become spaces.
 */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufff9-\ufffb\ud800-\udfff]/gu;

export function sanitize(text: string): string {
  return text.replace(UNSAFE, (ch) => (ch === '\t' ? ' ' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** Same, but newlines are shown too (for one-line fields such as a finding's text). */
export function sanitizeLine(text: string): string {
  return sanitize(text).replace(/\n/g, ' ');
}
