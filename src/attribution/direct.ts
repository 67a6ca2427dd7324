import type { Quotation } from '../document/types.js';
import { PREPOSITIONS } from './entity-words.js';
import { gapHasComma, sentenceAt, sentenceCues, tokenAt, type AttributionContext } from './context.js';
import { addRecord, lastSpeakerInSentence } from './records.js';
import { resolveLabel, resolveRegion } from './speakers.js';
import { NOBODY, type QuoteRecord, type Resolved } from './types.js';

/** Prepositions that end a speaker after the cue even right after it ("said on Monday"). */
const ON_IN_AT = new Set(['on', 'in', 'at']);

/** Direct quotations: which cue introduces each, before or after the marks, and who speaks. */

/**
 * A top-level quotation that opens in sentence sIdx. Speech and labelled quotations are always
 * recorded; a quoted term (`as "..."`, `called it "..."`) only when a cue frames it.
 */
export function attributeQuotation(ctx: AttributionContext, q: Quotation, qi: number, sIdx: number): void {
  const { tokens, text } = ctx;
  const s = ctx.sentences[sIdx];
  const openTok = tokenAt(ctx, q.outer.start);
  const prevWord = openTok > 0 && tokens.sentence(openTok - 1) === sIdx ? tokens.norm(openTok - 1) : '';
  const label = /^\s*[\u2013\u2014-]{1,2}\s*\p{L}/u.test(text.slice(q.outer.end, q.outer.end + 6)) ||
    /:\s*$/.test(text.slice(s.start, q.outer.start)) && q.outer.start - s.start < 60;
  if (q.role === 'speech' || label) directQuote(ctx, q, qi, false);
  else if (prevWord === 'as' || prevWord === 'it' || prevWord === 'them') directQuote(ctx, q, qi, true);
}

function directQuote(ctx: AttributionContext, q: Quotation, qi: number, isTerm: boolean): void {
  const { tokens, sentences, text, inQuote, cues, consumed, records } = ctx;
  const sIdx = sentenceAt(ctx, q.outer.start);
  const s = sentences[sIdx];
  const paragraph = s.paragraph;
  const base = { start: q.start, end: q.end, kind: 'direct' as const, sentence: sIdx, paragraph };
  // After the closing mark: `," the minister said` / `," said Maria Lopez`.
  const afterFirst = tokenAt(ctx, q.outer.end);
  let afterCue = -1;
  let afterEnd = afterFirst;
  if (afterFirst < tokens.length && !inQuote[afterFirst]) {
    const as = sentences[tokens.sentence(afterFirst)];
    const between = text.slice(q.outer.end, tokens.start(afterFirst));
    if (as.paragraph === paragraph && !/[.!?]/.test(between)) {
      afterEnd = as.endToken;
      for (let k = afterFirst; k < as.endToken; k++) if (inQuote[k]) {
        afterEnd = k;
        break;
      }
      for (const ci of sentenceCues(ctx, tokens.sentence(afterFirst))) {
        const c = cues[ci];
        if (consumed[ci] || c.first < afterFirst || c.first >= afterEnd || c.first > afterFirst + 10 || c.noun) continue;
        afterCue = ci;
        break;
      }
    }
  }
  // Before the opening mark, in the same sentence: `X said: "..."`, `X told a jury that he "..."`.
  let frameStart = s.firstToken;
  const openTok = tokenAt(ctx, q.outer.start);
  // A token before the opening mark is never inside this quotation (a mark is not part of a word),
  // so any quoted token here belongs to another one.
  for (let k = openTok - 1; k >= s.firstToken; k--) if (inQuote[k]) {
    frameStart = k + 1;
    break;
  }
  let beforeCue = -1;
  for (const ci of sentenceCues(ctx, sIdx)) {
    const c = cues[ci];
    if (!consumed[ci] && c.first >= frameStart && c.end <= openTok && (!c.noun || c.word === 'statement')) beforeCue = ci;
  }
  const inner = text.slice(q.start, q.end);
  // The last character before any trailing space (a regex anchored at the end tries every position of a long quotation).
  const last = inner.trimEnd().slice(-1);
  const closeComma = (last !== '' && ',!?\u2014\u2013-'.includes(last)) || /^\s*,/.test(text.slice(q.outer.end, q.outer.end + 3));
  const fromAfter = (): QuoteRecord => {
    const c = cues[afterCue];
    let who: Resolved = NOBODY;
    if (c.first > afterFirst) who = resolveRegion(ctx, afterFirst, c.first);
    if (!who.name) {
      let e = c.end;
      while (e < afterEnd && !(e > c.end && gapHasComma(ctx, e - 1, e)) && !(PREPOSITIONS.has(tokens.norm(e)) && e > c.end) && !ON_IN_AT.has(tokens.norm(e))) e++;
      if (e > c.end) who = resolveRegion(ctx, c.end, e);
    }
    return addRecord(ctx, base, who, afterCue);
  };
  if (isTerm) {
    if (beforeCue >= 0) {
      const c = cues[beforeCue];
      const who = resolveRegion(ctx, frameStart, c.first);
      addRecord(ctx, base, who.name ? who : lastSpeakerInSentence(ctx, sIdx), beforeCue);
    }
    return;
  }
  if (afterCue >= 0 && (closeComma || beforeCue < 0)) {
    fromAfter();
    return;
  }
  if (beforeCue >= 0) {
    const c = cues[beforeCue];
    let who = resolveRegion(ctx, frameStart, c.first);
    if (!who.name) who = lastSpeakerInSentence(ctx, sIdx);
    addRecord(ctx, base, who, beforeCue);
    return;
  }
  // Label forms: `Minister: “...”` and `“...” – Spokesman`.
  const before = text.slice(frameStart < tokens.length ? tokens.start(frameStart) : q.outer.start, q.outer.start);
  if (openTok > frameStart && /:\s*$/.test(before) && openTok - frameStart <= 6) {
    addRecord(ctx, base, resolveLabel(ctx, frameStart, openTok), -1);
    return;
  }
  const dash = /^\s*[\u2013\u2014-]{1,2}\s*/.exec(text.slice(q.outer.end, q.outer.end + 4));
  if (dash && afterFirst < tokens.length && afterEnd - afterFirst <= 6 && afterEnd > afterFirst) {
    addRecord(ctx, base, resolveLabel(ctx, afterFirst, afterEnd), -1);
    return;
  }
  // No cue of its own: the speaker of the quotation before it in the paragraph carries on.
  const prev = records.length > 0 ? records[records.length - 1] : null;
  if (prev && prev.kind === 'direct' && prev.paragraph === paragraph) {
    const rec = addRecord(ctx, base, { entity: prev.entity, name: prev.speaker, start: null, end: null }, -1);
    rec.cue = prev.cue;
    rec.cueClass = prev.cueClass;
    return;
  }
  // Nothing yet: a later quotation in the paragraph may name the speaker (see settleUncuedQuotes).
  const rec = addRecord(ctx, base, NOBODY, -1);
  ctx.pendingForward.push(rec);
}
