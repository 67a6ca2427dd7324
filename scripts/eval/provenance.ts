/**
 * Provenance evaluation on our hand-labelled gold set, tests/fixtures/provenance/ (see its
 * README.md for the labelling conventions). Each `.txt` is analysed as text; each `.html` goes
 * through the HTML extraction first, exactly as `slant page.html` does.
 *
 * Fields and how they are scored:
 * - byline, date, publisher, republisher: accuracy over all pages (null must match null).
 *   Publisher/republisher match when the strings are equal (case and a leading "The" aside) or
 *   name the same registry outlet.
 * - dateline credit: accuracy of `dateline.credit` (null when there is no dateline or no credit);
 *   dateline place is shown beside it.
 * - outlets: set of (outlet, role) pairs per page, micro precision/recall/F1 over all pages
 *   (an outlet counts as the same when both names resolve to one registry entry, "AP" and
 *   "The Associated Press"; otherwise by equal names); page-level exact-set accuracy beside it.
 * - residue: overlap-based span F1 (SemEval-2020 Task 11 credit, metrics.ts) over code points of
 *   the analysed text; a gold entry that is not in the analysed text counts as missed.
 * - registry facts: every owner/country/typology the report gives must be the registry's own.
 *
 * Rules are general: fixtures are not to be tuned to one by one (they stand for unseen pages).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/analyze.js';
import { extractHtml } from '../../src/input/html.js';
import type { OutletLookup } from '../../src/provenance/lookup.js';
import { defaultOutletLookup } from '../../src/provenance/outlets.js';
import type { ReportProvenance } from '../../src/report/types.js';
import type { RuleSet } from '../../src/rules/types.js';
import type { EvalContext, EvalSection } from './context.js';
import { addCredit, codePointIndex, emptyCounts, emptyCredit, overlapCredit, pct, scoresFromCounts, scoresFromCredit, table, type Span } from './metrics.js';

interface Gold {
  byline: string | null;
  date: string | null;
  dateline: { place: string; credit: string | null } | null;
  publisher: string | null;
  republisher: string | null;
  outlets: Array<{ name: string; role: string }>;
  residue: string[];
}

export interface PageResult {
  file: string;
  gold: Gold;
  got: ReportProvenance;
  text: string;
}

const NO_RULES: RuleSet = { rules: [], byId: new Map(), dirs: [] };

const FIELDS = ['dateline credit', 'dateline place', 'byline', 'date', 'publisher', 'republisher'] as const;

function fold(s: string): string {
  return s.normalize('NFKC').replace(/[’]/g, "'").toLowerCase().replace(/^the\s+/, '').replace(/\s+/g, ' ').trim();
}

/** Identity of an outlet name: its registry entry when it has one, else the folded name. */
function outletKey(lookup: OutletLookup, name: string): string {
  return lookup.byName(name)?.key ?? `name:${fold(name)}`;
}

function sameOutlet(lookup: OutletLookup, a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return fold(a) === fold(b) || outletKey(lookup, a) === outletKey(lookup, b);
}

/** Analyse every page of the gold set. */
export function runGoldSet(dir: string): PageResult[] {
  const out: PageResult[] = [];
  for (const file of readdirSync(dir).filter((f) => /\.(txt|html)$/.test(f)).sort()) {
    const goldPath = join(dir, file.replace(/\.(txt|html)$/, '.gold.json'));
    if (!existsSync(goldPath)) continue;
    const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold;
    const raw = readFileSync(join(dir, file), 'utf8');
    let text = raw;
    let page = null;
    if (file.endsWith('.html')) ({ text, page } = extractHtml(raw));
    // The provenance block does not depend on the rule packs: an empty rule set keeps this
    // section independent of the state of the other detectors.
    const report = analyze(text, { name: file, page, rules: NO_RULES });
    out.push({ file, gold, got: report.provenance, text: report.text });
  }
  return out;
}

