/**
 * A string → number table that is cached as two JSON arrays and becomes a Map on first look-up.
 * JSON.parse made large objects (a thousand and more keys) at several ms each; two arrays parse
 * in a fraction of a millisecond, and a Map is built from them about as fast.
 */
export class KeyTable {
  private map: Map<string, number> | undefined;

  private constructor(
    private readonly keys: string[],
    private readonly values: number[],
  ) {}

  static empty(): KeyTable {
    return new KeyTable([], []);
  }

  /** A table from its JSON form (see toJSON); undefined when the value has another shape. */
  static fromJSON(json: unknown): KeyTable | undefined {
    if (!Array.isArray(json) || json.length !== 2 || !Array.isArray(json[0]) || !Array.isArray(json[1])) return undefined;
    const [keys, values] = json as [string[], number[]];
    return keys.length === values.length ? new KeyTable(keys, values) : undefined;
  }

  toJSON(): [string[], number[]] {
    return [this.keys, this.values];
  }

  get(key: string): number | undefined {
    if (this.map === undefined) {
      this.map = new Map();
      for (let i = 0; i < this.keys.length; i++) this.map.set(this.keys[i], this.values[i]);
    }
    return this.map.get(key);
  }

  /** Add a key that is not in the table yet. */
  add(key: string, value: number): void {
    this.keys.push(key);
    this.values.push(value);
    this.map?.set(key, value);
  }
}
