import { KeyFilter } from './key-filter.js';

/**
 * A lookup table kept as the text it is cached in: one line per key, "key<separator>value",
 * sorted by key in code-unit order. A lookup bisects the text itself, finding line starts as it
 * goes, so loading the table makes no objects at all (an index of 15,000 line starts, or a Map
 * of the keys, cost a run more than all of its lookups together). A KeyFilter of the keys, when
 * given, answers most keys that are not there without a search.
 */
export class SortedLines {
  constructor(
    readonly text: string,
    private readonly separator: string,
    private readonly filter: KeyFilter | null = null,
  ) {}

  /** The table's text for these entries; a key must not hold the separator or a line break. */
  static pack(entries: Iterable<readonly [string, string]>, separator: string): string {
    const lines: Array<readonly [string, string]> = [];
    for (const [key, value] of entries) {
      if (key === '' || key.includes(separator) || /[\n\r]/.test(key) || /[\n\r]/.test(value)) throw new Error(`cannot pack the key "${key}"`);
      lines.push([key, value]);
    }
    return lines.sort((a, b) => compare(a[0], b[0])).map(([key, value]) => `${key}${separator}${value}`).join('\n');
  }

  /** The value on the line of this key, or undefined. */
  get(key: string): string | undefined {
    if (this.filter !== null && !this.filter.mayHave(key)) return undefined;
    const { text, separator } = this;
    // [lo, hi): the lines still in question, lo and hi line starts (or the end). The line looked
    // at is the one that holds the middle character: it starts at or after lo and before hi.
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const start = text.lastIndexOf('\n', ((lo + hi) >>> 1) - 1) + 1;
      // Most steps are decided by the first character: no string is made for them.
      let order = text.charCodeAt(start) - key.charCodeAt(0);
      let split = -1;
      if (order === 0) {
        split = text.indexOf(separator, start);
        order = compare(text.slice(start, split), key);
      }
      if (order === 0) {
        const newline = text.indexOf('\n', split);
        return text.slice(split + separator.length, newline < 0 ? text.length : newline);
      }
      if (order < 0) {
        const newline = text.indexOf('\n', start);
        lo = newline < 0 ? text.length : newline + 1;
      } else hi = start;
    }
    return undefined;
  }

  /** A KeyFilter of the table's keys, as text. */
  keyFilter(): string {
    return KeyFilter.of([...this.entries()].map(([key]) => key)).toString();
  }

  /** Every key with its value, in the table's order. */
  *entries(): Iterable<[string, string]> {
    if (this.text === '') return;
    for (const line of this.text.split('\n')) {
      const split = line.indexOf(this.separator);
      yield [line.slice(0, split), line.slice(split + this.separator.length)];
    }
  }
}

/** Code-unit order, the same for sorting and searching. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
