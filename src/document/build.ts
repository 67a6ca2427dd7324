import { looksLikeHeadline, splitParagraphs } from './paragraphs.js';
import { findQuotations } from './quotations.js';
import { splitSentences } from './sentences.js';
import { TokenListBuilder, type TokenList } from './token-list.js';
import { expectedWords, scanWords } from './tokens.js';
import type { Document, Paragraph, Sentence, Span } from './types.js';
import { partitionPoint } from '../text/search.js';

/** Build the whole document model in one pass per layer: paragraphs → sentences → tokens → quotations. */
export function buildDocument(text: string): Document {
  const paragraphSpans = splitParagraphs(text);
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  const builder = new TokenListBuilder(text, expectedWords(text));
  let sentence = 0;
  const addToken = (start: number, end: number): void => builder.add(start, end, sentence);
  paragraphSpans.forEach((span, p) => {
    const firstSentence = sentences.length;
    for (const s of splitSentences(text, span.start, span.end)) {
      const firstToken = builder.count;
      sentence = sentences.length;
      scanWords(text, s.start, s.end, addToken);
      sentences.push({ start: s.start, end: s.end, paragraph: p, firstToken, endToken: builder.count });
    }
    // Written out rather than spread: `{ ...span, ... }` gave each of a long text's paragraphs a
    // hidden class of its own (tens of thousands of them, ~12 MB for a 10 MiB article).
    paragraphs.push({ start: span.start, end: span.end, firstSentence, endSentence: sentences.length });
  });
  const tokens = builder.build();
  const title = paragraphSpans.length > 0 && looksLikeHeadline(text, paragraphSpans[0], paragraphSpans.length)
    ? paragraphSpans[0]
    : null;
  return {
    text,
    title,
    paragraphs,
    sentences,
    tokens,
    quotations: findQuotations(text, paragraphs),
    words: tokens.length,
  };
}

/** The span (paragraph, sentence...) of a sorted, non-overlapping list that holds [start, end), found by binary search. */
export function spanAt<T extends Span>(spans: readonly T[], start: number, end = start): T | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (s.end < start) lo = mid + 1;
    else if (s.start > start) hi = mid - 1;
    else return end <= s.end ? s : undefined;
  }
  return undefined;
}

/** Index of the first token that starts at or after `offset` (binary search). */
export function tokenAtOrAfter(tokens: TokenList, offset: number): number {
  return partitionPoint(tokens.length, (i) => tokens.start(i) < offset);
}
