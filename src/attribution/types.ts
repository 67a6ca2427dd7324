import type { ReportQuote } from '../report/types.js';
import type { Entity } from './entities.js';
import type { Cue } from './lexicon.js';

/** A quotation or reported claim with its speaker and cue. Offsets are UTF-16 indices. */
export interface QuoteRecord extends ReportQuote {
  /** Internal: who stands behind it (null when nobody can be named). */
  entity: Entity | null;
  /** Index into Attribution.cues, or -1. */
  cueIndex: number;
  /** Index of the sentence that holds the start of the quotation. */
  sentence: number;
  paragraph: number;
}

export interface CueUse {
  cue: Cue;
  start: number;
  end: number;
  /** Introduces a quotation or reported speech (index into quotes), or -1. */
  quote: number;
}

export interface Attribution {
  quotes: QuoteRecord[];
  cues: CueUse[];
  entities: Entity[];
  /** 1 for each sentence that carries a source: a cue, "according to", a quotation, or continued reported speech. */
  attributed: Uint8Array;
  /** Sentences inside or mostly made of a direct quotation. */
  quotedSentence: Uint8Array;
}

/** A speaker as found in the text: the entity, the name to show, and where it is written (UTF-16 offsets). */
export interface Resolved {
  entity: Entity | null;
  name: string | null;
  start: number | null;
  end: number | null;
}

export const NOBODY: Resolved = { entity: null, name: null, start: null, end: null };
