/** Dates as news pages write them: "April 2, 2025", "12 November 2024", "Tue March 4, 2025", "2024-05-03". */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

const MONTH = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;

/** Month-first, day-first and ISO forms with a year; each with named groups. */
export const FULL_DATE = new RegExp(
  String.raw`\b(?:(?<m1>${MONTH})\s+(?<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y1>\d{4})|(?<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?<m2>${MONTH}),?\s+(?<y2>\d{4})|(?<y3>\d{4})-(?<m3>\d{2})-(?<d3>\d{2}))\b`,
  'i',
);

/** A date without a year ("May 3", "3 May"), as in a Xinhua dateline. */
export const PARTIAL_DATE = new RegExp(String.raw`^(?:${MONTH}\s+\d{1,2}|\d{1,2}\s+${MONTH})$`, 'i');

export interface FoundDate {
  iso: string;
  index: number;
  length: number;
}

/** The first full date in a string, as ISO `YYYY-MM-DD` (only when it is a real calendar date). */
export function findFullDate(s: string): FoundDate | null {
  const m = FULL_DATE.exec(s);
  if (!m?.groups) return null;
  const g = m.groups;
  const year = Number(g.y1 ?? g.y2 ?? g.y3);
  const month = g.m3 ? Number(g.m3) : MONTHS[(g.m1 ?? g.m2)!.toLowerCase().replace(/\.$/, '')];
  const day = Number(g.d1 ?? g.d2 ?? g.d3);
  if (!month || !isRealDate(year, month, day)) return null;
  return { iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, index: m.index, length: m[0].length };
}

/** The date part of a metadata timestamp, as written (no time-zone conversion). */
export function isoDatePart(timestamp: string | null | undefined): string | null {
  if (!timestamp) return null;
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(timestamp);
  if (m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) return `${m[1]}-${m[2]}-${m[3]}`;
  return findFullDate(timestamp)?.iso ?? null;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
