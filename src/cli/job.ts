import { analyzeDocument } from '../analyze.js';
import type { Document } from '../document/types.js';
import { UserError } from '../input/errors.js';
import { readInput } from '../input/read.js';
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
  /** The rendered report (for `json`, one pretty-printed report without a trailing newline). */
  output: string;
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
      const input = await readInput(job.path, { fetch: { timeoutMs: ctx.timeoutMs } });
      ({ name, text, page } = input);
    } catch (error) {
      if (error instanceof UserError) return { output: '', failed: false, error: error.message };
      throw error;
    }
  } else ({ name, text } = job);
  const rules = rulesOf(ctx);
  const { report, doc } = analyzeDocument(text, { name, rules, page, allow: ctx.allow });
  const { failOn } = ctx.settings;
  const failed = failOn !== undefined && report.findings.some((f) => severityRank(f.severity) >= severityRank(failOn));
  return { output: await renderReport(report, doc, ctx.settings, rules), failed, error: null };
}

let builtinRules: RuleSet | undefined;

function rulesOf(ctx: JobContext): RuleSet {
  return ctx.rules ?? (builtinRules ??= loadRuleSet());
}

/** Renderers are loaded on demand: a JSON run never loads the HTML or terminal renderer. */
async function renderReport(report: Report, doc: Document, settings: RenderSettings, rules: RuleSet): Promise<string> {
  const input = { report, paragraphs: doc.paragraphs };
  const explanations = settings.explain || settings.format === 'html' ? explanationsOf(rules) : undefined;
  switch (settings.format) {
    case 'json':
      return JSON.stringify(report, null, 2);
    case 'jsonl':
      return `${JSON.stringify(report)}\n`;
    case 'markdown': {
      const { renderMarkdown } = await import('../render/markdown.js');
      return renderMarkdown(input, { explain: settings.explain, explanations });
    }
    case 'html': {
      const { renderHtml } = await import('../render/html.js');
      return renderHtml(input, { explain: settings.explain, explanations });
    }
    default: {
      const { renderTerminal } = await import('../render/terminal.js');
      return renderTerminal(input, { colorLevel: settings.colorLevel, width: settings.width, explain: settings.explain, explanations });
    }
  }
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
