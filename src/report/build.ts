import type { QuoteRecord } from '../attribution/quotes.js';
import type { Span } from '../document/types.js';
import type { Finding } from '../findings/types.js';
import { CATEGORIES, SEVERITIES, type Category, type Severity } from '../rules/types.js';
import { codePointIndex } from '../text/codepoints.js';
import { lineIndex } from '../text/lines.js';
import { SCHEMA_ID, type Report, type ReportFinding, type ReportProvenance, type ReportVoice } from './types.js';

export interface ReportInput {
  name: string;
  text: string;
  /** The headline's span (see Document.title). */
  title: Span | null;
  words: number;
  findings: Finding[];
  /** UTF-16 offsets; converted here. */
  quotes: QuoteRecord[];
  voices?: ReportVoice[];
  /** One-line readings of who is heard, from the attribution analysis. */
  readings?: string[];
  provenance: ReportProvenance;
}

/** Turn internal findings (UTF-16 offsets) into the JSON contract (code points, 1-based line/column). */
export function buildReport(input: ReportInput): Report {
  const { text, title, words } = input;
  const cp = codePointIndex(text);
  const lines = lineIndex(text, cp.toCodePoint);
  const at = (i: number | null) => (i === null ? null : cp.toCodePoint(i));

  const findings: ReportFinding[] = input.findings.map((f, k) => {
    const pos = f.start === null ? null : lines.position(f.start);
    return {
      n: k + 1,
      rule: f.rule.id,
      category: f.rule.category,
      kind: f.rule.kind,
      severity: f.rule.severity,
      start: at(f.start),
      end: at(f.end),
      line: pos?.line ?? null,
      column: pos?.column ?? null,
      text: f.start === null || f.end === null ? null : text.slice(f.start, f.end),
      message: f.message,
      suggestion: f.suggestion,
      question: f.rule.question,
      voice: f.voice ?? 'outlet',
      speaker: f.speaker ?? null,
      data: f.data ?? {},
    };
  });

  const quotes = input.quotes.map((q) => ({
    ...q,
    start: cp.toCodePoint(q.start), end: cp.toCodePoint(q.end),
    speakerStart: at(q.speakerStart), speakerEnd: at(q.speakerEnd), cueStart: at(q.cueStart), cueEnd: at(q.cueEnd),
  }));
  const provenance: ReportProvenance = {
    ...input.provenance,
    outlets: input.provenance.outlets.map((o) => ({ ...o, start: at(o.start), end: at(o.end) })),
    residue: input.provenance.residue.map((r) => ({ ...r, start: cp.toCodePoint(r.start), end: cp.toCodePoint(r.end) })),
  };

  return {
    schema: SCHEMA_ID,
    source: { name: input.name, chars: cp.length, words, title: title ? text.slice(title.start, title.end) : null },
    text,
    findings,
    quotes,
    voices: input.voices ?? [],
    readings: input.readings ?? [],
    provenance,
    summary: summarize(findings, words),
  };
}

export function summarize(findings: ReportFinding[], words: number): Report['summary'] {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byKind: Record<string, number> = {};
  const byVoice = { outlet: 0, quoted: 0 };
  let outletLoaded = 0;
  for (const f of findings) {
    byCategory[f.category]++;
    bySeverity[f.severity]++;
    byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
    byVoice[f.voice]++;
    if (f.category === 'loaded-language' && f.voice === 'outlet') outletLoaded++;
  }
  const rate = (n: number) => (words === 0 ? 0 : Math.round((n / words) * 1000 * 10) / 10);
  const per1000Words = Object.fromEntries(CATEGORIES.map((c) => [c, rate(byCategory[c])])) as Record<Category, number>;
  return { words, findings: findings.length, byCategory, byKind, bySeverity, byVoice, per1000Words, outletLoadedPer1000Words: rate(outletLoaded) };
}
