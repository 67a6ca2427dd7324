import { analyzeAttribution, reportQuotes, type AttributionResult } from './attribution/quotes.js';
import { allowMatcher } from './config/allow.js';
import { DETECTORS } from './detectors/index.js';
import type { AnalysisContext } from './detectors/types.js';
import { buildDocument } from './document/build.js';
import { QuotationLookup } from './document/quotations.js';
import type { Document, Paragraph } from './document/types.js';
import type { Finding } from './findings/types.js';
import { EMPTY_LOOKUP, type OutletLookup } from './provenance/lookup.js';
import { defaultOutletLookup } from './provenance/outlets.js';
import { readProvenance, type PageMeta, type ProvenanceRead } from './provenance/read.js';
import { insideResidue } from './provenance/residue.js';
import { buildReport, type ReportInput } from './report/build.js';
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
  /** Metadata of the HTML page the text was extracted from (byline, publisher, dates, URL). */
  page?: PageMeta | null;
  /** The outlet registry's lookup (default: rules/outlets/). */
  outlets?: OutletLookup;
  /** Allowlist: findings whose text equals one of these phrases (case-insensitively) are dropped. */
  allow?: readonly string[];
}

let defaultRules: RuleSet | undefined;

/** Analyse one text: document model → provenance → attribution (speakers) → detectors → findings with voice → report. */
export function analyze(text: string, options: AnalyzeOptions = {}): Report {
  return analyzeDocument(text, options).report;
}

/**
 * The report and the paragraphs of its text (renderers lay the text out by them). The document
 * model, the attribution pass and the internal findings are left behind before the report is
 * built: for a long article they are most of the memory, and the report does not need them.
 */
export function analyzeDocument(text: string, options: AnalyzeOptions = {}): { report: Report; paragraphs: Paragraph[] } {
  const input = analyzeText(text, options);
  const report = buildReport(input);
  return { report, paragraphs: input.paragraphs };
}

/** Everything the report is built from; the document model itself is not kept. */
function analyzeText(text: string, options: AnalyzeOptions): ReportInput & { paragraphs: Paragraph[] } {
  const rules = options.rules ?? (defaultRules ??= loadRuleSet());
  const doc = buildDocument(text);
  const provenance = readProvenance(doc, { page: options.page, outlets: options.outlets ?? outletLookup() });
  // Speakers are resolved before the detectors run, so a finding inside a quotation names its speaker.
  const attribution = analyzeAttribution(doc, rules.rules, provenance.residue);
  const allowed = allowMatcher(options.allow);
  const findings = detect(doc, compileRules(rules), provenance, attribution)
    .filter((f) => !allowed || f.start === null || f.end === null || !allowed(doc.text.slice(f.start, f.end)));
  // Residue is not article prose: no claims or quotations are read from it.
  const quotes = reportQuotes(attribution).filter((q) => !insideResidue(provenance.residue, q.start, q.end));
  return {
    name: options.name ?? '<text>', text: doc.text, title: doc.title, words: doc.words, findings, quotes,
    voices: attribution.summary.voices, readings: attribution.summary.readings, provenance: provenance.report,
    paragraphs: doc.paragraphs,
  };
}

function outletLookup(): OutletLookup {
  try {
    return defaultOutletLookup();
  } catch {
    return EMPTY_LOOKUP;
  }
}

/**
 * Run the detectors, then decide each finding's voice from the quotations around it. Findings
 * other than provenance ones that fall inside page residue are dropped.
 */
export function detect(doc: Document, engine: Engine, provenance?: ProvenanceRead, attribution?: AttributionResult): Finding[] {
  const quotes = new QuotationLookup(doc.quotations);
  const residue = provenance?.residue ?? [];
  const out: Finding[] = [];
  for (const f of engine.run({ doc, quotes, residue, provenance, attribution })) {
    if (f.rule.category !== 'provenance' && insideResidue(residue, f.start, f.end)) continue;
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