export function scoreGoldSet(results: PageResult[], lookup: OutletLookup, details = false): string {
  const correct: Record<(typeof FIELDS)[number], number> = Object.fromEntries(FIELDS.map((f) => [f, 0])) as never;
  const misses: string[] = [];
  const outletCounts = emptyCounts();
  let outletPagesExact = 0;
  const residue = emptyCredit();
  let factViolations = 0;
  const factNotes: string[] = [];

  for (const { file, gold, got, text } of results) {
    const checks: Record<(typeof FIELDS)[number], [unknown, unknown, boolean]> = {
      'dateline credit': [gold.dateline?.credit ?? null, got.dateline?.credit ?? null, (gold.dateline?.credit ?? null) === (got.dateline?.credit ?? null)],
      'dateline place': [gold.dateline?.place ?? null, got.dateline?.place ?? null, (gold.dateline?.place ?? null) === (got.dateline?.place ?? null)],
      byline: [gold.byline, got.byline, gold.byline === got.byline],
      date: [gold.date, got.date, gold.date === got.date],
      publisher: [gold.publisher, got.publisher, sameOutlet(lookup, gold.publisher, got.publisher)],
      republisher: [gold.republisher, got.republishedBy, sameOutlet(lookup, gold.republisher, got.republishedBy)],
    };
    for (const f of FIELDS) {
      const [g, p, ok] = checks[f];
      if (ok) correct[f]++;
      else misses.push(`${file}: ${f}: gold ${JSON.stringify(g)}, got ${JSON.stringify(p)}`);
    }

    const goldSet = new Set(gold.outlets.map((o) => `${outletKey(lookup, o.name)}|${o.role}`));
    const gotSet = new Set(got.outlets.map((o) => `${outletKey(lookup, o.name)}|${o.role}`));
    let tp = 0;
    for (const k of gotSet) if (goldSet.has(k)) tp++;
    outletCounts.tp += tp;
    outletCounts.fp += gotSet.size - tp;
    outletCounts.fn += goldSet.size - tp;
    if (tp === goldSet.size && tp === gotSet.size) outletPagesExact++;
    else {
      misses.push(`${file}: outlets: gold ${gold.outlets.map((o) => `${o.name}/${o.role}`).join(', ') || '-'}; got ${got.outlets.map((o) => `${o.name}/${o.role}`).join(', ') || '-'}`);
    }

    // Residue: gold strings located in the analysed text, in code points.
    const cp = codePointIndex(text);
    const goldSpans: Span[] = [];
    let missingGold = 0;
    for (const r of gold.residue) {
      const at = text.indexOf(r);
      if (at < 0) missingGold++;
      else goldSpans.push({ start: cp(at), end: cp(at + r.length) });
    }
    const predicted = got.residue.map((r) => ({ start: r.start, end: r.end }));
    const credit = overlapCredit(predicted, goldSpans);
    credit.gold += missingGold;
    addCredit(residue, credit);
    const goldTexts = new Set(gold.residue);
    const gotTexts = new Set(got.residue.map((r) => r.text));
    if ([...goldTexts].some((t) => !gotTexts.has(t)) || [...gotTexts].some((t) => !goldTexts.has(t))) {
      misses.push(`${file}: residue: gold ${JSON.stringify([...goldTexts])}; got ${JSON.stringify([...gotTexts])}`);
    }

    // Every outlet fact must be the registry's.
    for (const o of got.outlets) {
      const facts = lookup.byName(o.name);
      const claims = o.owner !== null || o.country !== null || o.typology !== null;
      if (!claims) continue;
      if (!facts || facts.owner !== o.owner || facts.country !== o.country || facts.typology !== o.typology) {
        factViolations++;
        factNotes.push(`${file}: ${o.name}: facts not from the registry`);
      }
    }
  }

  const n = results.length;
  const rows = FIELDS.map((f) => [f, `${correct[f]}/${n}`, pct(correct[f] / n)]);
  const o = scoresFromCounts(outletCounts);
  const r = scoresFromCredit(residue);
  const lines = [
    `${n} pages (${results.filter((x) => x.file.endsWith('.txt')).length} text, ${results.filter((x) => x.file.endsWith('.html')).length} HTML) in tests/fixtures/provenance/`,
    '',
    table(['field (accuracy)', 'correct', 'accuracy'], rows),
    '',
    table(['set / span scores', 'P', 'R', 'F1', 'note'], [
      ['outlets (name+role)', pct(o.precision), pct(o.recall), pct(o.f1), `set F1, micro over ${outletCounts.tp + outletCounts.fn} gold pairs; pages with the exact set: ${outletPagesExact}/${n}`],
      ['residue spans', pct(r.precision), pct(r.recall), pct(r.f1), `overlap credit; ${residue.gold} gold, ${residue.predicted} predicted spans`],
    ]),
    '',
    `outlet facts not in the registry's data: ${factViolations}`,
  ];
  if (details && (misses.length > 0 || factNotes.length > 0)) lines.push('', 'Differences:', ...misses.map((m) => `  ${m}`), ...factNotes.map((m) => `  ${m}`));
  return lines.join('\n');
}

export function provenanceSection(ctx: EvalContext): EvalSection {
  return {
    name: 'provenance',
    async run() {
      const dir = join(ctx.root, 'tests', 'fixtures', 'provenance');
      if (!existsSync(dir)) return 'skipped: tests/fixtures/provenance not found';
      return scoreGoldSet(runGoldSet(dir), defaultOutletLookup(), ctx.details);
    },
  };
}
