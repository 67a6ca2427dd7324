/**
 * The outlet matcher's words, found without a regular expression or an object per word.
 *
 * A word is what `/[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*\/u` matches; a final "'s" after a
 * letter or digit is a word of its own, so "Xinhua's" matches "Xinhua". At 1 MiB a text has about
 * 200,000 words and almost none can start an outlet's name: a `WordCursor` walks them one at a
 * time (no offset arrays), and the matcher slices out the few strings it needs.
 */

/** Word offsets: word k is text[starts[k], ends[k]). */
export interface WordSpans {
  starts: Int32Array;
  ends: Int32Array;
  length: number;
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Lazily filled answers for the Basic Multilingual Plane: 0 unknown, 1 yes, 2 no. */
const wordCharTable = new Uint8Array(0x10000);
const letterOrDigitTable = new Uint8Array(0x10000);

function classify(cp: number, table: Uint8Array, re: RegExp): boolean {
  if (cp > 0xffff) return re.test(String.fromCodePoint(cp));
  let v = table[cp];
  if (v === 0) table[cp] = v = re.test(String.fromCharCode(cp)) ? 1 : 2;
  return v === 1;
}

function isWordChar(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39);
  return classify(cp, wordCharTable, WORD_CHAR);
}

function isLetterOrDigit(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39);
  return classify(cp, letterOrDigitTable, LETTER_OR_DIGIT);
}

const isApostrophe = (c: number): boolean => c === 0x27 || c === 0x2019 || c === 0x2bc;

/** Code point at i and its length in UTF-16 units (a lone surrogate is its own code point, as in a `u` regex). */
function codePointLength(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/** The code point that ends just before `end`. */
function codePointBefore(text: string, end: number): number {
  const low = text.charCodeAt(end - 1);
  if (low >= 0xdc00 && low <= 0xdfff && end >= 2) {
    const high = text.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** End of the run of word characters starting at i. */
function runEnd(text: string, i: number, to: number): number {
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39))) break;
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (!isWordChar(cp)) break;
    i += codePointLength(cp);
  }
  return i;
}

/**
 * The words of text[from, to) in order, possessive "'s" split off: `next()` moves to the next
 * word and sets `start` and `end`. The whole position is four numbers, so a matcher can look
 * ahead with a copy (`copyFrom`) and come back.
 */
export class WordCursor {
  start = 0;
  end = 0;
  /** where scanning resumes */
  private pos: number;
  /** start of a split-off "'s" still to be returned, or -1 */
  private pending = -1;

  constructor(
    private readonly text: string,
    from = 0,
    private readonly to = text.length,
  ) {
    this.pos = from;
  }

  copyFrom(other: WordCursor): void {
    this.start = other.start;
    this.end = other.end;
    this.pos = other.pos;
    this.pending = other.pending;
  }

  next(): boolean {
    const { text, to } = this;
    if (this.pending >= 0) {
      this.start = this.pending;
      this.end = this.pos;
      this.pending = -1;
      return true;
    }
    let i = this.pos;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) break;
        i++;
        continue;
      }
      const cp = text.codePointAt(i)!;
      if (isWordChar(cp)) break;
      i += codePointLength(cp);
    }
    if (i >= to) {
      this.pos = to;
      return false;
    }
    const start = i;
    let end = runEnd(text, i, to);
    // Inner apostrophes: "O'Brien", "don't" (an apostrophe must be followed by a word character).
    while (end + 1 < to && isApostrophe(text.charCodeAt(end))) {
      const next = runEnd(text, end + 1, to);
      if (next === end + 1) break;
      end = next;
    }
    this.pos = end;
    this.start = start;
    this.end = end;
    if (end - start >= 3) {
      const last = text.charCodeAt(end - 1);
      if ((last === 0x73 || last === 0x53) && isApostrophe(text.charCodeAt(end - 2)) && isLetterOrDigit(codePointBefore(text, end - 2))) {
        this.end = end - 2;
        this.pending = end - 2;
      }
    }
    return true;
  }
}

/** The words of text[from, to), possessive "'s" split off. */
export function scanWords(text: string, from = 0, to = text.length): WordSpans {
  const starts: number[] = [];
  const ends: number[] = [];
  const cursor = new WordCursor(text, from, to);
  while (cursor.next()) {
    starts.push(cursor.start);
    ends.push(cursor.end);
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends), length: starts.length };
}
