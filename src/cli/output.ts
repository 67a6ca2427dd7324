import { fstatSync } from 'node:fs';
import { writeTextSync } from './write-text.js';

/**
 * Write to stdout and let Node flush before exit (never `process.exit` with output pending).
 * A reader that goes away (`slant ... | head`) ends the program quietly.
 */
let closed = false;

export function installPipeGuard(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    closed = true;
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(process.exitCode ?? 0);
    // Any other failure (a full disk, an I/O error): one line, and the exit status of bad input.
    warn(`cannot write the output (${error.code ?? error.message})`);
    process.exit(2);
  });
}

export function write(text: string): Promise<void> {
  if (closed || text.length === 0) return Promise.resolve();
  if (stdoutIsFile()) {
    try {
      writeTextSync(1, text);
    } catch (error) {
      // As the stream's own write would fail: its 'error' event (see installPipeGuard).
      process.stdout.destroy(error as Error);
    }
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

let isFile: boolean | undefined;

/**
 * Stdout is a file or a device such as /dev/null, not a terminal, pipe or socket: Node then
 * writes it synchronously (the file types libuv gives a synchronous stream), and so can we,
 * without the stream's copy of each string (see writeTextSync).
 */
function stdoutIsFile(): boolean {
  if (isFile === undefined) {
    try {
      const stat = fstatSync(1);
      isFile = stat.isFile() || stat.isBlockDevice() || (stat.isCharacterDevice() && !process.stdout.isTTY);
    } catch {
      isFile = false;
    }
  }
  return isFile;
}

export function warn(message: string): void {
  process.stderr.write(`slant: ${message.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?')}\n`);
}
