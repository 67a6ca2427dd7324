import { tokenize } from '../document/tokens.js';
import type { TokenList } from '../document/token-list.js';
import { normalizeWord } from '../text/normalize.js';
import { inflections } from './inflect.js';

/** Function words are never inflected ("our" must not become "ours", "ourred"...). Also read by the lexicon detector. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'and', 'or', 'but', 'not', 'no',
  'our', 'my', 'your', 'their', 'his', 'her', 'its', 'we', 'they', 'you', 'he', 'she', 'it', 'i', 'me', 'us',
  'them', 'is', 'are', 'was', 'were', 'be', 'been', 'this', 'that', 'these', 'those', 'as', 'so', 'than',
  'all', 'any', 'some', 'every', 'each', 'what', 'who', 'which', 'there', 'here', 'up', 'out', 'off', 'down',
  'over', 'into', 'about', 'against', 'once', 'again', 'ever', 'never', 'always', 'very', 'much', 'many', 'more',
  'most', 'less', 'least', 'too', 'also', 'just', 'only', 'even', 'will', 'would', 'can', 'could', 'should',
  'must', 'may', 'might', 'shall', 'do', 'does', 'did', 'has', 'have', 'had', 'if', 'then', 'else',
]);

const WILDCARD = '*';
const NONE: never[] = [];
/** Trie keys for words that must match exactly (no inflection) carry this prefix. */
const EXACT = '=';

/** A trie node: `n` children by key, `e` entries ending here as [payload index, exact words or null]. */
interface TrieNode {
  n?: Map<string, TrieNode>;
  e?: Array<[number, string[] | null]>;
}

/**
 * A trie as JSON: its nodes after the root (node 0), each after its parent, as [parent, key,
 * entries]. Nested JSON objects with a different set of keys at every node were slow to parse.
 */
type FlatTrie = Array<[number, string, TrieNode['e'] | null]>;

function flattenTrie(root: TrieNode): FlatTrie {
  const flat: FlatTrie = [];
  const visit = (node: TrieNode, index: number): void => {
    for (const [key, next] of node.n ?? []) {
      flat.push([index, key, next.e ?? null]);
      visit(next, flat.length);
    }
  };
  visit(root, 0);
  return flat;
}

function unflattenTrie(flat: FlatTrie): TrieNode {
  const nodes: TrieNode[] = [{}];
  for (const [parent, key, e] of flat) {
    const node: TrieNode = e ? { e } : {};
    (nodes[parent].n ??= new Map()).set(key, node);
    nodes.push(node);
  }
  return nodes[0];
}

/** What a matcher is, without its payloads: cached at build time for the built-in rules. */
export interface MatcherData {
  root: FlatTrie;
  /** The form → lemmas table as a FormTable's text. */
  forms: string;
  size: number;
}

/**
 * The form → lemmas table of a cached matcher, read where it lies: one line per form, sorted,
 * "form lemma lemma...". As a JSON object, its 14,000 keys were over half of the rule cache
 * and a large part of start-up to parse; as one string it parses at once, and a lookup is a
 * binary search over the lines (the matcher remembers the answers per word form).
 */
class FormTable {
  /** where each line starts in `text`, found on the first lookup */
  private starts: Int32Array | null = null;

  constructor(readonly text: string) {}

  /** The table of a `Map` of forms, in the order its lemma lists have. */
  static pack(lemmasOf: ReadonlyMap<string, readonly string[]>): string {
    const lines: string[] = [];
    for (const [form, lemmas] of lemmasOf) {
      // Words come from the tokenizer and never hold a space or line break; the packing relies on it.
      if ([form, ...lemmas].some((w) => w === '' || /\s/.test(w))) throw new Error(`cannot pack the word form "${form}"`);
      lines.push(`${form} ${lemmas.join(' ')}`);
    }
    // Sorted by form (the text before the first space), in the order get() searches.
    return lines.sort((a, b) => compare(a.slice(0, a.indexOf(' ')), b.slice(0, b.indexOf(' ')))).join('\n');
  }

