import { findDateline } from '../detectors/dateline.js';
import type { Document } from '../document/types.js';
import type { ReportProvenance } from '../report/types.js';

/** A byline line: "By Jane Doe", "By Jane Doe and John Roe, Associated Press". */
const BYLINE = /^By\s+([\p{Lu}][\p{L}\p{M}.'’-]*(?:\s+(?:[\p{Lu}][\p{L}\p{M}.'’-]*|de|van|von|al|bin|and|&))*)/u;

/** Provenance read from the text itself. Offsets are UTF-16 indices. */
export function readProvenance(doc: Document): ReportProvenance {
  const { text } = doc;
  let byline: string | null = null;
  for (const p of doc.paragraphs.slice(0, 6)) {
    const m = BYLINE.exec(text.slice(p.start, p.end));
    if (m) {
      byline = m[1].trim();
      break;
    }
  }
  const dl = findDateline(text, doc.paragraphs);
  return {
    byline,
    date: dl?.date ?? null,
    dateline: dl ? { place: dl.place, credit: dl.credit } : null,
    publisher: null,
    republishedBy: null,
    url: null,
    outlets: [],
    residue: [],
  };
}
