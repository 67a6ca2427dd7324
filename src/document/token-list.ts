import { normalizeWord } from '../text/normalize.js';
import type { Token } from './types.js';

const KNOWN = 1;
const UPPER = 2;
const UPPER_START = /^\p{Lu}/u;

/** Tokens per block of a packed column. */
const BLOCK_BITS = 6;
const BLOCK = 1 << BLOCK_BITS;

type Offsets = Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Int32Array<ArrayBuffer>;

/**
 * A column of non-decreasing values: for each block of 64 tokens its first value (`bases`), and
 * for each token its distance from that (`offsets`, 8 or 16 bits). A block whose values spread
 * further (a long stretch of text without words) makes the whole column plain: `offsets` then
 * holds the values themselves in 32 bits and every base is 0, so a value is always
 * `bases[i >> 6] + offsets[i]`.
 */
interface PackedColumn {
  bases: Int32Array<ArrayBuffer>;
  offsets: Offsets;
}

class PackedColumnBuilder implements PackedColumn {
  bases: Int32Array<ArrayBuffer>;
  offsets: Offsets;
  private plain = false;

  constructor(capacity: number, private readonly narrow: 8 | 16) {
    this.bases = new Int32Array(blocksFor(capacity));
    this.offsets = narrow === 8 ? new Uint8Array(capacity) : new Uint16Array(capacity);
  }

  get capacity(): number {
    return this.offsets.length;
  }

  set(i: number, value: number): void {
    if (this.plain) {
      this.offsets[i] = value;
      return;
    }
    const block = i >> BLOCK_BITS;
    if ((i & (BLOCK - 1)) === 0) this.bases[block] = value;
    const distance = value - this.bases[block];
    if (distance >= 0 && distance < (this.narrow === 8 ? 0x100 : 0x10000)) this.offsets[i] = distance;
    else {
      this.makePlain(i);
      this.offsets[i] = value;
    }
  }

  grow(): void {
    this.offsets = grow(this.offsets);
    const bases = new Int32Array(blocksFor(this.offsets.length));
    bases.set(this.bases);
    this.bases = bases;
  }

  /** The column for the first n tokens. */
  fit(n: number): PackedColumn {
    return { bases: fit(this.bases, blocksFor(n)), offsets: fit(this.offsets, n) };
  }

  /** Whole values from here on: the first `n` are turned into 32-bit values, the bases into 0. */
  private makePlain(n: number): void {
    const values = new Int32Array(this.offsets.length);
    for (let k = 0; k < n; k++) values[k] = this.bases[k >> BLOCK_BITS] + this.offsets[k];
    this.offsets = values;
    this.bases.fill(0);
    this.plain = true;
  }
}

function blocksFor(n: number): number {
  return (n >> BLOCK_BITS) + 1;
}

/**
 * The words of a document, stored column-wise: a start offset, a sentence index and a word-form
 * id per token in typed arrays, and each distinct written form (with its normalised form) once.
 * A 10 MiB article has nearly two million tokens; as objects with two strings each they were
 * most of the memory and of the garbage collector's work. Read a token's fields by index
 * (`tokens.norm(i)`); `at(i)` builds a `Token` object for code off the hot paths.
 *
 * Starts and sentence indices never decrease from one token to the next, so each is kept as a
 * packed column (see PackedColumn): 2 and 1 bytes a token instead of 4. Form ids take 2 bytes
 * while a text has at most 65,536 distinct forms.
 */
let lists = 0;

export class TokenList implements Iterable<Token> {
  /** Unique per list: lets a cache keyed by form ids tell lists apart without holding on to one. */
  readonly id = ++lists;
  private readonly startBases: Int32Array;
  private readonly startOffsets: Offsets;
  private readonly sentenceBases: Int32Array;
  private readonly sentenceOffsets: Offsets;

  constructor(
    readonly length: number,
    starts: PackedColumn,
    sentences: PackedColumn,
    private readonly formOf: Uint16Array | Int32Array,
    /** Written form, its length and its normalised form, by form id. */
    private readonly forms: readonly string[],
    private readonly formLength: Int32Array,
    private readonly norms: readonly string[],
  ) {
    this.startBases = starts.bases;
    this.startOffsets = starts.offsets;
    this.sentenceBases = sentences.bases;
    this.sentenceOffsets = sentences.offsets;
    this.formFlags = new Uint8Array(forms.length);
  }

  /** Lazily computed facts about each written form (KNOWN once computed). */
  private readonly formFlags: Uint8Array;

  start(i: number): number {
    return this.startBases[i >> BLOCK_BITS] + this.startOffsets[i];
  }

  end(i: number): number {
    return this.startBases[i >> BLOCK_BITS] + this.startOffsets[i] + this.formLength[this.formOf[i]];
  }

  /** Index of the sentence that holds token i. */
  sentence(i: number): number {
    return this.sentenceBases[i >> BLOCK_BITS] + this.sentenceOffsets[i];
  }

  /** The word as written. */
  text(i: number): string {
    return this.forms[this.formOf[i]];
  }

  /** Lower case, apostrophes straightened: what rules match against. */
  norm(i: number): string {
    return this.norms[this.formOf[i]];
  }

