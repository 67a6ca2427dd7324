import { partitionPoint } from './search.js';

/**
 * Offsets inside slant are UTF-16 indices (what JavaScript strings use); the JSON contract
 * speaks Unicode code points. This index converts between them by a binary search over the
 * surrogate pairs of the text, found in one linear pass; text without them costs nothing.
 */
export interface CodePointIndex {
  /** UTF-16 index → code point index. */
  toCodePoint(utf16: number): number;
  /** Code point index → UTF-16 index. */
  toUtf16(codePoint: number): number;
  readonly length: number;
}

export function codePointIndex(text: string): CodePointIndex {
  const pairs = surrogatePairs(text);
  if (pairs.length === 0 && !hasHighSurrogate(text)) {
    return { toCodePoint: (i) => i, toUtf16: (i) => i, length: text.length };
  }
  // Only the pairs are stored (a table per UTF-16 unit took 4 bytes per character of the text).
  // Code point of unit i: i minus the pairs that start before i (the low half of a pair shares
  // its high half's code point). The k-th pair starts at code point pairs[k] - k.
  const total = text.length - pairs.length;
  const pairsBefore = (i: number): number => partitionPoint(pairs.length, (k) => pairs[k] < i);
  return {
    toCodePoint: (i) => {
      const at = Math.max(0, Math.min(i, text.length));
      return at - pairsBefore(at);
    },
    toUtf16: (c) => {
      const target = Math.max(0, Math.min(c, total));
      return target + partitionPoint(pairs.length, (k) => pairs[k] - k < target);
    },
    length: total,
  };
}

function hasHighSurrogate(text: string): boolean {
  return /[\ud800-\udbff]/.test(text);
}

/**
 * UTF-16 index of the high half of every well-formed surrogate pair, in order. The regular
 * expression jumps from pair to pair (a loop over every character ran mostly before V8 had
 * compiled it, for a text with a few emoji).
 */
function surrogatePairs(text: string): Int32Array {
  const pair = /[\ud800-\udbff][\udc00-\udfff]/g;
  const found: number[] = [];
  for (let m = pair.exec(text); m !== null; m = pair.exec(text)) found.push(m.index);
  return Int32Array.from(found);
}

/** Slice a string by code point offsets (what JSON consumers are told to do). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}
