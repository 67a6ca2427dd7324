import { Worker } from 'node:worker_threads';
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
  const pool = new WorkerPool(workers, ctx);
  const pending: Array<{ promise: Promise<JobResult>; settled: boolean }> = [];
  const limit = workers * 4;
  // Write every finished result at the head of the queue; wait for the head only when the queue is full.
  const drain = async (all: boolean) => {
    while (pending.length > 0 && (all || pending[0].settled || pending.length >= limit)) {
      const head = pending.shift()!;
      await onResult(await head.promise);
    }
  };
  try {
    for await (const item of jobs) {
      const promise = 'error' in item ? Promise.resolve(inputError(item.error)) : pool.run(item);
      const entry = { promise, settled: false };
      promise.then(() => { entry.settled = true; }, () => { entry.settled = true; });
      pending.push(entry);
      await drain(false);
    }
    await drain(true);
  } finally {
    await pool.close();
  }
}

/** An input that could not be turned into a job (a bad corpus line) is reported in its place. */
function inputError(error: string): JobResult {
  return { output: '', failed: false, error };
}

class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<(w: Worker) => void> = [];
  private readonly all: Worker[] = [];
  private readonly callbacks = new Map<number, { resolve: (r: JobResult) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor(size: number, ctx: JobContext) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: ctx });
      worker.on('message', (m: { id: number; result: JobResult; crash?: string }) => {
        const cb = this.callbacks.get(m.id);
        this.callbacks.delete(m.id);
        this.release(worker);
        if (m.crash !== undefined) cb?.reject(new Error(m.crash));
        else cb?.resolve(m.result);
      });
      worker.on('error', (error) => {
        for (const cb of this.callbacks.values()) cb.reject(error);
        this.callbacks.clear();
      });
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  async run(job: Job): Promise<JobResult> {
    const worker = this.idle.pop() ?? (await new Promise<Worker>((resolve) => this.waiting.push(resolve)));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.callbacks.set(id, { resolve, reject });
      worker.postMessage({ id, job });
    });
  }

  private release(worker: Worker): void {
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
