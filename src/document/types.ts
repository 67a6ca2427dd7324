import type { TokenList } from './token-list.js';

/** The document model every detector reads. All offsets are UTF-16 indices into `text`. */
export interface Span {
  start: number;
  end: number;
}

/** One token as an object: what `TokenList.at` builds (the list itself stores columns). */
export interface Token extends Span {
  /** The word as written. */
  text: string;
  /** Lower case, apostrophes straightened: what rules match against. */
  norm: string;
  /** Index of the sentence that holds this token. */
  sentence: number;
}

export interface Sentence extends Span {
  paragraph: number;
  /** Index range into Document.tokens: [firstToken, endToken). */
  firstToken: number;
  endToken: number;
}

export interface Paragraph extends Span {
  /** Index range into Document.sentences. */
  firstSentence: number;
  endSentence: number;
}

export interface Quotation extends Span {
  /** `start`/`end` bound the content inside the marks; `outer` includes them. */
  outer: Span;
  /** 1 for a top-level quotation, 2 for a quotation nested inside another. */
  depth: number;
  /** Pieces of a quotation that runs over several paragraphs by the newspaper convention. */
  parts: Span[];
  /** The closing mark was never found (quotation ran to the end of its paragraph). */
  unclosed: boolean;
  words: number;
  /**
   * `speech` when it reads as someone's words; `term` for a word or short phrase in quote marks
   * with no sentence in it (a title, a coinage or scare quotes).
   */
  role: 'speech' | 'term';
  /** Filled in by the attribution stage when a speaker is found. */
  speaker: string | null;
}

export interface Document {
  text: string;
  /** The headline: the first paragraph when it reads as one. */
  title: Span | null;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: TokenList;
  quotations: Quotation[];
  /** Index of the top-level speech quotation covering each UTF-16 offset is found by `quotationAt`. */
  words: number;
}
