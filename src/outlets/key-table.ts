import { SortedLines } from '../rules/sorted-lines.js';

/**
 * A string → number table. Built as a Map; cached as the text of a SortedLines table
 * ("key<TAB>number" lines), which a run looks keys up in as it is: a run asks for a few dozen
 * names of the 2,000, and parsing the keys as JSON arrays and making a Map of them cost more.
 */
export class KeyTable {
  private constructor(
    private map: Map<string, number> | null,
    private readonly lines: SortedLines | null,
  ) {}

  static empty(): KeyTable {
    return new KeyTable(new Map(), null);
  }

  /** A table from its JSON form (see toJSON); undefined when the value has another shape. */
  static fromJSON(json: unknown): KeyTable | undefined {
    return typeof json === 'string' ? new KeyTable(null, new SortedLines(json, '\t')) : undefined;
  }

  toJSON(): string {
    return SortedLines.pack([...this.entries()].map(([key, value]) => [key, String(value)]), '\t');
  }

  get(key: string): number | undefined {
    if (this.map !== null) return this.map.get(key);
    const value = this.lines!.get(key);
    return value === undefined ? undefined : Number(value);
  }

  /** Add a key that is not in the table yet. */
  add(key: string, value: number): void {
    this.map ??= new Map(this.entries());
    this.map.set(key, value);
  }

  private *entries(): Iterable<[string, number]> {
    if (this.map !== null) yield* this.map;
    else for (const [key, value] of this.lines!.entries()) yield [key, Number(value)];
  }
}
