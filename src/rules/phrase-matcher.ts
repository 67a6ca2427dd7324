import { tokenize } from '../document/tokens.js';
import type { TokenList } from '../document/token-list.js';
import { normalizeWord } from '../text/normalize.js';
import { inflections } from './inflect.js';
import { KeyFilter } from './key-filter.js';
import { SortedLines } from './sorted-lines.js';

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
 * A trie as JSON: its nodes after a subtree's top node (node 0), each after its parent, as
 * [parent, key, entries]. Nested JSON objects with a different set of keys at every node were
 * slow to parse.
 */
type FlatTrie = Array<[number, string, TrieNode['e'] | null]>;

function flattenTrie(top: TrieNode): FlatTrie {
  const flat: FlatTrie = [];
  const visit = (node: TrieNode, index: number): void => {
    for (const [key, next] of node.n ?? []) {
      flat.push([index, key, next.e ?? null]);
      visit(next, flat.length);
    }
  };
  visit(top, 0);
  return flat;
}

/**
 * Indexed loops here and in the walk: they run cold, in V8's interpreter, where `for (const [a, b]
 * of list)` takes an iterator for the list and another for each tuple.
 */
function unflattenTrie(top: TrieNode, flat: FlatTrie): TrieNode {
  const nodes: TrieNode[] = [top];
  for (let k = 0; k < flat.length; k++) {
    const e = flat[k][2];
    const node: TrieNode = e ? { e } : {};
    (nodes[flat[k][0]].n ??= new Map()).set(flat[k][1], node);
    nodes.push(node);
  }
  return top;
}

/** A subtree under the root as one line of a SortedLines table: JSON [entries of its top node, its other nodes]. */
type SubtreeJson = [TrieNode['e'] | null, FlatTrie];

const packSubtree = (node: TrieNode): string => JSON.stringify([node.e ?? null, flattenTrie(node)] satisfies SubtreeJson);

function unpackSubtree(json: string): TrieNode {
  const [e, flat] = JSON.parse(json) as SubtreeJson;
  return unflattenTrie(e ? { e } : {}, flat);
}

/**
 * What a matcher is, without its payloads: cached at build time for the built-in rules. Both
 * tables stay text (see SortedLines), each with a KeyFilter of its keys: a run looks up a few
 * hundred words, most of them in neither table, and unpacks only the subtrees under the words its
 * text has, of 2,000.
 */
export interface MatcherData {
  /** The root's children, by key: a SortedLines table (tab-separated) of packSubtree lines. */
  root: string;
  rootFilter: string;
  /** The form → lemmas table: a SortedLines table (space-separated) of "form lemma lemma...". */
  forms: string;
  formsFilter: string;
  size: number;
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

/**
 * A token trie of phrases keyed by lemma: the cost of a lookup depends on the phrase length,
 * never on how many phrases are loaded. Inflected forms are not multiplied into the trie
 * (a 3-word phrase would need hundreds of paths); a separate map takes each surface form to
 * the lemmas it may be, and the walk follows each.
 */
export class PhraseMatcher<T> {
  private readonly root: TrieNode = {};
  /** The subtrees under the root of a cached matcher, each unpacked into `root` when first reached. */
  private readonly subtrees: SortedLines | null;
  /** Forms of a cached matcher, until a phrase is added to it (then they move to `lemmasOf`). */
  private table: SortedLines | null;
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
  /** Lemmas by form, as found in `table` (null: none), for the few forms both memos above ask about. */
  private readonly lemmasMemo = new Map<string, string[] | null>();
  size: number;

  constructor(data?: MatcherData, payloads: T[] = []) {
    this.subtrees = data ? new SortedLines(data.root, '\t', KeyFilter.parse(data.rootFilter)) : null;
    this.table = data ? new SortedLines(data.forms, ' ', KeyFilter.parse(data.formsFilter)) : null;
    this.size = data?.size ?? 0;
    this.payloads = payloads;
  }

