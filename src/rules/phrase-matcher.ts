import { tokenize } from '../document/tokens.js';
import type { Token } from '../document/types.js';
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

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  /** Entries that end here: their payload, and the exact words when the entry is case-sensitive. */
  ends: Array<{ payload: T; exact: string[] | null }>;
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
  private readonly root: TrieNode<T> = { next: new Map(), ends: [] };
  private readonly lemmasOf = new Map<string, string[]>();
  private readonly expanded = new Set<string>();
  size = 0;

  add(phrase: string, payload: T, options: PhraseOptions = {}): void {
    const words = phraseWords(phrase);
    if (words.length === 0 || words[0] === WILDCARD) return;
    const inflect = options.inflect ?? true;
    let node = this.root;
    for (const w of words) {
      const lower = normalizeWord(w);
      let key: string;
      if (lower === WILDCARD) key = WILDCARD;
      else if (inflect && !FUNCTION_WORDS.has(lower)) {
        key = lower;
        this.expand(lower);
      } else key = EXACT + lower;
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map(), ends: [] };
        node.next.set(key, child);
      }
      node = child;
    }
    node.ends.push({ payload, exact: options.caseSensitive ? words.map((w) => normalizeWord(w, true)) : null });
    this.size++;
  }

  private expand(lemma: string): void {
    if (this.expanded.has(lemma)) return;
    this.expanded.add(lemma);
    for (const form of inflections(lemma)) {
      const list = this.lemmasOf.get(form);
      if (!list) this.lemmasOf.set(form, [lemma]);
      else if (!list.includes(lemma)) list.push(lemma);
    }
  }

  /** Cheap test, without allocating, whether any phrase can start with this word. */
  private mayStart(norm: string): boolean {
    const next = this.root.next;
    if (next.has(EXACT + norm) || this.lemmasOf.has(norm)) return true;
    const c = norm.charCodeAt(norm.length - 1);
    return (c === 39 || c === 115) && norm.includes("'"); // possessive: "regime's", "rebels'"
  }

  /** Trie keys a token may take: its exact form, and every lemma its form (or its bare possessive) belongs to. */
  private keysFor(norm: string): string[] {
    const keys = [EXACT + norm];
    const lemmas = this.lemmasOf.get(norm);
    if (lemmas) keys.push(...lemmas);
    const bare = stripPossessive(norm);
    if (bare !== norm) {
      keys.push(EXACT + bare);
      const more = this.lemmasOf.get(bare);
      if (more) keys.push(...more);
    }
    return keys;
  }

  /**
   * All phrases that start at token `first`, longest first. Matches stay inside one sentence.
   * A possessive ("regime's") also matches its bare word.
   */
  matchesAt(tokens: readonly Token[], first: number, limit = tokens.length): Array<PhraseMatch<T>> {
    if (!this.mayStart(tokens[first].norm)) return NONE;
    const found: Array<PhraseMatch<T>> = [];
    const sentence = tokens[first].sentence;
    const walk = (node: TrieNode<T>, i: number) => {
      for (const end of node.ends) {
        if (!end.exact || exactMatches(tokens, first, end.exact)) found.push({ first, end: i, payload: end.payload });
      }
      if (i >= limit || tokens[i].sentence !== sentence || node.next.size === 0) return;
      step(node, i);
    };
    const step = (node: TrieNode<T>, i: number) => {
      for (const key of this.keysFor(tokens[i].norm)) {
        const child = node.next.get(key);
        if (child) walk(child, i + 1);
      }
      const wild = node.next.get(WILDCARD);
      if (wild) walk(wild, i + 1);
    };
    step(this.root, first);
    if (found.length > 1) found.sort((a, b) => b.end - a.end);
    return found;
  }
}

export function phraseWords(phrase: string): string[] {
  return phrase.trim() === WILDCARD ? [WILDCARD] : phrase.split(/\s+/).flatMap((part) =>
    part === WILDCARD ? [WILDCARD] : tokenize(part).map((t) => t.text));
}

function stripPossessive(norm: string): string {
  if (norm.endsWith("'s")) return norm.slice(0, -2);
  if (norm.endsWith("'")) return norm.slice(0, -1);
  return norm;
}

function exactMatches(tokens: readonly Token[], first: number, exact: string[]): boolean {
  return exact.every((w, k) => w === WILDCARD || normalizeWord(tokens[first + k].text, true) === w ||
    stripPossessive(normalizeWord(tokens[first + k].text, true)) === w);
}
