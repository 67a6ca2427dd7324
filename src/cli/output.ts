import { fstatSync } from 'node:fs';
import { writeTextSync } from './write-text.js';

/**
 * Standard output. A file, pipe or socket is written with write(2) directly; only a terminal
 * goes through process.stdout. Creating that stream cost every run ~2.5 ms when stdout was a
 * pipe (Node loads its net module for it) and ~1 ms for a file, and its synchronous writes
 * copy each string (see writeTextSync). Either way Node has flushed everything before it exits
 * (never `process.exit` with output pending). A reader that goes away (`slant ... | head`) ends
 * the program quietly.
 */
let closed = false;

/** Write text, or several pieces of text one after the other. */
export function write(texts: string | readonly string[]): Promise<void> {
  if (closed || texts.length === 0) return Promise.resolve();
  const terminal = stdoutTerminal();
  if (terminal === null) {
    try {
      writeTextSync(1, texts);
    } catch (error) {
      stdoutFailed(error as NodeJS.ErrnoException);
    }
    return Promise.resolve();
  }
  const text = typeof texts === 'string' ? texts : texts.join('');
  return new Promise((resolve) => {
    if (terminal.write(text)) resolve();
    else terminal.once('drain', resolve);
  });
}

/** For commander's own output (--help, --version). */
export function writeOut(text: string): void {
  void write(text);
}

let terminal: NodeJS.WriteStream | null | undefined;

/**
 * process.stdout when it is a terminal, else null. Only a character device can be one: for
 * anything else the stream is never made. /dev/null and /dev/full are character devices too.
 */
export function stdoutTerminal(): NodeJS.WriteStream | null {
  if (terminal === undefined) {
    terminal = isCharacterDevice(1) && process.stdout.isTTY ? process.stdout : null;
    terminal?.on('error', stdoutFailed);
  }
  return terminal;
}

/**
 * Can this descriptor be a terminal? Asked before Node's stream for it is made, which costs
 * more than the question. False when it is closed: writes to it fail and are reported as such.
 */
export function isCharacterDevice(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

function stdoutFailed(error: NodeJS.ErrnoException): void {
  closed = true;
  if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') process.exit(process.exitCode ?? 0);
  // Any other failure (a full disk, an I/O error): one line, and the exit status of bad input.
  warn(`cannot write the output (${error.code ?? error.message})`);
  process.exit(2);
}

export function warn(message: string): void {
  process.stderr.write(`slant: ${message.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?')}\n`);
}
