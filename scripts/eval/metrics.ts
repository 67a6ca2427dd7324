/**
 * Metric functions for the evaluation scripts. Pure functions, no I/O, so they can be unit-tested.
 *
 * Offsets: every span here is a half-open range [start, end) of Unicode code points, the unit
 * used by the PTC labels and by slant's findings. Helpers below convert the UTF-16 indices that
 * JavaScript regular expressions give into code points.
 */

export interface Span {
  start: number;
  end: number;
}

/** Sums of the overlap credit (SemEval-2020 Task 11 span scorer). */
export interface Credit {
  /** sum over overlapping (predicted s, gold t) pairs of |s∩t| / |s| */
  precisionCredit: number;
  /** sum over overlapping (predicted s, gold t) pairs of |s∩t| / |t| */
  recallCredit: number;
  predicted: number;
  gold: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export function emptyCredit(): Credit {
  return { precisionCredit: 0, recallCredit: 0, predicted: 0, gold: 0 };
}

export function addCredit(into: Credit, more: Credit): Credit {
  into.precisionCredit += more.precisionCredit;
  into.recallCredit += more.recallCredit;
  into.predicted += more.predicted;
  into.gold += more.gold;
  return into;
}

/**
 * Merge spans that overlap (share at least one position) into one; drop empty spans.
 * The official scorer does the same with the gold spans of one article, so that a stretch
 * labelled twice (e.g. as both Loaded_Language and Name_Calling in the merged category) counts once.
 * Adjacent spans ([0,3) and [3,5)) are kept apart: they share no position.
 */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).map((s) => ({ start: s.start, end: s.end }));
  sorted.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
    } else {
      out.push({ start: s.start, end: s.end });
    }
  }
  return out;
}

/** Number of positions two half-open spans share. */
export function intersection(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * Overlap credit of one document's predictions against its gold spans. Both lists are merged
 * first (see mergeSpans). For every predicted span s and gold span t that overlap,
 * precision credit += |s∩t|/|s| and recall credit += |s∩t|/|t|.
 */
export function overlapCredit(predicted: readonly Span[], gold: readonly Span[]): Credit {
  const p = mergeSpans(predicted);
  const g = mergeSpans(gold);
  const credit: Credit = { precisionCredit: 0, recallCredit: 0, predicted: p.length, gold: g.length };
  // Both lists are sorted and internally disjoint: a sweep keeps this linear in practice.
  let j0 = 0;
  for (const s of p) {
    while (j0 < g.length && g[j0]!.end <= s.start) j0++;
    for (let j = j0; j < g.length && g[j]!.start < s.end; j++) {
      const t = g[j]!;
      const inter = intersection(s, t);
      if (inter > 0) {
        credit.precisionCredit += inter / (s.end - s.start);
        credit.recallCredit += inter / (t.end - t.start);
      }
    }
  }
  return credit;
}

/** P = credit/#predicted, R = credit/#gold (0 when the denominator is 0), F1 their harmonic mean. */
export function scoresFromCredit(c: Credit): Scores {
  const precision = c.predicted > 0 ? c.precisionCredit / c.predicted : 0;
  const recall = c.gold > 0 ? c.recallCredit / c.gold : 0;
  return { precision, recall, f1: harmonic(precision, recall) };
}

export function harmonic(p: number, r: number): number {
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

/** Confusion counts for a binary or set-based comparison. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export function emptyCounts(): Counts {
  return { tp: 0, fp: 0, fn: 0 };
}

export function scoresFromCounts(c: Counts): Scores {
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : 0;
  return { precision, recall, f1: harmonic(precision, recall) };
}

/**
 * Word tokens for the token-level metric.
 *
 * Definition: a token is a maximal run of letters and digits, optionally joined by apostrophes
 * inside the word ("don't", "Trump's"); hyphens, dashes, quotation marks and other punctuation
 * separate tokens ("hard-left" is "hard" + "left", the same word break the rule matcher uses).
 * Tokens are lower-cased and curly apostrophes are straightened. Offsets are code points.
 */
export interface WordToken extends Span {
  word: string;
}

const WORD_RE = /[\p{L}\p{N}]+(?:['\u2019\u02BC][\p{L}\p{N}]+)*/gu;

export function normaliseWord(w: string): string {
  return w.toLowerCase().replace(/[\u2019\u02BC]/g, "'");
}

export function wordTokens(text: string): WordToken[] {
  const toCp = codePointIndex(text);
  const out: WordToken[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const start16 = m.index ?? 0;
    const end16 = start16 + m[0].length;
    out.push({ word: normaliseWord(m[0]), start: toCp(start16), end: toCp(end16) });
  }
  return out;
}

/** Normalised word tokens of a string, without offsets (for gold word lists). */
export function words(text: string): string[] {
  return Array.from(text.matchAll(WORD_RE), (m) => normaliseWord(m[0]));
}

/**
 * A function from UTF-16 index to code-point index for `text`.
 * For texts without astral characters it is the identity.
 */
export function codePointIndex(text: string): (utf16: number) => number {
  let astral = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      astral = true;
      break;
    }
  }
  if (!astral) return (i) => i;
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        map[i + 1] = cp;
        i++;
      }
    }
    cp++;
  }
  map[text.length] = cp;
  return (i) => map[i]!;
}

/** Slice `text` by code-point offsets. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** The tokens that overlap at least one of the spans (a word inside or touching a flagged span). */
export function tokensInSpans(tokens: readonly WordToken[], spans: readonly Span[]): WordToken[] {
  const merged = mergeSpans(spans);
  return tokens.filter((t) => merged.some((s) => intersection(t, s) > 0));
}

/**
 * Token-level comparison for one sentence: predicted and gold are sets of normalised words
 * (a word flagged twice, or listed twice by the annotators, counts once).
 */
export function tokenCounts(predicted: Iterable<string>, gold: Iterable<string>): Counts {
  const p = new Set(predicted);
  const g = new Set(gold);
  let tp = 0;
  for (const w of p) if (g.has(w)) tp++;
  return { tp, fp: p.size - tp, fn: g.size - tp };
}

export function addCounts(into: Counts, more: Counts): Counts {
  into.tp += more.tp;
  into.fp += more.fp;
  into.fn += more.fn;
  return into;
}

/** Format helpers for the printed tables. */
export function pct(x: number): string {
  return x.toFixed(3);
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
