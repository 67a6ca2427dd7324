import { closeSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import { decodeText, PieceDecoder, utf8Boundary } from './decode.js';
import type { PageMeta } from '../provenance/read.js';
import { UserError } from './errors.js';
import { fetchPage, looksLikeUrl, type FetchOptions } from './fetch.js';
import { looksLikeHtml } from './sniff.js';
import { readStdinSync } from './stdin.js';

export interface InputText {
  /** A path, a URL, or `<stdin>`. */
  name: string;
  /** The text analysed: for HTML, the extracted article (paragraphs separated by blank lines). */
  text: string;
  /** What an HTML page says about itself (byline, publisher, dates, canonical URL). */
  page?: PageMeta;
}

export interface ReadOptions {
  fetch?: FetchOptions;
  /**
   * Called with a file's size in bytes before it is read and again after each piece of a large
   * one, and with the bytes read so far after each piece of standard input: the command line
   * tunes the heap for a large input while it is read (see tuneHeapFor in cli/v8-flags.ts).
   */
  onRead?: (bytes: number) => void;
}

export const STDIN_NAME = '<stdin>';

/**
 * Largest single article read whole (an article is rarely over 1 MiB); bigger inputs are refused
 * rather than exhausting memory. A corpus comes as JSON Lines and is streamed line by line.
 */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;
const TOO_LARGE = `is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB: slant reads one article at a time; give a corpus as JSON Lines ({"id", "text"} per line)`;

/** Read a file, standard input (`-`) or an http(s) URL; HTML (by extension or content) is extracted. */
export async function readInput(path: string, options: ReadOptions = {}): Promise<InputText> {
  if (looksLikeUrl(path)) {
    const fetched = await fetchPage(path, options.fetch);
    if (!fetched.isHtml) return { name: path, text: fetched.body };
    const { extractHtml } = await import('./html.js');
    const { text, page } = extractHtml(fetched.body, fetched.url);
    return { name: path, text, page };
  }
  return maybeHtml(await readLocal(path, options.onRead));
}

/** The DOM library and Readability are loaded only for HTML input. */
async function maybeHtml(input: InputText): Promise<InputText> {
  if (!looksLikeHtml(input.name === STDIN_NAME ? '' : input.name, input.text)) return input;
  const { extractHtml } = await import('./html.js');
  const { text, page } = extractHtml(input.text, null);
  return { name: input.name, text, page };
}

/**
 * Files are read synchronously: a local file is read faster than a round trip through libuv's
 * thread pool, which an article's run would otherwise start (four threads) for its one file.
 */
async function readLocal(path: string, onRead?: (bytes: number) => void): Promise<InputText> {
  if (path === '-') return { name: STDIN_NAME, text: readStdinText(onRead) };
  let info: Stats;
  try {
    info = statSync(path);
  } catch (error) {
    throw new UserError(`${path}: ${describeFsError(error)}`);
  }
  if (info.isDirectory()) throw new UserError(`${path}: is a directory (give the files inside it)`);
  if (info.size > MAX_INPUT_BYTES) throw new UserError(`${path}: ${TOO_LARGE}`);
  onRead?.(info.size);
  if (info.size > PIECE_BYTES) return { name: path, text: readInPieces(path, () => onRead?.(info.size)) };
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new UserError(`${path}: ${describeFsError(error)}`);
  }
  return { name: path, text: decodeText(bytes, path) };
}

/**
 * Bytes read at a time from a large file: less than glibc's default mmap threshold (128 KiB),
 * so the buffer comes from the ordinary heap.
 */
const PIECE_BYTES = 1 << 16;

/**
 * A large file is read and decoded a piece at a time instead of into one buffer of its size.
 * glibc gives such a buffer a mapping of its own, and freeing it raises glibc's mmap threshold
 * to its size: from then on, every buffer smaller than that (the document's token columns, the
 * output's encoded pieces) comes from the heap, which is not given back to the system when they
 * are freed. For a 10 MiB article that cost ~25 MB of peak RSS. The text, or the error, is the
 * same as decodeText's for the whole file (see PieceDecoder).
 */
function readInPieces(path: string, onPiece: () => void): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const file = fd;
    return decodePieces((buffer, offset, length) => readSync(file, buffer, offset, length, null), path, onPiece);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${path}: ${describeFsError(error)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Standard input, read and decoded as a large file is (see readInPieces and stdin.ts). */
export function readStdinText(onRead?: (bytes: number) => void): string {
  let size = 0;
  try {
    return decodePieces(readStdinSync, STDIN_NAME, (bytes) => {
      size += bytes;
      if (size > MAX_INPUT_BYTES) throw new UserError(`${STDIN_NAME}: ${TOO_LARGE}`);
      onRead?.(size);
    });
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${STDIN_NAME}: ${describeFsError(error)}`);
  }
}

/**
 * Read with `read` (0 at the end) and decode, a piece at a time; `onPiece` is told the bytes of
 * each piece. Up to 3 bytes of a character cut off at the end of a piece are carried to the next.
 */
function decodePieces(read: (buffer: Buffer, offset: number, length: number) => number, name: string, onPiece: (bytes: number) => void): string {
  const decoder = new PieceDecoder(name);
  const buffer = Buffer.allocUnsafe(PIECE_BYTES);
  let carried = 0;
  for (;;) {
    const bytesRead = read(buffer, carried, PIECE_BYTES - carried);
    const length = carried + bytesRead;
    const end = bytesRead === 0 ? length : utf8Boundary(buffer, length);
    decoder.push(buffer.subarray(0, end));
    onPiece(bytesRead);
    if (bytesRead === 0) break;
    buffer.copyWithin(0, end, length);
    carried = length - end;
  }
  return decoder.finish();
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory (give the files inside it)';
    case 'ELOOP': return 'too many symbolic links';
    case 'ENAMETOOLONG': return 'file name too long';
    default: return `cannot be read (${code ?? String(error)})`;
  }
}
