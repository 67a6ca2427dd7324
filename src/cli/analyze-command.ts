import { analyze } from '../analyze.js';
import { buildDocument } from '../document/build.js';
import { UserError } from '../input/errors.js';
import { readInput, STDIN_NAME, type InputText } from '../input/read.js';
import { renderJson, renderJsonLine } from '../render/json.js';
import { renderTerminal } from '../render/terminal.js';
import type { Report } from '../report/types.js';
import { SEVERITIES, severityRank, type RuleSet, type Severity } from '../rules/types.js';
import { colorLevel } from './color.js';
import { warn, write } from './output.js';

export const FORMATS = ['terminal', 'json', 'jsonl'] as const;
export type Format = (typeof FORMATS)[number];

export interface AnalyzeCommandOptions {
  format: Format;
  failOn?: Severity;
  color?: boolean;
  explain: boolean;
  width?: number;
  rules: RuleSet;
}

/** Read every input, analyse, render in input order. Returns the exit code. */
export async function runAnalyze(paths: string[], options: AnalyzeCommandOptions): Promise<number> {
  if (options.failOn !== undefined && !SEVERITIES.includes(options.failOn)) {
    throw new UserError(`--fail-on must be one of ${SEVERITIES.join(', ')}`);
  }
  const sources = paths.length > 0 ? paths : ['-'];
  let exitCode = 0;
  let failed = false;
  const reports: Report[] = [];
  const spinner = await maybeSpinner(sources.length);
  const explanations = new Map(options.rules.rules.map((r) => [r.id, r.explanation]));

  for (const [index, path] of sources.entries()) {
    if (spinner) spinner.text = `Analysing ${index + 1}/${sources.length}: ${path === '-' ? STDIN_NAME : path}`;
    let input: InputText;
    try {
      input = await readInput(path);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      spinner?.clear();
      warn(error.message);
      exitCode = 2;
      continue;
    }
    const report = analyze(input.text, { name: input.name, rules: options.rules });
    if (options.failOn && report.findings.some((f) => severityRank(f.severity) >= severityRank(options.failOn!))) failed = true;
    spinner?.clear();
    if (options.format === 'jsonl') await write(renderJsonLine(report));
    else if (options.format === 'json') reports.push(report);
    else {
      const text = renderTerminal({ report, paragraphs: buildDocument(input.text).paragraphs }, {
        colorLevel: colorLevel(options.color, process.env, process.stdout),
        width: options.width ?? process.stdout.columns ?? 80,
        explain: options.explain,
        explanations,
      });
      await write((index > 0 ? '\n' : '') + text);
    }
  }
  spinner?.stop();
  if (options.format === 'json' && (reports.length > 0 || exitCode === 0)) {
    await write(renderJson(sources.length === 1 ? reports[0] : reports));
  }
  if (exitCode !== 0) return exitCode;
  return failed ? 1 : 0;
}

interface Spinner {
  text: string;
  clear(): void;
  stop(): void;
}

/** A spinner only on an interactive stderr, and only for batches where work takes noticeable time. */
async function maybeSpinner(inputs: number): Promise<Spinner | null> {
  if (!process.stderr.isTTY || inputs < 3 || process.env.CI) return null;
  const { default: ora } = await import('ora');
  return ora({ stream: process.stderr, text: 'Analysing' }).start();
}
