import { fstatSync, writeSync } from 'node:fs';

/**
 * Write to stdout and let Node flush before exit (never `process.exit` with output pending).
 * A reader that goes away (`slant ... | head`) ends the program quietly.
 */
let closed = false;

export function installPipeGuard(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      process.exit(process.exitCode ?? 0);
    }
    throw error;
  });
}

export function write(text: string): Promise<void> {
  if (closed || text.length === 0) return Promise.resolve();
  if (stdoutIsFile() && writeToFile(text)) return Promise.resolve();
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

let isFile: boolean | undefined;

/**
 * Stdout is a file or a device such as /dev/null, not a terminal, pipe or socket: Node then
 * writes it synchronously (the file types libuv gives a synchronous stream).
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

/** Encoded output, reused from write to write (see writeToFile). */
let scratch: Buffer | undefined;
/** Characters encoded into `scratch` at a time: the sink's writes fit; the article text goes in several. */
const SCRATCH_CHARS = 1 << 16;

/**
 * Write straight to the file descriptor, as Node's synchronous stdout stream would, but through
 * one reused buffer: that stream (and fs.writeSync given a string) encodes each string into new
 * memory, and for a report of megabytes the fresh memory cost several times the encoding.
 * False when nothing could be written: the stream is then asked to write the text, and reports
 * the error as it always has.
 */
function writeToFile(text: string): boolean {
  // UTF-8 takes at most three bytes for each UTF-16 code unit.
  scratch ??= Buffer.allocUnsafe(SCRATCH_CHARS * 3);
  let written = false;
  try {
    for (let from = 0; from < text.length;) {
      let to = Math.min(text.length, from + SCRATCH_CHARS);
      // Never between the halves of a surrogate pair: each alone would be encoded as a replacement character.
      if (to < text.length && (text.charCodeAt(to - 1) & 0xfc00) === 0xd800) to--;
      const bytes = scratch.write(to - from === text.length ? text : text.slice(from, to));
      let done = 0;
      while (done < bytes) {
        done += writeSync(1, scratch, done, bytes - done);
        written = true;
      }
      from = to;
    }
  } catch (error) {
    if (!written) return false;
    // Part of the text is out: the stream could only write it again. It fails as its own write would.
    process.stdout.destroy(error as Error);
  }
  return true;
}

export function warn(message: string): void {
  process.stderr.write(`slant: ${message.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?')}\n`);
}
