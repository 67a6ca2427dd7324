import { readFile, stat } from 'node:fs/promises';
import { decodeText } from './decode.js';
import type { PageMeta } from '../provenance/read.js';
import { UserError } from './errors.js';
import { fetchPage, looksLikeUrl, type FetchOptions } from './fetch.js';
import { looksLikeHtml } from './sniff.js';

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
  return maybeHtml(await readLocal(path));
}

/** The DOM library and Readability are loaded only for HTML input. */
async function maybeHtml(input: InputText): Promise<InputText> {
  if (!looksLikeHtml(input.name === STDIN_NAME ? '' : input.name, input.text)) return input;
  const { extractHtml } = await import('./html.js');
  const { text, page } = extractHtml(input.text, null);
  return { name: input.name, text, page };
}

async function readLocal(path: string): Promise<InputText> {
  if (path === '-') return { name: STDIN_NAME, text: decodeText(await readStream(process.stdin), STDIN_NAME) };
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new UserError(`${path}: ${describeFsError(error)}`);
  }
  if (info.isDirectory()) throw new UserError(`${path}: is a directory (give the files inside it)`);
  if (info.size > MAX_INPUT_BYTES) throw new UserError(`${path}: ${TOO_LARGE}`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new UserError(`${path}: ${describeFsError(error)}`);
  }
  return { name: path, text: decodeText(bytes, path) };
}

export async function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buf.length;
    if (size > MAX_INPUT_BYTES) throw new UserError(`${STDIN_NAME}: ${TOO_LARGE}`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
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
