import { extractQuotes } from './attribution/quotes.js';
import { DETECTORS } from './detectors/index.js';
import type { AnalysisContext } from './detectors/types.js';
import { buildDocument } from './document/build.js';
import { QuotationLookup } from './document/quotations.js';
import type { Document } from './document/types.js';
import type { Finding } from './findings/types.js';
import { readProvenance } from './provenance/read.js';
import { buildReport } from './report/build.js';
import type { Report } from './report/types.js';
import { RuleError } from './rules/errors.js';
import { loadRuleSet } from './rules/load.js';
import type { Rule, RuleSet } from './rules/types.js';

export interface Engine {
  ruleSet: RuleSet;
  run(ctx: AnalysisContext): Finding[];
}

const engines = new WeakMap<RuleSet, Engine>();

/** Compile every detector once for a rule set (cached), so each document only pays for matching. */
export function compileRules(ruleSet: RuleSet): Engine {
  const cached = engines.get(ruleSet);
  if (cached) return cached;
  const byDetector = new Map<string, Rule[]>();
  for (const rule of ruleSet.rules) {
    if (!DETECTORS.has(rule.detector)) {
      const [file, line] = splitSource(rule.source);
      throw new RuleError(file, line, `rule "${rule.id}" names unknown detector "${rule.detector}" (known: ${[...DETECTORS.keys()].join(', ')})`);
    }
    const list = byDetector.get(rule.detector) ?? [];
    list.push(rule);
    byDetector.set(rule.detector, list);
  }
  const runners = [...byDetector].map(([name, rules]) => DETECTORS.get(name)!.create(rules));
  const engine: Engine = { ruleSet, run: (ctx) => runners.flatMap((run) => run(ctx)) };
  engines.set(ruleSet, engine);
  return engine;
}

export interface AnalyzeOptions {
  /** Shown as the source: a path or `<stdin>`. */
  name?: string;
  rules?: RuleSet;
}

let defaultRules: RuleSet | undefined;

/** Analyse one text: document model → detectors → findings with voice → report. */
export function analyze(text: string, options: AnalyzeOptions = {}): Report {
  const rules = options.rules ?? (defaultRules ??= loadRuleSet());
  const doc = buildDocument(text);
  const findings = detect(doc, compileRules(rules));
  return buildReport({ name: options.name ?? '<text>', doc, findings, quotes: extractQuotes(doc), provenance: readProvenance(doc) });
}

/** Run the detectors, then decide each finding's voice from the quotations around it. */
export function detect(doc: Document, engine: Engine): Finding[] {
  const quotes = new QuotationLookup(doc.quotations);
  const out: Finding[] = [];
  for (const f of engine.run({ doc, quotes })) {
    if (f.voice === undefined) {
      const q = f.start === null || f.end === null ? undefined : quotes.at(f.start, f.end);
      f.voice = q ? 'quoted' : 'outlet';
      f.speaker = f.speaker ?? q?.speaker ?? null;
    }
    if (f.rule.voice === 'outlet' && f.voice === 'quoted') continue;
    out.push(f);
  }
  return out.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || (a.end ?? 0) - (b.end ?? 0));
}

function splitSource(source: string): [string, number] {
  const at = source.lastIndexOf(':');
  return [source.slice(0, at), Number(source.slice(at + 1)) || 0];
}
