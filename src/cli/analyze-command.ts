import { statSync } from 'node:fs';
import { UserError } from '../input/errors.js';
import { isCorpusPath, readCorpus } from '../input/corpus.js';
import { expandInputs } from '../input/expand.js';
import { looksLikeUrl } from '../input/fetch.js';
import { STDIN_NAME } from '../input/read.js';
import { peekStdin, stdinChunks } from '../input/stdin.js';
import { SEVERITIES, type RuleSet, type Severity } from '../rules/types.js';
import { colorLevel } from './color.js';
import { FORMATS, type Format, type Job, type JobContext, type JobResult } from './job.js';
import { AtomicFile, checkOutputTarget } from './output-file.js';
import { isCharacterDevice, stdoutTerminal, warn, write } from './output.js';
import { runInOrder } from './pool.js';
import { Sink } from './sink.js';
import { compileForLongRun, compileForShortRun, compileWhenTextIsRead, SHORT_RUN_BYTES } from './v8-flags.js';

export { FORMATS, type Format };

export const INPUT_FORMATS = ['auto', 'text', 'jsonl'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface AnalyzeCommandOptions {
  format: Format;
  failOn?: Severity;
  color?: boolean;
  explain: boolean;
  width?: number;
  /** null: the built-in rules, loaded on first use. */
  rules: RuleSet | null;
  /** Give up fetching a URL after this many milliseconds (default 15 s). */
  timeoutMs?: number;
  /** `--output FILE`: write the rendered output there atomically instead of to standard output. */
  output?: string;
  /** Allowlist: phrases never flagged. */
  allow?: readonly string[];
  /** Worker threads (1: analyse in the main thread). */
  jobs?: number;
  recursive?: boolean;
  /** `jsonl`: inputs are JSON Lines corpora of {"id", "text"}; `auto`: *.jsonl files, and stdin that starts with "{" under --format jsonl. */
  inputFormat?: InputFormat;
}

/** Read every input, analyse, render, and write in input order. Returns the exit code. */
export async function runAnalyze(paths: string[], options: AnalyzeCommandOptions): Promise<number> {
  if (options.failOn !== undefined && !SEVERITIES.includes(options.failOn)) {
    throw new UserError(`--fail-on must be one of ${SEVERITIES.join(', ')}`);
  }
  const sources = await expandInputs(paths.length > 0 ? paths : ['-'], { recursive: options.recursive ?? false });
  if (options.format === 'html' && sources.length > 1) throw new UserError('--format html writes one page: give it one input');
  // Checked before any input is read: a refused --output leaves everything as it was.
  const target = options.output === undefined ? null : checkOutputTarget(options.output, sources);
  const terminal = target === null ? stdoutTerminal() : null;
  const ctx: JobContext = {
    rules: options.rules,
    allow: options.allow,
    timeoutMs: options.timeoutMs,
    settings: {
      format: options.format,
      explain: options.explain,
      failOn: options.failOn,
      colorLevel: colorLevel(options.color, process.env, terminal ?? {}),
      width: options.width ?? terminal?.columns ?? 80,
    },
  };

  // Output is written as it is rendered: to stdout, or into --output's temporary file.
  const file = target === null ? null : new AtomicFile(target, options.output);
  const sink = new Sink(file === null ? write : (text) => file.write(text));
  const spinner = await maybeSpinner(sources.length);
  let exitCode = 0;
  let failed = false;
  let written = 0;
  /** `--format json` with several reports: the "[" of the array has been written. */
  let jsonArray = false;
  let corpus = false;

  const onResult = async (result: JobResult) => {
    if (result.error !== null) {
      spinner?.clear();
      warn(result.error);
      exitCode = 2;
      return;
    }
    failed ||= result.failed;
    spinner?.clear();
    if (options.format === 'json') {
      // One input: its report; several (or a corpus): an array of them, written as they come.
      const single = sources.length === 1 && !corpus;
      if (!single) {
        await sink.write(written === 0 ? '[\n' : ',\n');
        jsonArray = true;
      }
      await sink.writeAll(result.output);
      if (single) await sink.write('\n');
    } else {
      const separator = written === 0 ? '' : options.format === 'terminal' ? '\n' : options.format === 'markdown' ? '\n---\n\n' : '';
      await sink.write(separator);
      await sink.writeAll(result.output);
    }
    await sink.flush();
    written++;
    if (spinner) spinner.text = `Analysed ${written} of ${corpus ? 'a corpus' : sources.length}`;
  };

  async function* jobs(): AsyncGenerator<Job | { error: string }> {
    for (const source of sources) {
      const mode = inputMode(source, options);
      if (mode === 'corpus') {
        corpus = true;
        for await (const line of readCorpus(source === '-' ? stdinChunks() : source, source === '-' ? STDIN_NAME : source)) {
          yield line.ok ? { kind: 'text', name: line.item.name, text: line.item.text } : { error: line.error };
        }
      } else yield { kind: 'path', path: source };
    }
  }

  const inputBytes = knownInputBytes(sources, options);
  const workers = Math.max(1, options.jobs ?? 1);
  // On one thread, files of known size and a single text of unknown size (stdin, a URL) are sized
  // once the first is read; worker threads and corpora are sized now.
  const oneTextOfUnknownSize = sources.length === 1 && (looksLikeUrl(sources[0]) || sources[0] === '-' && inputMode('-', options) === 'single');
  if (workers === 1 && (inputBytes !== null || oneTextOfUnknownSize)) compileWhenTextIsRead(inputBytes);
  else if (inputBytes !== null && inputBytes <= SHORT_RUN_BYTES) compileForShortRun();
  else compileForLongRun(inputBytes, workers);
  const fetching = sources.some(looksLikeUrl) && !spinner ? await urlSpinner(sources.find(looksLikeUrl)!) : null;
  try {
    try {
      await runInOrder(jobs(), ctx, workers, onResult);
    } finally {
      fetching?.stop();
      spinner?.stop();
    }
    if (options.format === 'json') {
      if (jsonArray) await sink.write('\n]\n');
      else if (written === 0 && exitCode === 0) await sink.write('[\n\n]\n');
    }
    await sink.flush();
    // As before streaming: no file when every input failed and nothing was written.
    if (file !== null && (sink.wrote || exitCode === 0)) await file.commit();
  } finally {
    await file?.abort();
  }
  if (exitCode !== 0) return exitCode;
  return failed ? 1 : 0;
}

/** Bytes of input in all when the inputs are files of text; null when standard input, a URL or a corpus makes it unknown. */
function knownInputBytes(sources: string[], options: AnalyzeCommandOptions): number | null {
  if (options.inputFormat === 'jsonl') return null;
  let bytes = 0;
  for (const source of sources) {
    if (source === '-' || looksLikeUrl(source) || isCorpusPath(source)) return null;
    bytes += sizeOf(source);
  }
  return bytes;
}

/** A file's size, 0 when it cannot be read (which readInput reports). */
function sizeOf(path: string): number {
  try {
    return statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  } catch {
    return 0;
  }
}

/** Is this input a JSON Lines corpus? Explicit `--input-format`, a .jsonl name, or stdin that opens with "{" under --format jsonl. */
function inputMode(source: string, options: AnalyzeCommandOptions): 'corpus' | 'single' {
  const format = options.inputFormat ?? 'auto';
  if (format === 'jsonl') return 'corpus';
  if (format === 'text' || looksLikeUrl(source)) return 'single';
  if (source !== '-') return isCorpusPath(source) ? 'corpus' : 'single';
  if (options.format !== 'jsonl') return 'single';
  let first: Buffer | null;
  try {
    first = peekStdin();
  } catch {
    // Unreadable (a folder as stdin): the reader of the text says why.
    return 'single';
  }
  return first !== null && /^\s*\{/.test(first.toString('utf8', 0, Math.min(first.length, 64))) ? 'corpus' : 'single';
}

interface Spinner {
  text: string;
  clear(): void;
  stop(): void;
}

/**
 * A spinner needs an interactive stderr with a known width: ora divides by the width to count
 * the lines it clears, and on a terminal that reports 0 columns (a pseudo-terminal given no
 * size, as under `script`) it wrote clear sequences without end.
 */
function canSpin(): boolean {
  return isCharacterDevice(2) && process.stderr.isTTY === true && (process.stderr.columns ?? 0) > 0 && !process.env.CI;
}

/** A spinner only for batches where work takes noticeable time. */
async function maybeSpinner(inputs: number): Promise<Spinner | null> {
  if (inputs < 3 || !canSpin()) return null;
  const { default: ora } = await import('ora');
  return ora({ stream: process.stderr, text: 'Analysing' }).start();
}

/** A spinner on an interactive stderr while a URL is fetched (ora is loaded only then). */
async function urlSpinner(url: string): Promise<Spinner | null> {
  if (!canSpin()) return null;
  const { default: ora } = await import('ora');
  return ora({ stream: process.stderr, text: `Fetching ${url}` }).start();
}