  /** The word starts with an upper-case letter (a capital). Known per written form, so asked once per word form. */
  startsUpper(i: number): boolean {
    const form = this.formOf[i];
    let flags = this.formFlags[form];
    if (flags === 0) {
      flags = KNOWN | (UPPER_START.test(this.forms[form]) ? UPPER : 0);
      this.formFlags[form] = flags;
    }
    return (flags & UPPER) !== 0;
  }

  /** Id of the token's written form: equal ids, equal words (for per-word memos). */
  form(i: number): number {
    return this.formOf[i];
  }

  /** Number of distinct written forms. */
  get formCount(): number {
    return this.forms.length;
  }

  at(i: number): Token {
    return { start: this.start(i), end: this.end(i), text: this.text(i), norm: this.norm(i), sentence: this.sentence(i) };
  }

  slice(from: number, to: number): Token[] {
    const out: Token[] = [];
    for (let i = from; i < to; i++) out.push(this.at(i));
    return out;
  }

  *[Symbol.iterator](): Iterator<Token> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}

/** Collects tokens in text order, interning each written form so repeated words share one string. */
export class TokenListBuilder {
  private length = 0;
  private readonly starts: PackedColumnBuilder;
  private readonly sentences: PackedColumnBuilder;
  /** Form ids in 16 bits until a form id needs more. */
  private formOf: Uint16Array<ArrayBuffer> | Int32Array<ArrayBuffer>;
  private readonly forms: string[] = [];
  private readonly norms: string[] = [];
  private formLength = new Int32Array(256);
  /** Open-addressing hash table of form ids + 1 (0 = empty), keyed by the form's characters. */
  private table = new Int32Array(1024);

  /** `expected`: about how many tokens will come (see expectedWords); the columns are sized for it. */
  constructor(private readonly text: string, expected = 1024) {
    const capacity = Math.max(16, Math.ceil(expected));
    this.starts = new PackedColumnBuilder(capacity, 16);
    this.sentences = new PackedColumnBuilder(capacity, 8);
    this.formOf = new Uint16Array(capacity);
  }

  get count(): number {
    return this.length;
  }

  add(start: number, end: number, sentence: number): void {
    if (this.length === this.starts.capacity) {
      this.starts.grow();
      this.sentences.grow();
      this.formOf = grow(this.formOf);
    }
    const n = this.length++;
    this.starts.set(n, start);
    this.sentences.set(n, sentence);
    const form = this.intern(start, end);
    if (form > 0xffff && this.formOf instanceof Uint16Array) this.formOf = Int32Array.from(this.formOf);
    this.formOf[n] = form;
  }

  build(): TokenList {
    const n = this.length;
    return new TokenList(n, this.starts.fit(n), this.sentences.fit(n), fit(this.formOf, n), this.forms,
      this.formLength.slice(0, this.forms.length), this.norms);
  }

  private intern(start: number, end: number): number {
    const { text } = this;
    const h = formHash(text, start, end);
    const mask = this.table.length - 1;
    const len = end - start;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot];
      if (entry === 0) break;
      const id = entry - 1;
      if (this.formLength[id] === len && text.startsWith(this.forms[id], start)) return id;
    }
    const id = this.forms.length;
    const form = text.slice(start, end);
    this.forms.push(form);
    this.norms.push(normalizeWord(form));
    if (id === this.formLength.length) this.formLength = grow(this.formLength);
    this.formLength[id] = len;
    if ((id + 1) * 2 > this.table.length) this.rehash();
    else this.place(h, id);
    return id;
  }

  private place(hash: number, id: number): void {
    const mask = this.table.length - 1;
    let slot = hash & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = id + 1;
  }

  /** Double the table and put every form back (keeps it at most half full). */
  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2);
    for (let id = 0; id < this.forms.length; id++) {
      const form = this.forms[id];
      this.place(formHash(form, 0, form.length), id);
    }
  }
}

/**
 * Hash of text[start, end) from its length and four of its characters: cheap for every token,
 * and spread enough for a vocabulary (equal hashes are told apart by comparing the characters).
 */
function formHash(text: string, start: number, end: number): number {
  const len = end - start;
  let h = Math.imul(0x811c9dc5 ^ len, 0x01000193);
  h = Math.imul(h ^ text.charCodeAt(start), 0x01000193);
  h = Math.imul(h ^ text.charCodeAt(start + (len >> 1)), 0x01000193);
  h = Math.imul(h ^ text.charCodeAt(end - 1), 0x01000193);
  h = Math.imul(h ^ text.charCodeAt(start + (len >> 2)), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * Columns grow by a quarter at a time: on a long text, every doubled copy of a column is a large
 * buffer that the process keeps from the system for a while.
 */
function grow<T extends Offsets>(a: T): T {
  const bigger = new (a.constructor as new (length: number) => T)(a.length + Math.max(1024, a.length >> 2));
  bigger.set(a);
  return bigger;
}

/** The first n entries: a view when little is unused (no second buffer), else a copy. */
function fit<T extends Offsets>(a: T, n: number): T {
  return (a.length - n <= (n >> 3) ? a.subarray(0, n) : a.slice(0, n)) as T;
}
