import type { Document } from '../document/types.js';
import type { QuotationLookup } from '../document/quotations.js';
import type { Finding } from '../findings/types.js';
import type { Rule } from '../rules/types.js';

/** What every detector can read about the document being analysed. */
export interface AnalysisContext {
  doc: Document;
  quotes: QuotationLookup;
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
