import { tokenAt, type AttributionContext } from './context.js';
import { addSalient } from './salience.js';
import { NOBODY, type CueUse, type QuoteRecord, type Resolved } from './types.js';
import { TELL_VERBS } from './words.js';

/** Building quotation records: the span and kind come from the caller, speaker and cue are filled in here. */

export type RecordSpan = Pick<QuoteRecord, 'start' | 'end' | 'kind' | 'sentence' | 'paragraph'>;

/**
 * Record a quotation or claim with its speaker and cue (index into ctx.cues, or -1). Marks the cue
 * as consumed, and the speaker as a speaker, salient, and mentioned here.
 */
export function addRecord(ctx: AttributionContext, r: RecordSpan, who: Resolved, cueIndex: number): QuoteRecord {
  const { records, text } = ctx;
  const cu = cueIndex >= 0 ? ctx.cueUses[cueIndex] : null;
  // One literal with every field (no spread): records share one shape.
  const rec: QuoteRecord = {
    start: r.start,
    end: r.end,
    kind: r.kind,
    sentence: r.sentence,
    paragraph: r.paragraph,
    text: text.slice(r.start, r.end),
    speaker: who.name,
    speakerStart: who.start,
    speakerEnd: who.end,
    entity: who.entity,
    cue: cu ? cueText(ctx, cu) : null,
    cueStart: cu ? cu.start : null,
    cueEnd: cu ? cu.end : null,
    cueClass: cu ? cu.cue.entry.cls : 'none',
    cueIndex,
  };
  if (cu && cu.quote < 0) cu.quote = records.length;
  if (cueIndex >= 0) ctx.consumed[cueIndex] = 1;
  records.push(rec);
  if (who.entity) {
    who.entity.speaker = true;
    addSalient(ctx, who.entity, tokenAt(ctx, r.start));
    ctx.registry.noteMention(who.entity, tokenAt(ctx, who.start ?? r.start));
  }
  return rec;
}

/** The cue as written, extended over the person told ("told reporters", "told the jury"). */
function cueText(ctx: AttributionContext, cu: CueUse): string {
  const { cue } = cu;
  let end = cue.end;
  if (TELL_VERBS.has(cue.word) && cue.end - cue.first === 1) end = tellObjectEnd(ctx, cue.end, ctx.tokens.sentence(cue.first));
  return ctx.text.slice(cu.start, ctx.tokens.end(end - 1));
}

/** Objects of a "tell" verb that are one word ("told reporters", "told them"). */
const TOLD_OBJECTS = new Set(['me', 'us', 'him', 'her', 'them', 'you', 'reporters', 'journalists', 'parliament', 'lawmakers', 'congress', 'mps', 'jurors', 'delegates', 'supporters']);

/** Where the person told ends, for a "tell"-type verb whose object starts at token `from`. */
export function tellObjectEnd(ctx: AttributionContext, from: number, sentence: number): number {
  const { tokens, inQuote, registry } = ctx;
  const s = ctx.sentences[sentence];
  if (from >= s.endToken || inQuote[from]) return from;
  const w = tokens.norm(from);
  if (TOLD_OBJECTS.has(w)) return from + 1;
  if ((w === 'the' || w === 'a') && from + 1 < s.endToken && !inQuote[from + 1]) {
    if (from + 2 < s.endToken && tokens.startsUpper(from + 1) && tokens.startsUpper(from + 2)) return from + 3;
    return from + 2;
  }
  if (tokens.startsUpper(from) && registry.mentionAt.get(from)?.entity.kind === 'organisation') return registry.mentionAt.get(from)!.end;
  return from;
}

/** The speaker of the latest record in sentence sIdx (coordinated verbs share their subject). */
export function lastSpeakerInSentence(ctx: AttributionContext, sIdx: number): Resolved {
  const { records } = ctx;
  for (let k = records.length - 1; k >= 0 && records[k].sentence >= sIdx - 1; k--) {
    if (records[k].speaker && (records[k].sentence === sIdx)) return { entity: records[k].entity, name: records[k].speaker, start: null, end: null };
  }
  return NOBODY;
}

/**
 * After the pass: give each direct quotation its speaker (so findings inside it carry the name),
 * put the records in text order and point each cue at the first record it introduces.
 */
export function finishRecords(ctx: AttributionContext): void {
  const { records, cueUses } = ctx;
  const byStart = new Map(ctx.top.map((q) => [q.start, q]));
  for (const r of records) {
    if (r.kind !== 'direct') continue;
    const q = byStart.get(r.start);
    if (q && r.speaker) q.speaker = r.speaker;
  }
  records.sort((a, b) => a.start - b.start || a.end - b.end);
  for (const cu of cueUses) cu.quote = -1;
  records.forEach((r, i) => {
    if (r.cueIndex >= 0 && cueUses[r.cueIndex].quote < 0) cueUses[r.cueIndex].quote = i;
  });
}
