import type { Finding } from '../findings/types.js';
import type { Detector } from './types.js';

/**
 * `MOSCOW (Reuters) –`, `WASHINGTON (AP) —`, `BEIJING, May 3 (Xinhua) --`, `KYIV —`:
 * a place in capitals, an optional date, an optional credit in brackets, then a dash.
 */
export const DATELINE = /^([\p{Lu}][\p{Lu}\p{M} .'’-]{1,40}?)(?:,\s*([^()\n]{1,40}?))?\s*(?:\(([^()\n]{1,60})\))?\s*(?:--|[-–—])\s*/u;

export interface Dateline {
  start: number;
  end: number;
  place: string;
  date: string | null;
  credit: string | null;
}

/** The dateline, if one of the first paragraphs after the headline opens with one. */
export function findDateline(text: string, paragraphs: ReadonlyArray<{ start: number; end: number }>): Dateline | null {
  for (const p of paragraphs.slice(0, 6)) {
    const m = DATELINE.exec(text.slice(p.start, Math.min(p.end, p.start + 200)));
    if (!m) continue;
    const place = m[1].trim();
    // A dateline place is written in capitals: at least one word of two capitals, no lower-case letters.
    if (/\p{Ll}/u.test(place) || !/\p{Lu}{2}/u.test(place)) continue;
    if (!m[3] && !/[–—]|--/.test(m[0])) continue; // "US - ..." with a hyphen and no credit is too weak
    // After the comma: a date ("May 3") or more of the place ("LAGOS, Nigeria").
    const extra = m[2]?.trim() ?? null;
    const isDate = extra !== null && /\d/.test(extra) && /^(?:\p{L}+\.?\s+\d{1,2}|\d{1,2}\s+\p{L}+)(?:,?\s+\d{4})?$/u.test(extra);
    return {
      start: p.start, end: p.start + m[0].trimEnd().length,
      place: extra !== null && !isDate ? `${place}, ${extra}` : place,
      date: isDate ? extra : null,
      credit: m[3]?.trim() ?? null,
    };
  }
  return null;
}

export const dateline: Detector = {
  meta: { name: 'dateline', description: 'Finds the dateline and wire credit at the top of the article.' },
  create(rules) {
    const rule = rules[0];
    if (!rule) return () => [];
    return ({ doc, provenance }) => {
      // The provenance stage has already read it; scan only when run without that stage.
      const found = provenance ? provenance.dateline : findDateline(doc.text, doc.paragraphs);
      if (!found) return [];
      const what = found.credit ? `${found.place}, credited to ${found.credit}` : found.place;
      const finding: Finding = {
        rule, start: found.start, end: found.end, voice: 'outlet', suggestion: null,
        message: rule.message.replace(/\{match\}/g, what),
        data: { place: found.place, credit: found.credit, date: found.date },
      };
      return [finding];
    };
  },
};
