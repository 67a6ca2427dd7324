import { readFile, stat } from 'node:fs/promises';
import { decodeText } from './decode.js';
import { UserError } from './errors.js';

export interface InputText {
  /** A path, or `<stdin>`. */
  name: string;
  text: string;
}

export const STDIN_NAME = '<stdin>';

/** Largest input read whole; bigger files are refused rather than exhausting memory. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

export async function readInput(path: string): Promise<InputText> {
  if (path === '-') return { name: STDIN_NAME, text: decodeText(await readStream(process.stdin), STDIN_NAME) };
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new UserError(`${path}: ${describeFsError(error)}`);
  }
  if (info.isDirectory()) throw new UserError(`${path}: is a directory (give the files inside it)`);
  if (info.size > MAX_INPUT_BYTES) throw new UserError(`${path}: is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB`);
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
    if (size > MAX_INPUT_BYTES) throw new UserError(`${STDIN_NAME}: input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB`);
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
