import { UserError } from './errors.js';

const binaryError = (name: string): UserError => new UserError(`${name}: looks like a binary file (it contains NUL bytes)`);
const notUtf8Error = (name: string): UserError => new UserError(`${name}: is not valid UTF-8 text`);

/**
 * Turn raw bytes into the text slant analyses: strict UTF-8, BOM dropped, CRLF and lone CR
 * folded to LF. Every offset slant reports points into this text, and the JSON report carries it.
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.indexOf(0) >= 0) throw binaryError(name);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw notUtf8Error(name);
  }
  return normalizeNewlines(text);
}

/**
 * {@link decodeText} for bytes that come in pieces (a large file read a piece at a time): the
 * same text, or the same error, as decoding all the bytes at once. Each piece must end on a
 * character boundary (see {@link utf8Boundary}); it is decoded on its own, and pieces of valid
 * UTF-8 join into valid UTF-8, so any invalid byte makes some piece fail. As in decodeText, NUL
 * bytes anywhere are reported before invalid UTF-8.
 */
export class PieceDecoder {
  private pieces: string[] = [];
  /** Only the text's first bytes may be a byte order mark that is dropped. */
  private readonly first = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  private readonly rest = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private started = false;
  private invalid = false;
  private binary = false;

  constructor(private readonly name: string) {}

  push(bytes: Uint8Array): void {
    if (this.binary || bytes.length === 0) return;
    if (bytes.indexOf(0) >= 0) {
      this.binary = true;
      this.pieces = [];
      return;
    }
    if (this.invalid) return;
    try {
      this.pieces.push((this.started ? this.rest : this.first).decode(bytes));
      this.started = true;
    } catch {
      this.invalid = true;
      this.pieces = [];
    }
  }

  finish(): string {
    if (this.binary) throw binaryError(this.name);
    if (this.invalid) throw notUtf8Error(this.name);
    const text = this.pieces.join('');
    this.pieces = [];
    return normalizeNewlines(text);
  }
}

/**
 * Where the first `length` bytes can be cut so that no UTF-8 character is split: before a
 * character whose bytes run past `length`, else at `length`. At most 3 bytes are left over.
 */
export function utf8Boundary(bytes: Uint8Array, length: number): number {
  for (let i = length - 1; i >= 0 && i >= length - 3; i--) {
    const byte = bytes[i];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back for the lead
    if (byte < 0xc0) return length;
    const size = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return i + size > length ? i : length;
  }
  return length;
}

export function normalizeNewlines(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.indexOf('\r') < 0 ? noBom : noBom.replace(/\r\n?/g, '\n');
}
