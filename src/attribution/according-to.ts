import type { Sentence } from '../document/types.js';
import { gapHasComma, type AttributionContext } from './context.js';
import { addRecord } from './records.js';
import { firstContentStart, sentenceEnd } from './sentence-bounds.js';
import { resolveRegion } from './speakers.js';

/**
 * "according to X": the source is the phrase up to the next comma; the claim is the rest of the
 * sentence when the phrase opens it, else what comes before it.
 */
export function accordingTo(ctx: AttributionContext, sIdx: number, s: Sentence): void {
  const { tokens, inQuote } = ctx;
  for (let k = s.firstToken; k + 1 < s.endToken; k++) {
    if (inQuote[k] || tokens.norm(k) !== 'according' || tokens.norm(k + 1) !== 'to') continue;
    let e = k + 2;
    while (e < s.endToken && !gapHasComma(ctx, e - 1, e) && !inQuote[e]) e++;
    if (e === k + 2) continue;
    const who = resolveRegion(ctx, k + 2, e, { source: true });
    let start: number;
    let end: number;
    if (k === s.firstToken || (k > s.firstToken && gapHasComma(ctx, k - 1, k) && k - s.firstToken <= 1)) {
      if (e >= s.endToken) continue;
      start = tokens.start(e);
      end = sentenceEnd(ctx, s);
    } else {
      start = firstContentStart(ctx, s);
      end = tokens.end(k - 1);
      if (e < s.endToken) end = sentenceEnd(ctx, s);
    }
    if (end <= start) continue;
    ctx.attributed[sIdx] = 1;
    const rec = addRecord(ctx, { start, end, kind: 'according-to', sentence: sIdx, paragraph: s.paragraph }, who, -1);
    rec.cue = 'according to';
    rec.cueStart = tokens.start(k);
    rec.cueEnd = tokens.end(k + 1);
    rec.cueClass = 'neutral';
  }
}
