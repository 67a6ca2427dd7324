import { tokenize } from '../document/tokens.js';
import type { Token } from '../document/types.js';
import { normalizeWord } from '../text/normalize.js';
import { inflections } from './inflect.js';

/** Function words are never inflected ("our" must not become "ours", "ourred"...). */
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'and', 'or', 'but', 'not', 'no',
  'our', 'my', 'your', 'their', 'his', 'her', 'its', 'we', 'they', 'you', 'he', 'she', 'it', 'i', 'me', 'us',
  'them', 'is', 'are', 'was', 'were', 'be', 'been', 'this', 'that', 'these', 'those', 'as', 'so', 'than',
  'all', 'any', 'some', 'every', 'each', 'what', 'who', 'which', 'there', 'here', 'up', 'out', 'off', 'down',
  'over', 'into', 'about', 'against', 'once', 'again', 'ever', 'never', 'always', 'very', 'much', 'many', 'more',
  'most', 'less', 'least', 'too', 'also', 'just', 'only', 'even', 'will', 'would', 'can', 'could', 'should',
  'must', 'may', 'might', 'shall', 'do', 'does', 'did', 'has', 'have', 'had', 'if', 'then', 'else',
]);

const WILDCARD = '*';

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
 * A token trie of phrases: the cost of a lookup depends on the phrase length, never on how
 * many phrases are loaded. Each word of a phrase is expanded to its inflections when added.
 */
export class PhraseMatcher<T> {
  private readonly root: TrieNode<T> = { next: new Map(), ends: [] };
  size = 0;

  add(phrase: string, payload: T, options: PhraseOptions = {}): void {
    const words = phraseWords(phrase);
    if (words.length === 0) return;
    const inflect = options.inflect ?? true;
    const alternatives = words.map((w) => {
      const lower = normalizeWord(w);
      if (lower === WILDCARD) return [WILDCARD];
      return inflect && !FUNCTION_WORDS.has(lower) ? inflections(lower) : [lower];
    });
    const exact = options.caseSensitive ? words.map((w) => normalizeWord(w, true)) : null;
    const insert = (node: TrieNode<T>, depth: number) => {
      if (depth === alternatives.length) {
        node.ends.push({ payload, exact });
        this.size++;
        return;
      }
      for (const form of alternatives[depth]) {
        let child = node.next.get(form);
        if (!child) {
          child = { next: new Map(), ends: [] };
          node.next.set(form, child);
        }
        insert(child, depth + 1);
      }
    };
    insert(this.root, 0);
  }

  /**
   * All phrases that start at token `first`, longest first. Matches stay inside one sentence.
   * A possessive ("regime's") also matches its bare word.
   */
  matchesAt(tokens: readonly Token[], first: number, limit = tokens.length): Array<PhraseMatch<T>> {
    const found: Array<PhraseMatch<T>> = [];
    const sentence = tokens[first].sentence;
    const walk = (node: TrieNode<T>, i: number) => {
      for (const end of node.ends) {
        if (!end.exact || exactMatches(tokens, first, end.exact)) found.push({ first, end: i, payload: end.payload });
      }
      if (i >= limit || tokens[i].sentence !== sentence) return;
      const token = tokens[i];
      const child = node.next.get(token.norm) ?? node.next.get(stripPossessive(token.norm));
      if (child) walk(child, i + 1);
      const wild = node.next.get(WILDCARD);
      if (wild) walk(wild, i + 1);
    };
    const token = tokens[first];
    const start = this.root.next.get(token.norm) ?? this.root.next.get(stripPossessive(token.norm));
    if (start) walk(start, first + 1);
    return found.sort((a, b) => b.end - a.end);
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