  get(form: string): string[] | undefined {
    const { text } = this;
    const starts = (this.starts ??= lineStarts(text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const start = starts[mid];
      const space = text.indexOf(' ', start);
      const order = compare(text.slice(start, space), form);
      if (order === 0) {
        const end = text.indexOf('\n', space);
        return text.slice(space + 1, end < 0 ? text.length : end).split(' ');
      }
      if (order < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** Every form with its lemmas, in the table's order. */
  *entries(): Iterable<[string, string[]]> {
    if (this.text === '') return;
    for (const line of this.text.split('\n')) {
      const words = line.split(' ');
      yield [words[0], words.slice(1)];
    }
  }
}

/** Code-unit order, the same for sorting and searching. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function lineStarts(text: string): Int32Array {
  if (text === '') return new Int32Array(0);
  const starts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return Int32Array.from(starts);
}

export interface PhraseMatch<T> {
  /** Token index range [first, end). */
  first: number;
  end: number;
  payload: T;
}

export interface PhraseOptions {
  inflect?: boolean;
  caseSensitive?: boolean;
}

function child(node: TrieNode, key: string): TrieNode | undefined {
  return node.n?.get(key);
}

/**
 * A token trie of phrases keyed by lemma: the cost of a lookup depends on the phrase length,
 * never on how many phrases are loaded. Inflected forms are not multiplied into the trie
 * (a 3-word phrase would need hundreds of paths); a separate map takes each surface form to
 * the lemmas it may be, and the walk follows each.
 */
export class PhraseMatcher<T> {
  private readonly root: TrieNode;
  /** Forms of a cached matcher, until a phrase is added to it (then they move to `lemmasOf`). */
  private table: FormTable | null;
  /** form → the lemmas it may be an inflection of */
  private readonly lemmasOf = new Map<string, string[]>();
  private readonly payloads: T[];
  private readonly payloadIndex = new Map<T, number>();
  /**
   * Per word form: can it start a phrase, and which trie keys it takes. Every token asks, and
   * forms repeat, so the answers are kept (bounded; cleared when a phrase is added).
   */
  private readonly startMemo = new Map<string, boolean>();
  private readonly keysMemo = new Map<string, string[]>();
  size: number;

  constructor(data?: MatcherData, payloads: T[] = []) {
    this.root = data ? unflattenTrie(data.root) : {};
    this.table = data ? new FormTable(data.forms) : null;
    this.size = data?.size ?? 0;
    this.payloads = payloads;
  }

  /** The trie and form table, for a cache; payloads are referred to by the order they were added in. */
  toData(): MatcherData {
    return { root: flattenTrie(this.root), forms: this.table?.text ?? FormTable.pack(this.lemmasOf), size: this.size };
  }

  /** Give a payload its index now (a cached trie refers to payloads by the order they were registered in). */
  register(payload: T): number {
    let index = this.payloadIndex.get(payload);
    if (index === undefined) {
      index = this.payloads.length;
      this.payloads.push(payload);
      this.payloadIndex.set(payload, index);
    }
    return index;
  }

  add(phrase: string, payload: T, options: PhraseOptions = {}): void {
    const words = phraseWords(phrase);
    if (words.length === 0 || words[0] === WILDCARD) return;
    const inflect = options.inflect ?? true;
    const index = this.register(payload);
    this.startMemo.clear();
    this.keysMemo.clear();
    this.formsOf = 0;
    let node = this.root;
    for (const w of words) {
      const lower = normalizeWord(w);
      let key: string;
      if (lower === WILDCARD) key = WILDCARD;
      else if (inflect && !FUNCTION_WORDS.has(lower)) {
        key = lower;
        this.expand(lower);
      } else key = EXACT + lower;
      let next = child(node, key);
      if (!next) {
        next = {};
        (node.n ??= new Map()).set(key, next);
      }
      node = next;
    }
    (node.e ??= []).push([index, options.caseSensitive ? words.map((w) => normalizeWord(w, true)) : null]);
    this.size++;
  }

  private expand(lemma: string): void {
    if (this.table) {
      // A phrase added to a cached matcher: its forms become a map again (never needed by slant itself).
      for (const [form, lemmas] of this.table.entries()) this.lemmasOf.set(form, lemmas);
      this.table = null;
    }
    for (const form of inflections(lemma)) {
      const list = this.lemmasOf.get(form);
      if (!list) this.lemmasOf.set(form, [lemma]);
      else if (!list.includes(lemma)) list.push(lemma);
    }
  }

  private lemmas(form: string): string[] | undefined {
    return this.table ? this.table.get(form) : this.lemmasOf.get(form);
  }

  /** Cheap test whether any phrase can start with this word. */
  private mayStart(norm: string): boolean {
    let answer = this.startMemo.get(norm);
    if (answer === undefined) {
      answer = (child(this.root, EXACT + norm) ?? this.lemmas(norm)) !== undefined || isPossessive(norm);
      remember(this.startMemo, norm, answer);
    }
    return answer;
  }

  /** Trie keys a token may take: its exact form, and every lemma its form (or its bare possessive) belongs to. */
  private keysFor(norm: string): string[] {
    let keys = this.keysMemo.get(norm);
    if (keys === undefined) {
      keys = this.computeKeys(norm);
      remember(this.keysMemo, norm, keys);
    }
    return keys;
  }

  private computeKeys(norm: string): string[] {
    const keys = [EXACT + norm];
    const lemmas = this.lemmas(norm);
    if (lemmas) keys.push(...lemmas);
    const bare = stripPossessive(norm);
    if (bare !== norm) {
      keys.push(EXACT + bare);
      const more = this.lemmas(bare);
      if (more) keys.push(...more);
    }
    return keys;
  }

  /**
   * Id of the token list whose word forms `startByForm` and `keysByForm` describe (form ids
   * belong to one list). An id, not the list: a matcher lives as long as its rule set, a
   * document should not.
   */
  private formsOf = 0;
  /** Per form id: 0 not known yet, 1 starts no phrase, 2 may start one. */
  private startByForm = new Uint8Array(0);
  private keysByForm: Array<string[] | undefined> = [];

  private useForms(tokens: TokenList): void {
    if (this.formsOf === tokens.id) return;
    this.formsOf = tokens.id;
    this.startByForm = new Uint8Array(tokens.formCount);
    this.keysByForm = new Array<string[] | undefined>(tokens.formCount);
  }

  private mayStartAt(tokens: TokenList, i: number): boolean {
    const form = tokens.form(i);
    let answer = this.startByForm[form];
    if (answer === 0) {
      answer = this.mayStart(tokens.norm(i)) ? 2 : 1;
      this.startByForm[form] = answer;
    }
    return answer === 2;
  }

  private keysAt(tokens: TokenList, i: number): string[] {
    const form = tokens.form(i);
    return (this.keysByForm[form] ??= this.keysFor(tokens.norm(i)));
  }

  /**
   * All phrases that start at token `first`, longest first. Matches stay inside one sentence.
   * A possessive ("regime's") also matches its bare word.
   */
  matchesAt(tokens: TokenList, first: number, limit = tokens.length): Array<PhraseMatch<T>> {
    this.useForms(tokens);
    if (!this.mayStartAt(tokens, first)) return NONE;
    const found: Array<PhraseMatch<T>> = [];
    this.step(tokens, first, limit, tokens.sentence(first), this.root, first, found);
    if (found.length > 1) found.sort((a, b) => b.end - a.end);
    return found;
  }

  private walk(tokens: TokenList, first: number, limit: number, sentence: number, node: TrieNode, i: number, found: Array<PhraseMatch<T>>): void {
    if (node.e) {
      for (const [index, exact] of node.e) {
        if (!exact || exactMatches(tokens, first, exact)) found.push({ first, end: i, payload: this.payloads[index] });
      }
    }
    if (i >= limit || tokens.sentence(i) !== sentence || node.n === undefined) return;
    this.step(tokens, first, limit, sentence, node, i, found);
  }

  private step(tokens: TokenList, first: number, limit: number, sentence: number, node: TrieNode, i: number, found: Array<PhraseMatch<T>>): void {
    for (const key of this.keysAt(tokens, i)) {
      const next = child(node, key);
      if (next) this.walk(tokens, first, limit, sentence, next, i + 1, found);
    }
    const wild = child(node, WILDCARD);
    if (wild) this.walk(tokens, first, limit, sentence, wild, i + 1, found);
  }
}

/** A memo holds at most this many word forms (a corpus's vocabulary could otherwise grow it without end). */
const MEMO_LIMIT = 50_000;

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}

/** "regime's", "rebels'": may match a phrase through its bare word. */
function isPossessive(norm: string): boolean {
  const c = norm.charCodeAt(norm.length - 1);
  return (c === 39 || c === 115) && norm.includes("'");
}

const PLAIN_WORD = /^[A-Za-z]+$/;

export function phraseWords(phrase: string): string[] {
  // Fast path for the common case (plain words separated by spaces): no Unicode tokenizer needed.
  const parts = phrase.trim().split(/\s+/);
  if (parts.every((p) => PLAIN_WORD.test(p) || p === WILDCARD)) return parts;
  return phrase.trim() === WILDCARD ? [WILDCARD] : phrase.split(/\s+/).flatMap((part) =>
    part === WILDCARD ? [WILDCARD] : tokenize(part).map((t) => t.text));
}

function stripPossessive(norm: string): string {
  if (norm.endsWith("'s")) return norm.slice(0, -2);
  if (norm.endsWith("'")) return norm.slice(0, -1);
  return norm;
}

function exactMatches(tokens: TokenList, first: number, exact: string[]): boolean {
  return exact.every((w, k) => w === WILDCARD || normalizeWord(tokens.text(first + k), true) === w ||
    stripPossessive(normalizeWord(tokens.text(first + k), true)) === w);
}
