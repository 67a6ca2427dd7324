import { nodeV8 } from '../builtins.js';

/**
 * V8 settings changed at run time rather than by re-running node with flags, which would cost
 * every run ~100 ms. Each is a flag V8 reads again whenever it applies it. (bin/slant.js sets one
 * more before it compiles the bundle, `--no-regexp-tier-up`.)
 */
const setFlag = (flag: string): void => nodeV8().setFlagsFromString(flag);

/** Inputs of this many bytes in all, or fewer, make a short run (see compileForShortRun): a few articles. */
export const SHORT_RUN_BYTES = 128 * 1024;

let baselineOnly = false;

/**
 * For a short run, trade speed on long work for less start-up work:
 * - Compile no function past V8's baseline compiler (Sparkplug). TurboFan pays back its compile
 *   time only over long runs, and on a 2-core machine its background compiles take a core from
 *   the analysis: without it the 1,034-word article ran ~60 ms faster and a 100 kB input ~250 ms
 *   faster, while 1 MiB was even and 4 MiB 1.2 s slower (TurboFan compiled 111 functions for a
 *   300 kB input in 1.7 s of CPU on that machine, where fresh memory is costly).
 * - Compile regular expressions without V8's optimisation passes. An article runs each of its
 *   ~130 patterns a few times, and compiling them is the largest single cost of its run (about a
 *   tenth of its instructions): unoptimised, ~22 million instructions fewer (2.5%), for a wall
 *   time within the noise of this machine (206 against 204 ms, 21 runs each in turn).
 * The caller decides what is short, before any analysis.
 */
export function compileForShortRun(): void {
  if (baselineOnly || makingCodeCache()) return;
  baselineOnly = true;
  setFlag('--max-opt=1');
  setFlag('--no-regexp-optimization');
}

/** The choice left open by compileWhenTextIsRead, with the inputs' size if known. */
let undecided: { knownBytes: number | null } | null = null;

/**
 * For a run on one thread, choose between compileForShortRun and compileForLongRun once the
 * first input's text is read (see settleCompileMode): by the inputs' size when it is known
 * (files), else by that text's (one input from standard input or a URL). So V8's flags are those
 * the code caches were made under (see bin/slant.js) while the first input is read, and the HTML
 * extractor, compiled on first use, can take its cache. An article piped in, once analysed as a
 * long run, is also no longer ~11 ms slower than the same file named.
 */
export function compileWhenTextIsRead(knownBytes: number | null): void {
  undecided = { knownBytes };
}

/** Called with each input's text before it is analysed; the first makes a choice left open. */
export function settleCompileMode(text: string): void {
  if (undecided === null) return;
  const { knownBytes } = undecided;
  undecided = null;
  const bytes = knownBytes ?? Buffer.byteLength(text);
  if (bytes <= SHORT_RUN_BYTES) compileForShortRun();
  else compileForLongRun(bytes, 1);
}

/**
 * The build's runs that make the code caches (see scripts/code-cache.ts) keep the flags the
 * bundles are compiled under: V8 stamps a cache with the flags at the time it is made, and
 * refuses it under any others.
 */
function makingCodeCache(): boolean {
  return process.env.SLANT_WRITE_CODE_CACHE !== undefined;
}

/**
 * For a run that is not short (large files, standard input, corpora), keep TurboFan but let it
 * inline less into each function it optimises (a budget of 100 bytes of bytecode in all, against
 * V8's 920). Our hot functions are long loops that call many small helpers; with the full budget
 * TurboFan spent hundreds of milliseconds on a few of them (the reported-speech and quotation
 * scans) while the run waited in slower code. Measured on this 2-core machine, 5 runs each, same
 * output: 1 MiB 1.05 to 0.88 s, the 1,000-article corpus 2.38 to 2.07 s, 4 MiB 2.12 to 2.07 s
 * (and 11% less CPU).
 *
 * `inputBytes`, the size of the input files (null when unknown), picks the settings for a medium
 * input (see MEDIUM_INPUT_BELOW); `workers`, the threads that will analyse, those for worker
 * threads.
 */
export function compileForLongRun(inputBytes: number | null, workers: number): void {
  if (makingCodeCache()) return;
  setFlag(`--max-inlined-bytecode-size-cumulative=${LONG_RUN_INLINING}`);
  const medium = inputBytes !== null && inputBytes < MEDIUM_INPUT_BELOW;
  if (medium || workers > 1) setFlag(`--interrupt-budget=${LATE_TIER_UP_INTERRUPT_BUDGET}`);
  if (medium && freshMemoryIsCostly()) setFlag('--semi-space-growth-factor=1');
}

