import type { Document, Span } from '../document/types.js';
import { insideResidue } from '../provenance/residue.js';
import type { Rule } from '../rules/types.js';
import { accordingTo } from './according-to.js';
import { createContext, isQuoteSpeech, type AttributionContext } from './context.js';
import { attributeQuotation } from './direct.js';
import { finishRecords } from './records.js';
import { reportedSpeech } from './reported.js';
import { noteSentenceSubject } from './salience.js';
import type { Attribution } from './types.js';
import { settleUncuedQuotes } from './uncued.js';

export type { Attribution, CueUse, QuoteRecord } from './types.js';
export { CLAUSE_VERB_LEMMAS } from './reported.js';
export { key as speakerKey } from './name-tokens.js';

/**
 * Find every quotation and reported statement, its cue (reporting verb) and its speaker.
 * One pass over sentences; each look-around is bounded by its sentence, so the whole is linear.
 */
export function attribute(doc: Document, rules: readonly Rule[], residue: readonly Span[] = []): Attribution {
  const ctx = createContext(doc, rules);
  const { tokens, sentences, top, cues, attributed } = ctx;
  let qi = 0;
  let lastParagraph = -1;
  for (let sIdx = 0; sIdx < sentences.length; sIdx++) {
    const s = sentences[sIdx];
    // Page residue (captions, share prompts) is not the article: nobody is quoted there.
    if (residue.length > 0 && insideResidue(residue, s.start, s.end)) {
      while (qi < top.length && top[qi].outer.start < s.end) qi++;
      continue;
    }
    if (s.paragraph !== lastParagraph) {
      settleUncuedQuotes(ctx);
      lastParagraph = s.paragraph;
    }
    noteSentenceSubject(ctx, s);
    for (; qi < top.length && top[qi].outer.start < s.end; qi++) {
      if (top[qi].outer.start >= s.start) attributeQuotation(ctx, top[qi], qi, sIdx);
    }
    accordingTo(ctx, sIdx, s);
    reportedSpeech(ctx, sIdx, s);
    if (markQuotedSentence(ctx, sIdx)) attributed[sIdx] = 1;
  }
  settleUncuedQuotes(ctx);

  // Every cue in a sentence marks it as sourced; reported speech carries on within its paragraph.
  for (const c of cues) if (!c.noun) attributed[tokens.sentence(c.first)] = 1;

  finishRecords(ctx);
  return { quotes: ctx.records, cues: ctx.cueUses, entities: ctx.registry.entities, attributed, quotedSentence: ctx.quotedSentence };
}

/** Flags a sentence at least half made of quoted speech; true when it holds any quoted speech. */
function markQuotedSentence(ctx: AttributionContext, sIdx: number): boolean {
  const s = ctx.sentences[sIdx];
  let quoted = 0;
  let any = false;
  for (let k = s.firstToken; k < s.endToken; k++) if (ctx.inQuote[k] && isQuoteSpeech(ctx, k)) {
    quoted++;
    any = true;
  }
  if (s.endToken > s.firstToken && quoted / (s.endToken - s.firstToken) >= 0.5) ctx.quotedSentence[sIdx] = 1;
  return any;
}
