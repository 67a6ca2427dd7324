import { tokenAtOrAfter } from '../document/build.js';
import type { TokenList } from '../document/token-list.js';
import type { Document, Quotation, Sentence } from '../document/types.js';
import type { Rule } from '../rules/types.js';
import { EntityRegistry, type Entity } from './entities.js';
import { compileCueLexicon, findCues, type Cue } from './lexicon.js';
import type { CueUse, QuoteRecord } from './types.js';
import { partitionPoint } from '../text/search.js';

/** inQuote values: the token is inside a quoted term (a title, scare quotes) or inside quoted speech. */
export const IN_TERM = 1;
export const IN_SPEECH = 2;

/** A person mentioned as a subject or quoted: what a later pronoun can point back to. */
export interface Salient {
  entity: Entity;
  /** Token index. */
  at: number;
  paragraph: number;
}

/**
 * Everything the attribution pass reads and builds, shared by its modules. The pass is one walk
 * over the sentences, and each step both reads what earlier steps found (records, salient people,
 * consumed cues) and adds to it, so the state lives here rather than in each module.
 */
export interface AttributionContext {
  readonly doc: Document;
  readonly text: string;
  readonly tokens: TokenList;
  readonly sentences: readonly Sentence[];
  /** Top-level quotations (depth 1), in text order. */
  readonly top: readonly Quotation[];
  /**
   * For each token: 0 outside top-level quotations, else IN_TERM or IN_SPEECH by the role of the
   * quotation that holds it (one byte a token: a column of quotation indices took four).
   */
  readonly inQuote: Uint8Array;
  /** Closing offset of each top-level quotation's marks to its opening offset. */
  readonly outerStartByEnd: ReadonlyMap<number, number>;
  readonly cues: readonly Cue[];
  readonly cueUses: CueUse[];
  /** For each sentence, indices into `cues` of its cues (an array, not a map: asked for every sentence). */
  readonly cuesBySentence: ReadonlyArray<readonly number[]>;
  /** 1 for each cue already given to a record: one cue introduces one quotation. */
  readonly consumed: Uint8Array;
  readonly registry: EntityRegistry;
  readonly records: QuoteRecord[];
  readonly attributed: Uint8Array;
  readonly quotedSentence: Uint8Array;
  /** People in subject position or quoted, in text order. */
  readonly salient: Salient[];
  /** Quotations with no cue that wait for the next one in the paragraph (`"A." "B," she said.`). */
  readonly pendingForward: QuoteRecord[];
}

export function createContext(doc: Document, rules: readonly Rule[]): AttributionContext {
  const { tokens, sentences, text } = doc;
  const lexicon = compileCueLexicon(rules);
  const top = doc.quotations.filter((q) => q.depth === 1);
  const inQuote = new Uint8Array(tokens.length);
  let t = 0;
  const parts = top.flatMap((q) => q.parts.map((p) => ({ start: p.start, end: p.end, mark: q.role === 'speech' ? IN_SPEECH : IN_TERM })))
    .sort((a, b) => a.start - b.start);
  for (const p of parts) {
    while (t < tokens.length && tokens.end(t) <= p.start) t++;
    for (let k = t; k < tokens.length && tokens.start(k) < p.end; k++) inQuote[k] = p.mark;
  }
  const cues = findCues(doc, lexicon, inQuote);
  const cueUses: CueUse[] = cues.map((cue) => ({ cue, start: tokens.start(cue.first), end: tokens.end(cue.end - 1), quote: -1 }));
  const cuesBySentence = groupBySentence(cues, tokens, sentences.length);
  return {
    doc,
    text,
    tokens,
    sentences,
    top,
    inQuote,
    outerStartByEnd: new Map(top.map((q) => [q.outer.end, q.outer.start])),
    cues,
    cueUses,
    cuesBySentence,
    consumed: new Uint8Array(cues.length),
    registry: new EntityRegistry(doc),
    records: [],
    attributed: new Uint8Array(sentences.length),
    quotedSentence: new Uint8Array(sentences.length),
    salient: [],
    pendingForward: [],
  };
}

const NO_CUES: readonly number[] = [];

/** Indices of the cues in each sentence; sentences without one share an empty list. */
function groupBySentence(cues: readonly Cue[], tokens: TokenList, sentenceCount: number): Array<readonly number[]> {
  const lists = new Array<number[] | null>(sentenceCount).fill(null);
  cues.forEach((c, i) => (lists[tokens.sentence(c.first)] ??= []).push(i));
  return lists.map((list) => list ?? NO_CUES);
}

export const tokenAt = (ctx: AttributionContext, offset: number): number => tokenAtOrAfter(ctx.tokens, offset);

/** The sentence that holds a UTF-16 offset (binary search). */
export function sentenceAt(ctx: AttributionContext, offset: number): number {
  const { sentences } = ctx;
  return Math.max(0, partitionPoint(sentences.length, (i) => sentences[i].start <= offset) - 1);
}

/** Punctuation between tokens a and b that breaks a phrase: comma, semicolon, colon, bracket or dash. */
export function gapHasComma(ctx: AttributionContext, a: number, b: number): boolean {
  const { text } = ctx;
  for (let i = ctx.tokens.end(a), end = ctx.tokens.start(b); i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x3b || c === 0x3a || c === 0x28 || c === 0x29 || c === 0x2013 || c === 0x2014) return true;
  }
  return false;
}

/** Indices into ctx.cues of the cues in a sentence. */
export const sentenceCues = (ctx: AttributionContext, s: number): readonly number[] => ctx.cuesBySentence[s] ?? NO_CUES;

/** Token k is inside a quotation of someone's words (not a scare-quoted term or a title). */
export const isQuoteSpeech = (ctx: AttributionContext, k: number): boolean => ctx.inQuote[k] === IN_SPEECH;

export function rangeHasSpeech(ctx: AttributionContext, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (ctx.inQuote[k] && isQuoteSpeech(ctx, k)) return true;
  return false;
}
