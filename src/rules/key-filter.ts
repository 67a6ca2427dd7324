/**
 * A Bloom filter of a table's keys: "no" is certain, "maybe" leaves the table to decide. Most
 * words a text asks a phrase trie about are in none of its tables, and answering them here is
 * far cheaper than a search of a 15,000-line table in code that has not warmed up yet.
 */
export class KeyFilter {
  private constructor(private readonly bits: Uint8Array) {}

  /** A filter of these keys, ~2% false "maybe" (8 bits a key, 3 probes). */
  static of(keys: readonly string[]): KeyFilter {
    let size = 8;
    while (size < keys.length) size *= 2;
    const filter = new KeyFilter(new Uint8Array(size));
    for (const key of keys) filter.probe(key, true);
    return filter;
  }

  /** A filter from its `toString()`, or null when that is not one. */
  static parse(text: string): KeyFilter | null {
    const bits = Buffer.from(text, 'base64');
    // A power of two bytes: what `of` makes.
    return bits.length >= 8 && (bits.length & (bits.length - 1)) === 0 ? new KeyFilter(new Uint8Array(bits.buffer, bits.byteOffset, bits.length)) : null;
  }

  toString(): string {
    return Buffer.from(this.bits.buffer, this.bits.byteOffset, this.bits.length).toString('base64');
  }

  mayHave(key: string): boolean {
    return this.probe(key, false);
  }

  /** Three bits of the key (FNV-1a and double hashing), each tested, or set with `set`. */
  private probe(key: string, set: boolean): boolean {
    let h = 0x811c9dc5;
    for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193);
    const step = (Math.imul(h, 0x9e3779b1) >>> 16) | 1;
    const mask = this.bits.length * 8 - 1;
    for (let i = 0; i < 3; i++) {
      const bit = (h + i * step) & mask;
      if (set) this.bits[bit >>> 3] |= 1 << (bit & 7);
      else if ((this.bits[bit >>> 3] & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  }
}
