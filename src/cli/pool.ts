import type { Worker } from 'node:worker_threads';
import { runJob, type Job, type JobContext, type JobResult } from './job.js';

/**
 * Run jobs with up to `workers` threads and hand results back strictly in input order.
 * At most `workers * 4` jobs are in flight or waiting to be written, so a corpus of any
 * length runs in bounded memory.
 */
export async function runInOrder(
  jobs: AsyncIterable<Job | { error: string }>,
  ctx: JobContext,
  workers: number,
  onResult: (result: JobResult) => Promise<void>,
): Promise<void> {
  if (workers <= 1) {
    for await (const item of jobs) await onResult('error' in item ? inputError(item.error) : await runJob(item, ctx));
    return;
  }
  // Loaded only here: node:worker_threads costs a single-threaded run ~5 ms of start-up.
  const { Worker: WorkerThread } = await import('node:worker_threads');
  const pool = new WorkerPool(workers, ctx, (data) => new WorkerThread(new URL('./worker.cjs', import.meta.url), { workerData: data }));
  try {
    await inOrder(jobs, (job) => pool.run(job), workers * 4, onResult);
  } finally {
    await pool.close();
  }
}

/**
 * Start each job as it comes and hand results on in input order. At most `limit` jobs are
 * started and not yet handed on: when the queue is full, no more jobs are read until the
 * oldest has been handed on, and `onResult` may take as long as it needs (a slow reader of
 * stdout), so neither input nor results pile up.
 */
export async function inOrder(
  jobs: AsyncIterable<Job | { error: string }>,
  run: (job: Job) => Promise<JobResult>,
  limit: number,
  onResult: (result: JobResult) => Promise<void>,
): Promise<void> {
  const pending: Array<{ promise: Promise<JobResult>; settled: boolean }> = [];
  // Write every finished result at the head of the queue; wait for the head only when the queue is full.
  const drain = async (all: boolean) => {
    while (pending.length > 0 && (all || pending[0].settled || pending.length >= limit)) {
      const head = pending.shift()!;
      const result = await head.promise;
      await onResult(result);
      forgetOutput(result);
    }
  };
  for await (const item of jobs) {
    const promise = 'error' in item ? Promise.resolve(inputError(item.error)) : run(item);
    const entry = { promise, settled: false };
    promise.then(() => { entry.settled = true; }, () => { entry.settled = true; });
    pending.push(entry);
    await drain(false);
  }
  await drain(true);
}

/**
 * Let go of a result's output once it is written. A settled promise keeps its value for as long
 * as the promise lives, and a job's promise often outlives a young-generation collection or two
 * (it waits for the jobs before it), so V8 moves it to the old generation, where it stays until
 * the next full collection. Its output, tens of kB of JSON per report, then stayed reachable too:
 * every collection of the young generation copied it again. With `--jobs 2` on 10,000 articles
 * the main thread spent 832 ms collecting (77 young collections and 14 full ones); without the
 * output, 190 ms (98 young ones). 3,000 articles ran in 4.28 s instead of 4.62 (7 runs each, in
 * turn); at 10,000 the difference was within the machine's noise.
 */
function forgetOutput(result: JobResult): void {
  result.output = NO_OUTPUT;
}

const NO_OUTPUT: readonly string[] = [];

/** An input that could not be turned into a job (a bad corpus line) is reported in its place. */
function inputError(error: string): JobResult {
  return { output: [], failed: false, error };
}

/**
 * Jobs a worker holds at once: the one it runs and the next, so it starts the next as soon as it
 * posts a result instead of idling until the main thread has handled that result and sent more.
 */
const DEPTH = 2;

interface Slot {
  worker: Worker;
  /** jobs sent and not yet answered */
  busy: number;
}

class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Array<(slot: Slot) => void> = [];
  private readonly callbacks = new Map<number, { resolve: (r: JobResult) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor(size: number, ctx: JobContext, start: (data: JobContext) => Worker) {
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: start(ctx), busy: 0 };
      slot.worker.on('message', (m: { id: number; result: JobResult; crash?: string }) => {
        const cb = this.callbacks.get(m.id);
        this.callbacks.delete(m.id);
        this.release(slot);
        if (m.crash !== undefined) cb?.reject(new Error(m.crash));
        else cb?.resolve(m.result);
      });
      slot.worker.on('error', (error) => {
        for (const cb of this.callbacks.values()) cb.reject(error);
        this.callbacks.clear();
      });
      this.slots.push(slot);
    }
  }

  async run(job: Job): Promise<JobResult> {
    const slot = this.take() ?? (await new Promise<Slot>((resolve) => this.waiting.push(resolve)));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.callbacks.set(id, { resolve, reject });
      slot.worker.postMessage({ id, job });
    });
  }

  /** The worker with the fewest jobs, if one can take another; counted busy at once. */
  private take(): Slot | undefined {
    let best: Slot | undefined;
    for (const slot of this.slots) if (slot.busy < DEPTH && (!best || slot.busy < best.busy)) best = slot;
    if (best) best.busy++;
    return best;
  }

  private release(slot: Slot): void {
    slot.busy--;
    const next = this.waiting.shift();
    if (next) {
      slot.busy++;
      next(slot);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
