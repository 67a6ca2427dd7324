import type { AttributionResult } from '../attribution/quotes.js';
import type { Document, Span } from '../document/types.js';
import type { QuotationLookup } from '../document/quotations.js';
import type { Finding } from '../findings/types.js';
import type { ProvenanceRead } from '../provenance/read.js';
import type { Rule } from '../rules/types.js';

/** What every detector can read about the document being analysed. */
export interface AnalysisContext {
  doc: Document;
  quotes: QuotationLookup;
  /** Page residue (captions, share prompts, related links...), computed once before the detectors run. */
  residue?: Span[];
  /** Byline, date, dateline, notices and outlets, read once before the detectors run. */
  provenance?: ProvenanceRead;
  /** Quotations, reported speech, cues and voices, resolved before the detectors run. */
  attribution?: AttributionResult;
}

/**
 * A detector in the manner of an ESLint rule module: `meta` says what it is, `create` compiles
 * the rules it is given once per rule set and returns the function run on each document.
 * A detector never prints.
 */
export interface Detector {
  meta: { name: string; description: string };
  create(rules: Rule[]): (ctx: AnalysisContext) => Finding[];
}
