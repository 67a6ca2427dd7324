import { letterOrDigitAt, widthAt } from './tokens.js';
import type { Paragraph, Quotation, Span } from './types.js';

const OPEN_DOUBLE = new Set(['“', '„', '«']);
const CLOSE_DOUBLE = new Set(['”', '»']);
const STRAIGHT_DOUBLE = '"';
const DOUBLE_MARK = /["“”„«»]/g;

/**
 * Find quotations in one pass over the paragraphs. Handles curly and straight double marks,
 * single marks nested inside them, and the newspaper convention for quotations that run on:
 * the paragraph ends with the quotation still open and the next paragraph opens with a mark.
 */
export function findQuotations(text: string, paragraphs: Paragraph[]): Quotation[] {
  const quotes: Quotation[] = [];
  let carried: { outerStart: number; parts: Span[] } | null = null;

  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p];
    let openAt = -1; // index of the opening double mark inside this paragraph
    let contentStart = -1;
    if (carried) {
      // The quotation continues only if this paragraph opens with a quotation mark.
      const first = text[para.start];
      if (first === STRAIGHT_DOUBLE || OPEN_DOUBLE.has(first)) {
        openAt = para.start;
        contentStart = para.start + 1;
      } else {
        pushQuote(quotes, text, carried.outerStart, carried.parts, true, carried.parts[carried.parts.length - 1].end);
        carried = null;
      }
    }
    // Jump from one double quotation mark to the next instead of visiting every character.
    DOUBLE_MARK.lastIndex = openAt >= 0 ? openAt + 1 : para.start;
    for (let m = DOUBLE_MARK.exec(text); m && m.index < para.end; m = DOUBLE_MARK.exec(text)) {
      const i = m.index;
      const ch = m[0];
      if (openAt < 0) {
        if (OPEN_DOUBLE.has(ch) || (ch === STRAIGHT_DOUBLE && opensHere(text, i, para.start))) {
          openAt = i;
          contentStart = i + 1;
        }
        continue;
      }
      if (CLOSE_DOUBLE.has(ch) || ch === STRAIGHT_DOUBLE) {
        const parts = carried ? [...carried.parts, { start: contentStart, end: i }] : [{ start: contentStart, end: i }];
        const outerStart = carried ? carried.outerStart : openAt;
        pushQuote(quotes, text, outerStart, parts, false, i + 1);
        carried = null;
        openAt = -1;
      }
    }
    if (openAt >= 0) {
      const part = { start: contentStart, end: trimEnd(text, contentStart, para.end) };
      carried = { outerStart: carried ? carried.outerStart : openAt, parts: carried ? [...carried.parts, part] : [part] };
    }
  }
  if (carried) pushQuote(quotes, text, carried.outerStart, carried.parts, true, carried.parts[carried.parts.length - 1].end);

  const nested = findNested(text, quotes);
  return [...quotes, ...nested].sort((a, b) => a.start - b.start || a.depth - b.depth);
}

/** A straight double mark opens a quotation after a space, an opening bracket, a dash or at paragraph start. */
function opensHere(text: string, i: number, paraStart: number): boolean {
  if (i === paraStart) return true;
  const prev = text[i - 1];
  return /[\s([{\u2014\u2013:-]/u.test(prev);
}

function pushQuote(quotes: Quotation[], text: string, outerStart: number, parts: Span[], unclosed: boolean, outerEnd: number): void {
  const start = parts[0].start;
  const end = parts[parts.length - 1].end;
  if (end <= start) return;
  const words = countWords(text, parts);
  quotes.push({
    start, end, outer: { start: outerStart, end: outerEnd }, depth: 1, parts, unclosed, words,
    role: classifyRole(text, start, end, words), speaker: null,
  });
}

/** Single-quoted passages inside double-quoted ones (‘…’ or '…' with word boundaries outside). */
function findNested(text: string, quotes: Quotation[]): Quotation[] {
  const out: Quotation[] = [];
  for (const q of quotes) {
    for (const part of q.parts) {
      let open = -1;
      // Only single marks open or close: jump from one to the next in the part (a slice shares the text's characters).
      const inner = text.slice(part.start, part.end);
      SINGLE_MARK.lastIndex = 0;
      for (let m = SINGLE_MARK.exec(inner); m !== null; m = SINGLE_MARK.exec(inner)) {
        const i = part.start + m.index;
        const ch = m[0];
        const prev = i > 0 ? text[i - 1] : ' ';
        const next = i + 1 < text.length ? text[i + 1] : ' ';
        if (open < 0) {
          if ((ch === '‘' || ch === "'") && !/[\p{L}\p{N}]/u.test(prev)) open = i;
        } else if ((ch === '’' || ch === "'") && !/[\p{L}\p{N}]/u.test(next)) {
          const span = { start: open + 1, end: i };
          const words = countWords(text, [span]);
          if (words > 0) {
            out.push({ ...span, outer: { start: open, end: i + 1 }, depth: 2, parts: [span], unclosed: false, words,
              role: classifyRole(text, span.start, span.end, words), speaker: null });
          }
          open = -1;
        }
      }
    }
  }
  return out;
}

const SINGLE_MARK = /['‘’]/g;

/** A word for counting: sticky, so `test` from a word's first character finds its end without building a match. */
const WORD_AT = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/uy;

/** Words that lie wholly inside the parts (a letter or digit starts one; each part is counted until a word crosses its end). */
function countWords(text: string, parts: Span[]): number {
  let n = 0;
  for (const p of parts) {
    let i = p.start;
    for (;;) {
      while (i < p.end && !letterOrDigitAt(text, i)) i += widthAt(text, i);
      if (i >= p.end) break;
      WORD_AT.lastIndex = i;
      WORD_AT.test(text);
      if (WORD_AT.lastIndex > p.end) break;
      n++;
      i = WORD_AT.lastIndex;
    }
  }
  return n;
}

/**
 * Short quoted phrases with no sentence inside them are terms (titles, coinages, scare quotes),
 * not speech: "the so-called “experts”" is the outlet talking.
 */
function classifyRole(text: string, start: number, end: number, words: number): 'speech' | 'term' {
  if (words >= 5) return 'speech';
  const inner = text.slice(start, end);
  if (/[.!?,…]\s*$/u.test(inner)) return 'speech';
  return words <= 3 ? 'term' : 'speech';
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return end;
}

/**
 * Finds the speech quotation around a span in O(log n): built once per document from the
 * top-level and nested speech parts, sorted by start.
 */
export class QuotationLookup {
  private readonly parts: Array<{ start: number; end: number; quote: Quotation }> = [];

  constructor(quotes: Quotation[]) {
    for (const q of quotes) {
      if (q.role !== 'speech' || q.depth !== 1) continue;
      for (const p of q.parts) this.parts.push({ start: p.start, end: p.end, quote: q });
    }
    this.parts.sort((a, b) => a.start - b.start);
  }

  /** The top-level speech quotation whose content holds [start, end), if any. */
  at(start: number, end: number): Quotation | undefined {
    let lo = 0;
    let hi = this.parts.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.parts[mid].start <= start) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (best < 0) return undefined;
    const part = this.parts[best];
    return end <= part.end ? part.quote : undefined;
  }
}
