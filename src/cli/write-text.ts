import { writeSync } from 'node:fs';
import { waitAMillisecond } from '../wait.js';

/** Encoded text, reused from write to write (see writeTextSync). */
let scratch: Buffer | undefined;
/** Characters encoded into `scratch` at a time: the sink's writes fit; the article text goes in several. */
const SCRATCH_CHARS = 1 << 16;
/** UTF-8 takes at most three bytes for each UTF-16 code unit. */
const SCRATCH_BYTES = SCRATCH_CHARS * 3;

/**
 * Write text to a file descriptor, all of it, through one reused buffer: a string, or several
 * written one after the other as if joined (without making the joined string). Node's
 * synchronous stdout stream, fs.writeSync given a string and FileHandle.writeFile each encode
 * every string into new memory, and for a report of megabytes the fresh memory cost several
 * times the encoding. Throws as fs.writeSync does, but waits while a non-blocking descriptor is
 * full.
 */
export function writeTextSync(fd: number, texts: string | readonly string[]): void {
  scratch ??= Buffer.allocUnsafe(SCRATCH_BYTES);
  let used = 0;
  for (const text of typeof texts === 'string' ? [texts] : texts) {
    for (let from = 0; from < text.length;) {
      let to = Math.min(text.length, from + SCRATCH_CHARS);
      // Never between the halves of a surrogate pair: each alone would be encoded as a replacement character.
      if (to < text.length && (text.charCodeAt(to - 1) & 0xfc00) === 0xd800) to--;
      if (used + (to - from) * 3 > SCRATCH_BYTES) {
        writeBytes(fd, scratch, used);
        used = 0;
      }
      used += scratch.write(to - from === text.length ? text : text.slice(from, to), used);
      from = to;
    }
  }
  writeBytes(fd, scratch, used);
}

function writeBytes(fd: number, bytes: Buffer, length: number): void {
  for (let done = 0; done < length;) {
    try {
      done += writeSync(fd, bytes, done, length - done);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      // A descriptor in non-blocking mode takes nothing while it is full: wait for the reader.
      waitAMillisecond();
    }
  }
}
