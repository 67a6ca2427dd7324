/** A worker thread of `--jobs N`: analyses and renders the jobs it is sent, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { runJob, type Job, type JobContext, type JobResult } from './job.js';

const ctx = workerData as JobContext;

parentPort?.on('message', (message: { id: number; job: Job }) => {
  runJob(message.job, ctx).then(
    (result) => parentPort?.postMessage({ id: message.id, result }),
    (error: unknown) => parentPort?.postMessage({
      id: message.id,
      result: { output: '', failed: false, error: null } satisfies JobResult,
      crash: error instanceof Error ? error.message : String(error),
    }),
  );
});