/**
 * Known inputs below this size (after SHORT_RUN_BYTES: from a few articles to a long report) get
 * two more settings in compileForLongRun: a later tier-up (LATE_TIER_UP_INTERRUPT_BUDGET) and,
 * where fresh memory is costly, a young generation kept at the size it starts with (two
 * semi-spaces of 1 MiB). V8 grows it up to 2 x 16 MiB while a text is analysed, and each new page
 * costs a fault the first time it is written. On a machine where a fault costs ~12 µs (see
 * freshMemoryIsCostly) that growth cost more than the extra collections of a small young
 * generation save: 7 runs each in turn, JSON output, 512 KiB 550 to 499 ms, 1 MiB 749 to 667 ms
 * (23,000 to 16,000 page faults), 2 MiB 1,004 to 949 ms; at 3 MiB even, at 4 MiB 5% slower
 * (larger inputs keep what tuneHeapFor does).
 */
const MEDIUM_INPUT_BELOW = 2 * 1024 * 1024;

/**
 * How much bytecode a function runs between V8's checks on whether to optimise it, for a medium
 * input or a run on worker threads: about 6x V8's default (67,584). With the default, a 1 MiB
 * text had TurboFan compile 175 functions in ~750 ms of background CPU, more than the whole run's
 * wall time, and on 2 cores that work took a core from the analysis; many of those functions ran
 * only a little longer. With 400,000 it compiled 92 in ~230 ms. Measured in turn, 7 runs each,
 * same output: 256 KiB 388 to 336 ms, 512 KiB 498 to 438 ms, 1 MiB 659 to 587 ms (on one core,
 * 954 to 749 ms), 2 MB 919 to 880 ms. Worker threads each compile the same functions again, and
 * the 1,000-article corpus with `--jobs 2` went from 2,187 to 1,874 ms. From 4 MiB on a single
 * thread was even, and the corpus on a single thread ran up to 7% slower with it (its many small
 * functions are worth optimising early), so those keep V8's value.
 */
const LATE_TIER_UP_INTERRUPT_BUDGET = 400_000;

/**
 * Does writing to fresh memory cost much here? On a virtual machine that traps page-table
 * updates (the machines we measure on: ~12 µs for each 4 KiB page a process touches for the first
 * time, against well under 1 µs on bare metal) a large heap is slow to grow. Measured by writing
 * a byte to each page of a fresh 256 KiB buffer, large enough that the C library maps it freshly
 * (~0.8 ms there). Memory that happens to be reused measures cheap, and then V8 keeps its defaults.
 */
function freshMemoryIsCostly(): boolean {
  const bytes = 256 * 1024;
  const page = 4096;
  const start = process.hrtime.bigint();
  const buffer = Buffer.allocUnsafeSlow(bytes);
  for (let i = 0; i < bytes; i += page) buffer[i] = 1;
  const microsPerPage = Number(process.hrtime.bigint() - start) / 1000 / (bytes / page);
  return microsPerPage > COSTLY_MICROS_PER_PAGE;
}

/** A fresh page costs ~12 µs where it matters and ~0.1-0.3 µs on bare metal: the line is between. */
const COSTLY_MICROS_PER_PAGE = 2;

/** TurboFan's inlining budget for long runs (see compileForLongRun). */
const LONG_RUN_INLINING = 100;

/**
 * Input size from which the heap is tuned for size (a 4 MiB article and up): characters of text,
 * or bytes of a file about to be read.
 */
const LARGE_INPUT = 4 * 1024 * 1024;

/** The young generation held for a large input: two semi-spaces of 8 MiB. */
const YOUNG_GENERATION = 16 * 1024 * 1024;

let tuned = false;
let youngHeld = false;

/**
 * Before a very large input is analysed, make V8 grow its heap by 10% at a time instead of by
 * its default factor (up to 4x of the live data): for a 10 MiB article this took peak RSS from
 * about 325 to 260 MB at no measurable cost in time. V8 reads this flag each time it sizes the
 * heap after a collection. Small inputs never reach this, so their runs are unchanged.
 *
 * Called with a file's size before it is read and again after each piece of it (see
 * ReadOptions.onRead), and with the text's length once it is read: the young generation is
 * held (see holdYoungGeneration) as soon as it has grown enough, which for a large file happens
 * while it is read.
 */
export function tuneHeapFor(size: number): void {
  if (size < LARGE_INPUT) return;
  if (!tuned) {
    tuned = true;
    setFlag('--heap-growing-percent=10');
  }
  holdYoungGeneration();
}

/**
 * V8 doubles the young generation's two semi-spaces (from 1 up to 16 MiB each) whenever more than
 * a semi-space's worth has survived since the last doubling, and a long text keeps surviving: it
 * reaches 2 x 16 MiB, all of it resident for the rest of the run. At 2 x 8 MiB a 10 MiB article
 * ran as fast and peaked ~20 MB lower. The maximum cannot be changed once the heap exists, but
 * the growth factor is read at each doubling: once the young generation has reached 2 x 8 MiB,
 * a factor of 1 keeps it at its size.
 */
function holdYoungGeneration(): void {
  if (youngHeld) return;
  const young = nodeV8().getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (young !== undefined && young.space_size < YOUNG_GENERATION) return;
  youngHeld = true;
  // A V8 without this space is left as it is.
  if (young !== undefined) setFlag('--semi-space-growth-factor=1');
}
