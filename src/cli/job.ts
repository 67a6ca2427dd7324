import { analyzeDocument } from '../analyze.js';
import type { Paragraph } from '../document/types.js';
import { UserError } from '../input/errors.js';
import { readInput } from '../input/read.js';
import { settleCompileMode, tuneHeapFor } from './v8-flags.js';
import { reportJsonChunks, reportJsonLineChunks } from '../report/json-chunks.js';
import type { Report } from '../report/types.js';
import { loadRuleSet } from '../rules/load.js';
import { severityRank, type RuleSet, type Severity } from '../rules/types.js';

export const FORMATS = ['terminal', 'json', 'jsonl', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** How each report is rendered; decided once in the main thread (colour depends on its stdout). */
export interface RenderSettings {
  format: Format;
  explain: boolean;
  colorLevel: 0 | 1 | 2 | 3;
  width: number;
  failOn?: Severity;
}

/** Everything a job needs: plain data, so it can be sent to a worker thread as it is. */
export interface JobContext {
  /**
   * The rules in effect, or null for the built-in rules as they are: then each thread loads them
   * when its first input has been read, so a run whose inputs cannot be read never loads them.
   */
  rules: RuleSet | null;
  allow?: readonly string[];
  settings: RenderSettings;
  timeoutMs?: number;
}

/** One input: a path or URL to read, or a text already in hand (a line of a JSON Lines corpus). */
export type Job = { kind: 'path'; path: string } | { kind: 'text'; name: string; text: string };

export interface JobResult {
  /**
   * The rendered report in pieces (for `json`, one pretty-printed report without a trailing
   * newline). Rendered lazily, as they are taken, so a big report is written as it is rendered;
   * a worker thread sends its output back joined, as one piece.
   */
  output: Iterable<string>;
  /** A finding at or above `--fail-on`. */
  failed: boolean;
  /** A one-line input error; `output` is empty then. */
  error: string | null;
}

/** Read, analyse and render one input. Input problems come back as `error`, never thrown. */
export async function runJob(job: Job, ctx: JobContext): Promise<JobResult> {
  let name: string;
  let text: string;
  let page;
  if (job.kind === 'path') {
    try {
      const input = await readInput(job.path, { fetch: { timeoutMs: ctx.timeoutMs }, onRead: tuneHeapFor });
      ({ name, text, page } = input);
    } catch (error) {
      if (error instanceof UserError) return { output: [], failed: false, error: error.message };
      throw error;
    }
  } else ({ name, text } = job);
  settleCompileMode(text);
  tuneHeapFor(text.length);
  const rules = rulesOf(ctx);
  const { report, paragraphs } = analyzeDocument(text, { name, rules, page, allow: ctx.allow });
  const { failOn } = ctx.settings;
  const failed = failOn !== undefined && report.findings.some((f) => severityRank(f.severity) >= severityRank(failOn));
  // JSON needs only the report: the paragraphs are not kept alive while it is written.
  const output = await renderReport(report, ctx.settings.format === 'json' || ctx.settings.format === 'jsonl' ? [] : paragraphs, ctx.settings, rules);
  return { output, failed, error: null };
}

let builtinRules: RuleSet | undefined;

function rulesOf(ctx: JobContext): RuleSet {
  return ctx.rules ?? (builtinRules ??= loadRuleSet());
}

/** Renderers are loaded on demand: a JSON run never loads the HTML or terminal renderer. */
async function renderReport(report: Report, paragraphs: Paragraph[], settings: RenderSettings, rules: RuleSet): Promise<Iterable<string>> {
  const input = { report, paragraphs };
  const explanations = settings.explain || settings.format === 'html' ? explanationsOf(rules) : undefined;
  switch (settings.format) {
    case 'json':
      return reportJsonChunks(report);
    case 'jsonl':
      return jsonLine(report);
    case 'markdown': {
      const { markdownPieces } = await import('../render/markdown.js');
      return markdownPieces(input, { explain: settings.explain, explanations });
    }
    case 'html': {
      const { htmlPieces } = await import('../render/html.js');
      return htmlPieces(input, { explain: settings.explain, explanations });
    }
    default: {
      const { terminalPieces } = await import('../render/terminal.js');
      return terminalPieces(input, { colorLevel: settings.colorLevel, width: settings.width, explain: settings.explain, explanations });
    }
  }
}

function* jsonLine(report: Report): Generator<string> {
  yield* reportJsonLineChunks(report);
  yield '\n';
}

const explanationCache = new WeakMap<RuleSet, Map<string, string>>();

function explanationsOf(rules: RuleSet): Map<string, string> {
  let map = explanationCache.get(rules);
  if (!map) {
    map = new Map(rules.rules.map((r) => [r.id, r.explanation]));
    explanationCache.set(rules, map);
  }
  return map;
}
