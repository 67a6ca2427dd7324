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
  // cpAt[i] = code point index of UTF-16 unit i (for i in 0..length).
  const cpAt = new Uint32Array(text.length + 1);
  const unitAt: number[] = [];
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    cpAt[i] = cp;
    const c = text.charCodeAt(i);
    const isPair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length &&
      (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    unitAt.push(i);
    if (isPair) {
      cpAt[i + 1] = cp;
      i++;
    }
    cp++;
  }
  cpAt[text.length] = cp;
  unitAt.push(text.length);
  return {
    toCodePoint: (i) => cpAt[Math.max(0, Math.min(i, text.length))],
    toUtf16: (c) => unitAt[Math.max(0, Math.min(c, unitAt.length - 1))],
    length: cp,
  };
}

/** Slice a string by code point offsets (what JSON consumers are told to do). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}
