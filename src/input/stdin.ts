import { readSync } from 'node:fs';
import { waitAMillisecond } from '../wait.js';

/**
 * Standard input, read synchronously from descriptor 0, as a file is (see read.ts). Node's
 * process.stdin stream reads through the event loop and first loads the modules for what stdin
 * is (net for a pipe, fs streams for a file): an article piped in took ~8 ms longer than the same
 * file named. A JSON Lines corpus still comes through the stream (see stdinChunks), which lets a
 * corpus of any size flow through worker threads without blocking them.
 */

/** Bytes read by peekStdin and not yet taken: the next read starts with them. */
let ahead: Buffer | null = null;
/** peekStdin found stdin empty: a terminal is not asked again (it would wait for a second Ctrl-D). */
let ended = false;

/**
 * Read up to `length` bytes of standard input into `buffer` at `offset`: how many were read, 0 at
 * the end. Waits while stdin, in non-blocking mode, has nothing yet (EAGAIN). Throws a read
 * error as fs.readSync does.
 */
export function readStdinSync(buffer: Uint8Array, offset: number, length: number): number {
  if (ahead !== null) {
    const n = Math.min(length, ahead.length);
    buffer.set(ahead.subarray(0, n), offset);
    ahead = n === ahead.length ? null : ahead.subarray(n);
    return n;
  }
  if (ended) return 0;
  for (;;) {
    try {
      // Position null: from where the descriptor is (a file redirected to stdin may not be at 0).
      return readSync(0, buffer, offset, length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Windows reports the end of a pipe as an error.
      if (code === 'EOF') return 0;
      if (code !== 'EAGAIN') throw error;
      waitAMillisecond();
    }
  }
}

/** The first bytes of standard input (what one read gives), or null when it is empty. They are read again by whatever reads stdin next. */
export function peekStdin(): Buffer | null {
  if (ahead === null) {
    const buffer = Buffer.allocUnsafe(PEEK_BYTES);
    const n = readStdinSync(buffer, 0, PEEK_BYTES);
    if (n === 0) {
      ended = true;
      return null;
    }
    ahead = buffer.subarray(0, n);
  }
  return ahead;
}

const PEEK_BYTES = 1 << 16;

/** Standard input as a stream of chunks, starting with any bytes peekStdin read. */
export async function* stdinChunks(): AsyncGenerator<Uint8Array | string> {
  if (ahead !== null) {
    const first = ahead;
    ahead = null;
    yield first;
  }
  for await (const chunk of process.stdin) yield chunk as Uint8Array | string;
}
