import { createRequire } from 'node:module';

/**
 * V8 settings changed at run time rather than by re-running node with flags, which would cost
 * every run ~100 ms. Each is a flag V8 reads again whenever it applies it. (bin/slant.js sets one
 * more before it compiles the bundle, `--no-regexp-tier-up`.)
 */
type V8 = typeof import('node:v8');
let v8: V8 | undefined;
const setFlag = (flag: string): void => (v8 ??= createRequire(import.meta.url)('node:v8') as V8).setFlagsFromString(flag);

/** Inputs of this many bytes in all, or fewer, make a short run (see compileForShortRun): a few articles. */
export const SHORT_RUN_BYTES = 128 * 1024;

let baselineOnly = false;

/**
 * For a short run, compile no function past V8's baseline compiler (Sparkplug). TurboFan pays
 * back its compile time only over long runs, and on a 2-core machine its background compiles
 * take a core from the analysis: without it the 1,034-word article ran ~60 ms faster and a
 * 100 kB input ~250 ms faster, while 1 MiB was even and 4 MiB 1.2 s slower (TurboFan compiled
 * 111 functions for a 300 kB input in 1.7 s of CPU on that machine, where fresh memory is
 * costly). The caller decides what is short, before any analysis.
 */
export function compileForShortRun(): void {
  if (baselineOnly) return;
  baselineOnly = true;
  setFlag('--max-opt=1');
}

/** Characters of input from which the heap is tuned for size (a 4 MiB article and up). */
const LARGE_INPUT = 4 * 1024 * 1024;

let tuned = false;

/**
 * Before a very large input is analysed, make V8 grow its heap by 10% at a time instead of by
 * its default factor (up to 4x of the live data): for a 10 MiB article this took peak RSS from
 * about 325 to 260 MB at no measurable cost in time. V8 reads this flag each time it sizes the
 * heap after a collection. Small inputs never reach this, so their runs are unchanged.
 */
export function tuneHeapFor(chars: number): void {
  if (tuned || chars < LARGE_INPUT) return;
  tuned = true;
  setFlag('--heap-growing-percent=10');
}