  /** The trie and form table, for a cache; payloads are referred to by the order they were added in. */
  toData(): MatcherData {
    for (const [key] of this.subtrees?.entries() ?? []) this.child(this.root, key);
    const root = SortedLines.pack([...this.root.n ?? []].map(([key, node]) => [key, packSubtree(node)]), '\t');
    // Words come from the tokenizer and never hold a space or line break; the packing relies on it.
    for (const [form, lemmas] of this.table ? [] : this.lemmasOf) {
      if ([form, ...lemmas].some((w) => w === '' || /\s/.test(w))) throw new Error(`cannot pack the word form "${form}"`);
    }
    const forms = this.table?.text ?? SortedLines.pack([...this.lemmasOf].map(([form, lemmas]) => [form, lemmas.join(' ')]), ' ');
    return { root, rootFilter: new SortedLines(root, '\t').keyFilter(), forms, formsFilter: new SortedLines(forms, ' ').keyFilter(), size: this.size };
  }

  /** The child of a node by key; under the root, unpacked from `subtrees` on first use. */
  private child(node: TrieNode, key: string): TrieNode | undefined {
    const next = node.n?.get(key);
    if (next !== undefined || node !== this.root || this.subtrees === null) return next;
    const json = this.subtrees.get(key);
    if (json === undefined) return undefined;
    const top = unpackSubtree(json);
    (node.n ??= new Map()).set(key, top);
    return top;
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
    this.lemmasMemo.clear();
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
      let next = this.child(node, key);
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
      for (const [form, lemmas] of this.table.entries()) this.lemmasOf.set(form, lemmas.split(' '));
      this.table = null;
    }
    for (const form of inflections(lemma)) {
      const list = this.lemmasOf.get(form);
      if (!list) this.lemmasOf.set(form, [lemma]);
      else if (!list.includes(lemma)) list.push(lemma);
    }
  }

  private lemmas(form: string): string[] | undefined {
    if (!this.table) return this.lemmasOf.get(form);
    let lemmas = this.lemmasMemo.get(form);
    if (lemmas === undefined) {
      lemmas = this.table.get(form)?.split(' ') ?? null;
      remember(this.lemmasMemo, form, lemmas);
    }
    return lemmas ?? undefined;
  }

  /** Cheap test whether any phrase can start with this word. */
  private mayStart(norm: string): boolean {
    let answer = this.startMemo.get(norm);
    if (answer === undefined) {
      answer = (this.child(this.root, EXACT + norm) ?? this.lemmas(norm)) !== undefined || isPossessive(norm);
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
    const entries = node.e;
    if (entries) {
      for (let k = 0; k < entries.length; k++) {
        const exact = entries[k][1];
        if (!exact || exactMatches(tokens, first, exact)) found.push({ first, end: i, payload: this.payloads[entries[k][0]] });
      }
    }
    if (i >= limit || tokens.sentence(i) !== sentence || node.n === undefined) return;
    this.step(tokens, first, limit, sentence, node, i, found);
  }

  private step(tokens: TokenList, first: number, limit: number, sentence: number, node: TrieNode, i: number, found: Array<PhraseMatch<T>>): void {
    const keys = this.keysAt(tokens, i);
    for (let k = 0; k < keys.length; k++) {
      const next = this.child(node, keys[k]);
      if (next) this.walk(tokens, first, limit, sentence, next, i + 1, found);
    }
    const wild = this.child(node, WILDCARD);
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

const SINGLE_SPACED = /^\S+(?: \S+)*$/;

export function phraseWords(phrase: string): string[] {
  // Fast path for the common case (plain words separated by spaces): no Unicode tokenizer needed,
  // nor a split by pattern for words one space apart.
  const trimmed = phrase.trim();
  const parts = SINGLE_SPACED.test(trimmed) ? trimmed.split(' ') : trimmed.split(/\s+/);
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
