/**
 * Quotation gold set (tests/fixtures/quotes/, format in docs/fixtures.md): quotation span F1,
 * speaker accuracy and cue-class accuracy, overall and per kind.
 *
 * Matching: a predicted and a gold quotation match when overlap / max(length) >= 0.5, one-to-one
 * (best ratio first). Speaker and cue-class accuracy are computed over matched pairs. Speakers are
 * compared case-insensitively after normalising (articles, titles, suffixes, possessives); a
 * predicted speaker whose voice is anonymous counts as "anonymous".
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/analyze.js';
import type { Report } from '../../src/report/types.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { codePointIndex } from '../../src/text/codepoints.js';
import type { EvalContext, EvalSection, SectionFactory } from './context.js';

type Kind = 'direct' | 'indirect' | 'according-to';
const KINDS: Kind[] = ['direct', 'indirect', 'according-to'];

interface GoldQuote {
  kind: Kind;
  text: string;
  occurrence?: number;
  speaker: string | null;
  cue: string | null;
  cueClass: string;
  continues?: boolean;
}

interface Item {
  start: number;
  end: number;
  kind: Kind;
  speaker: string | null;
  cueClass: string;
  text: string;
}

const TITLES = /^(?:mr|mrs|ms|miss|dr|prof|professor|sir|dame|lord|lady|rev|judge|mayor|minister|president|senator|gov|governor|gen|general)\.?\s+/;

/** Compare speakers as a reader would: case, articles, titles, suffixes and possessives ignored. */
export function normalizeSpeaker(name: string | null): string | null {
  if (name === null) return null;
  let s = name.normalize('NFC').toLowerCase().replace(/['’]s?\b/g, '').replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
  s = s.replace(/^(?:the|a|an)\s+/, '');
  for (let k = 0; k < 3; k++) s = s.replace(TITLES, '');
  s = s.replace(/\s+(?:kc|qc|jr|sr|mp|phd)$/, '');
  return s;
}

/** The gold offsets of each quotation (UTF-16), from its text and occurrence. */
function locate(text: string, q: GoldQuote): { start: number; end: number } | null {
  let at = -1;
  for (let n = 0; n < (q.occurrence ?? 1); n++) {
    at = text.indexOf(q.text, at + 1);
    if (at < 0) return null;
  }
  return { start: at, end: at + q.text.length };
}

/** One-to-one matching, best overlap ratio first. Returns pairs [predicted index, gold index]. */
export function matchSpans(pred: readonly Item[], gold: readonly Item[]): Array<[number, number]> {
  const pairs: Array<[number, number, number]> = [];
  for (let i = 0; i < pred.length; i++) {
    for (let j = 0; j < gold.length; j++) {
      const overlap = Math.min(pred[i].end, gold[j].end) - Math.max(pred[i].start, gold[j].start);
      if (overlap <= 0) continue;
      const ratio = overlap / Math.max(pred[i].end - pred[i].start, gold[j].end - gold[j].start);
      if (ratio >= 0.5) pairs.push([i, j, ratio]);
    }
  }
  pairs.sort((a, b) => b[2] - a[2]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [i, j] of pairs) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    out.push([i, j]);
  }
  return out;
}

interface Tally {
  pred: number;
  gold: number;
  matched: number;
  speakerOk: number;
  cueOk: number;
}

const empty = (): Tally => ({ pred: 0, gold: 0, matched: 0, speakerOk: 0, cueOk: 0 });
const ratio = (a: number, b: number) => (b === 0 ? NaN : a / b);
const fmt = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));

