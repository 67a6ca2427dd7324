import { UserError } from './errors.js';

/**
 * Turn raw bytes into the text slant analyses: strict UTF-8, BOM dropped, CRLF and lone CR
 * folded to LF. Every offset slant reports points into this text, and the JSON report carries it.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.indexOf(0) >= 0) throw new UserError(`${name}: looks like a binary file (it contains NUL bytes)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UserError(`${name}: is not valid UTF-8 text`);
  }
  return normalizeNewlines(text);
}

export function normalizeNewlines(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.indexOf('\r') < 0 ? noBom : noBom.replace(/\r\n?/g, '\n');
}
