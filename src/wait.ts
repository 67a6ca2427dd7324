/**
 * Block the thread for a millisecond: how a synchronous read or write waits for a descriptor in
 * non-blocking mode that is not ready (EAGAIN), as sonic-boom does. Such a descriptor comes from
 * a parent that set the pipe it shares with us so.
 */
export function waitAMillisecond(): void {
  Atomics.wait((cell ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, 1);
}

let cell: Int32Array | undefined;
