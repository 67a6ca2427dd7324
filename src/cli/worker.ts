/** A worker thread of `--jobs N`: analyses and renders the jobs it is sent, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { builtinRulesDir } from '../paths.js';
import { readCache } from '../rules/cache.js';
import { listPacks } from '../rules/load.js';
import { runJob, type Job, type JobContext, type JobResult } from './job.js';

const ctx = workerData as JobContext;
// A rule set sent as plain data (user packs, disabled rules): load the build-time cache too, so
// this thread reuses the compiled phrase trie and inflection table instead of rebuilding them.
// Without one, the thread loads the built-in rules, cache included, for its first input.
if (ctx.rules !== null) {
  try {
    readCache(listPacks(builtinRulesDir(), false));
  } catch {
    // No cache (or no rules folder): the detectors build what they need.
  }
}

parentPort?.on('message', (message: { id: number; job: Job }) => {
  // Rendered here, in this thread, and sent as one string (an article's report is small enough).
  runJob(message.job, ctx).then((result) => ({ ...result, output: [[...result.output].join('')] })).then(
    (result) => parentPort?.postMessage({ id: message.id, result: result satisfies JobResult }),
    (error: unknown) => parentPort?.postMessage({
      id: message.id,
      result: { output: [], failed: false, error: null } satisfies JobResult,
      crash: error instanceof Error ? error.message : String(error),
    }),
  );
});