function predictedItems(report: Report): Item[] {
  const cp = codePointIndex(report.text);
  const kindOf = new Map(report.voices.map((v) => [v.name, v.kind]));
  return report.quotes.map((q) => {
    let start = cp.toUtf16(q.start);
    let end = cp.toUtf16(q.end);
    // A quotation that runs over paragraphs: the gold keeps its first paragraph's part.
    const br = report.text.indexOf('\n', start);
    if (q.kind === 'direct' && br >= 0 && br < end) {
      end = br;
      while (end > start && /[\s"“”]/.test(report.text[end - 1])) end--;
    }
    const speaker = q.speaker !== null && kindOf.get(q.speaker) === 'anonymous' ? 'anonymous' : q.speaker;
    return { start, end, kind: q.kind, speaker, cueClass: q.cueClass, text: report.text.slice(start, end) };
  });
}

export interface QuotesEvalResult {
  report: string;
  overall: { precision: number; recall: number; f1: number; speaker: number; cueClass: number };
}

/** Run the evaluation over every NAME.txt / NAME.gold.json pair in `dir`. */
export function evaluateQuotes(dir: string, details = false): QuotesEvalResult {
  const rules = loadRuleSet();
  const total = empty();
  const byKind = new Map<Kind, Tally>(KINDS.map((k) => [k, empty()]));
  const lines: string[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort();
  for (const file of files) {
    const name = file.replace(/\.gold\.json$/, '');
    const textPath = join(dir, `${name}.txt`);
    if (!existsSync(textPath)) continue;
    const text = readFileSync(textPath, 'utf8');
    const gold = (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { quotes: GoldQuote[] }).quotes;
    const goldItems: Item[] = [];
    for (const g of gold) {
      const at = locate(text, g);
      if (at) goldItems.push({ ...at, kind: g.kind, speaker: g.speaker, cueClass: g.cueClass, text: g.text });
    }
    const pred = predictedItems(analyze(text, { name, rules }));
    const tally = (p: Item[], g: Item[], into: Tally) => {
      const pairs = matchSpans(p, g);
      into.pred += p.length;
      into.gold += g.length;
      into.matched += pairs.length;
      for (const [i, j] of pairs) {
        if (normalizeSpeaker(p[i].speaker) === normalizeSpeaker(g[j].speaker)) into.speakerOk++;
        if (p[i].cueClass === g[j].cueClass) into.cueOk++;
      }
      return pairs;
    };
    const pairs = tally(pred, goldItems, total);
    for (const k of KINDS) tally(pred.filter((p) => p.kind === k), goldItems.filter((g) => g.kind === k), byKind.get(k)!);
    if (details) {
      const matchedP = new Set(pairs.map(([i]) => i));
      const matchedG = new Set(pairs.map(([, j]) => j));
      lines.push(`-- ${name}`);
      pred.forEach((p, i) => {
        if (!matchedP.has(i)) lines.push(`  extra  ${p.kind} [${p.speaker}] ${p.cueClass} “${p.text.slice(0, 70)}”`);
      });
      goldItems.forEach((g, j) => {
        if (!matchedG.has(j)) lines.push(`  missed ${g.kind} [${g.speaker}] ${g.cueClass} “${g.text.slice(0, 70)}”`);
      });
      for (const [i, j] of pairs) {
        const p = pred[i];
        const g = goldItems[j];
        if (normalizeSpeaker(p.speaker) !== normalizeSpeaker(g.speaker)) lines.push(`  speaker ${p.speaker} ≠ ${g.speaker}: “${g.text.slice(0, 50)}”`);
        if (p.cueClass !== g.cueClass) lines.push(`  cue ${p.cueClass} ≠ ${g.cueClass}: “${g.text.slice(0, 50)}”`);
      }
    }
  }
  const row = (label: string, t: Tally) => {
    const p = ratio(t.matched, t.pred);
    const r = ratio(t.matched, t.gold);
    const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
    return {
      text: `${label.padEnd(14)} ${String(t.gold).padStart(5)} ${String(t.pred).padStart(5)} ${String(t.matched).padStart(7)}  ${fmt(p)}  ${fmt(r)}  ${fmt(f)}   ${fmt(ratio(t.speakerOk, t.matched))}    ${fmt(ratio(t.cueOk, t.matched))}`,
      p, r, f, speaker: ratio(t.speakerOk, t.matched), cue: ratio(t.cueOk, t.matched),
    };
  };
  const head = `${'kind'.padEnd(14)} ${'gold'.padStart(5)} ${'pred'.padStart(5)} ${'matched'.padStart(7)}  prec.  recall  F1      speaker  cue class`;
  const all = row('all', total);
  const out = [
    `${files.length} articles, ${total.gold} gold quotations (match: overlap / longer span >= 0.5, one-to-one)`,
    head,
    all.text,
    ...KINDS.map((k) => row(k, byKind.get(k)!).text),
    `targets: F1 >= 0.90, speaker >= 0.85, cue class >= 0.90`,
  ];
  if (details) out.push('', ...lines);
  return { report: out.join('\n'), overall: { precision: all.p, recall: all.r, f1: all.f, speaker: all.speaker, cueClass: all.cue } };
}

/** The `quotes` section of `npm run eval`. */
export const quotesSection: SectionFactory = (ctx: EvalContext): EvalSection => ({
  name: 'quotes',
  async run() {
    const dir = join(ctx.root, 'tests', 'fixtures', 'quotes');
    if (!existsSync(dir)) return 'skipped: tests/fixtures/quotes not found';
    return evaluateQuotes(dir, ctx.details).report;
  },
});
