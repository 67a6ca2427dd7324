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
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

export function warn(message: string): void {
  process.stderr.write(`slant: ${message.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?')}\n`);
}
