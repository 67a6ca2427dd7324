import type { Document, Span } from '../document/types.js';
import type { ReportQuote } from '../report/types.js';
import type { Rule } from '../rules/types.js';
import { attribute } from './extract.js';
import type { Attribution } from './types.js';
import { summarizeVoices, type VoiceSummary } from './voices.js';

/** A quotation or reported claim with its speaker and cue, as the report shows it. Offsets are UTF-16 indices. */
export type QuoteRecord = ReportQuote;

export interface AttributionResult extends Attribution {
  summary: VoiceSummary;
}

/**
 * The attribution stage: quotations, reported speech and "according to", each with its cue and
 * speaker; the voices they add up to. Runs before the detectors, so findings inside a quotation
 * can name its speaker. `rules` supplies the reporting-verb lists.
 */
export function analyzeAttribution(doc: Document, rules: readonly Rule[], residue: readonly Span[] = []): AttributionResult {
  const attribution = attribute(doc, rules, residue);
  return { ...attribution, summary: summarizeVoices(attribution.quotes) };
}

/** The report's view of the quotations (internal fields dropped). */
export function reportQuotes(result: Attribution): QuoteRecord[] {
  return result.quotes.map((q) => ({
    start: q.start, end: q.end, kind: q.kind, text: q.text, speaker: q.speaker, speakerStart: q.speakerStart,
    speakerEnd: q.speakerEnd, cue: q.cue, cueStart: q.cueStart, cueEnd: q.cueEnd, cueClass: q.cueClass,
  }));
}
