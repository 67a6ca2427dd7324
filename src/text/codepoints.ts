/**
 * Offsets inside slant are UTF-16 indices (what JavaScript strings use); the JSON contract
 * speaks Unicode code points. This index converts between them in O(1) per lookup after one
 * linear pass, and costs nothing for text without astral characters.
 */
export interface CodePointIndex {
  /** UTF-16 index → code point index. */
  toCodePoint(utf16: number): number;
  /** Code point index → UTF-16 index. */
  toUtf16(codePoint: number): number;
  readonly length: number;
}

export function codePointIndex(text: string): CodePointIndex {
  let firstAstral = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      firstAstral = i;
      break;
    }
  }
  if (firstAstral < 0) {
    return { toCodePoint: (i) => i, toUtf16: (i) => i, length: text.length };
  }
  // cpAt[i] = code point index of UTF-16 unit i (for i in 0..length); monotonic, so the
  // reverse lookup is a binary search and no second table is needed.
  const cpAt = new Uint32Array(text.length + 1);
  let cp = firstAstral;
  for (let i = 0; i < firstAstral; i++) cpAt[i] = i;
  for (let i = firstAstral; i < text.length; i++) {
    cpAt[i] = cp;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      cpAt[i + 1] = cp;
      i++;
    }
    cp++;
  }
  cpAt[text.length] = cp;
  const total = cp;
  return {
    toCodePoint: (i) => cpAt[Math.max(0, Math.min(i, text.length))],
    toUtf16: (c) => {
      const target = Math.max(0, Math.min(c, total));
      let lo = 0;
      let hi = text.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cpAt[mid] < target) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
    length: total,
  };
}

/** Slice a string by code point offsets (what JSON consumers are told to do). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}
