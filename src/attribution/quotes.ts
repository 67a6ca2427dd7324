import type { Document } from '../document/types.js';
import type { ReportQuote } from '../report/types.js';

/** A quotation or reported claim with its speaker and cue. Offsets are UTF-16 indices. */
export type QuoteRecord = ReportQuote;

/**
 * Direct quotations from the document model. Speaker and cue resolution build on this
 * (see the attribution issue); until then a direct quotation carries no speaker.
 */
export function extractQuotes(doc: Document): QuoteRecord[] {
  return doc.quotations
    .filter((q) => q.role === 'speech' && q.depth === 1)
    .map((q) => ({
      start: q.start, end: q.end, kind: 'direct', text: doc.text.slice(q.start, q.end),
      speaker: q.speaker, speakerStart: null, speakerEnd: null, cue: null, cueStart: null, cueEnd: null, cueClass: 'none',
    }));
}
