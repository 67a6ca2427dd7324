import type { Sentence } from '../document/types.js';
import { findDateline } from '../detectors/dateline.js';
import type { AttributionContext } from './context.js';

/** Where a reported claim's text starts and ends inside its sentence (UTF-16 offsets). */

/** The sentence end without its closing punctuation, keeping a quote mark that closes a quotation opened inside it. */
export function sentenceEnd(ctx: AttributionContext, s: Sentence): number {
  const { text } = ctx;
  let e = s.end;
  while (e > s.start && /[\s.!?;:,\u2026"”’')\]]/.test(text[e - 1])) {
    if (/["”’']/.test(text[e - 1]) && opensInside(ctx, s.start, e - 1)) break;
    e--;
  }
  return e;
}

/** The quotation closed by the mark at `closeAt` opened at or after `from`. */
const opensInside = (ctx: AttributionContext, from: number, closeAt: number): boolean => (ctx.outerStartByEnd.get(closeAt + 1) ?? -1) >= from;

/** Where the sentence's own words start: after a dateline ("MOMBASA, Kenya (Reuters) –"), if it opens with one. */
export function firstContentStart(ctx: AttributionContext, s: Sentence): number {
  const { text } = ctx;
  const start = s.firstToken < ctx.tokens.length ? ctx.tokens.start(s.firstToken) : s.start;
  if (s.paragraph > 6) return start;
  const dl = findDateline(text, [{ start: s.start, end: s.end }]);
  return dl && dl.start === s.start ? skipSpaces(text, dl.end) : start;
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}
