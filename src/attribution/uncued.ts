import { tokenAt, type AttributionContext, type Salient } from './context.js';
import type { QuoteRecord } from './types.js';

/**
 * Direct quotations with no cue of their own, settled once their paragraph is done: the next
 * quotation's speaker (`"A." "B," she said.`), the previous paragraph's speaker when the paragraph
 * opens with the quotation, or the person the paragraph is about.
 */
export function settleUncuedQuotes(ctx: AttributionContext): void {
  const { records, salient } = ctx;
  for (const rec of ctx.pendingForward.splice(0)) {
    const own = records.lastIndexOf(rec);
    let next: QuoteRecord | undefined;
    for (let k = own + 1; k < records.length && records[k].paragraph === rec.paragraph; k++) {
      if (records[k].kind === 'direct' && records[k].speaker) {
        next = records[k];
        break;
      }
    }
    if (next) {
      rec.speaker = next.speaker;
      rec.entity = next.entity;
      rec.cue = next.cue;
      rec.cueClass = next.cueClass;
      continue;
    }
    // A paragraph that opens with a quotation continues the previous paragraph's speaker.
    let before: QuoteRecord | undefined;
    for (let k = own - 1; k >= 0 && records[k].paragraph >= rec.paragraph - 1; k--) {
      if (records[k].paragraph === rec.paragraph - 1 && records[k].speaker) {
        before = records[k];
        break;
      }
    }
    const p = ctx.doc.paragraphs[rec.paragraph];
    if (before && Math.abs(p.start - (rec.start - 1)) <= 1) {
      rec.speaker = before.speaker;
      rec.entity = before.entity;
      continue;
    }
    // Otherwise the person the paragraph is about ("Castañeda does not hesitate. “Lentils ...”").
    const at = tokenAt(ctx, rec.start);
    let subject: Salient | undefined;
    for (let k = salient.length - 1; k >= 0 && salient[k].paragraph >= rec.paragraph; k--) {
      const x = salient[k];
      if (x.paragraph === rec.paragraph && x.at < at && x.entity.kind === 'named' && (x.entity.speaker || x.entity.name.includes(' '))) {
        subject = x;
        break;
      }
    }
    if (subject) {
      rec.speaker = subject.entity.name;
      rec.entity = subject.entity;
      subject.entity.speaker = true;
    }
  }
}
