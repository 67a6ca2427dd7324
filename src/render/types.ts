import type { Span } from '../document/types.js';
import type { Report } from '../report/types.js';

/** What a renderer gets: the report, and the layout of its text (UTF-16 spans of paragraphs). */
export interface RenderInput {
  report: Report;
  paragraphs: Span[];
}

export interface TerminalOptions {
  /** 0 = no colour; 1-3 = chalk colour levels. */
  colorLevel: 0 | 1 | 2 | 3;
  width: number;
  /** Print each finding's explanation and question. */
  explain: boolean;
  /** Rule explanations, by rule id (renderers do not load rules themselves). */
  explanations?: ReadonlyMap<string, string>;
}
