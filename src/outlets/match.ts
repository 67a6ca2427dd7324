/**
 * Finding outlet names and aliases in text.
 *
 * Names live in two tries, one keyed by words as written ("RT", "Xinhua", "XINHUA") and one by
 * case- and accent-folded words ("russia today", "the associated press"). A trie is stored flat,
 * in the form it is cached in at build time and used in at run time (nodes are numbers, node 0
 * the root; only small typed tables are built at start-up).
 *
 * Nearly no word of a text can be part of a name, and the few that start one are mostly "the"
 * and "a". So an ASCII word is looked up by a hash of its characters read in place (`links`:
 * node and word hash → child), with no string made; the words are sliced out and compared with
 * the trie's only when a walk reaches a node where a name ends. Words beyond ASCII take the
 * string path (folded, then looked up by its hash if the folded word is ASCII, else in `edges`).
 */
import { KeyTable } from './key-table.js';
import type { OutletEntry } from './registry.js';
import { scanWords, WordCursor } from './words.js';

/** One trie, flat (see above). */
export interface TrieData {
  /** "<parent node> <word>" → child node, for words beyond ASCII (the others are in `links`) */
  edges: KeyTable;
  /**
   * Names ending at each node: [entry index, capitals], or null. The index is also the entry's
   * priority (lower wins a tie). `capitals`: for a title-case name, which of its words are
   * capitalised; [] in the exact trie.
   */
  ends: Array<Array<[number, boolean[]]> | null>;
  /** Exceptions of every entry ending at each node ("CCTV footage" cancels "CCTV"), or null. */
  exceptions: Array<string[] | null>;
  /** the word of the edge into each node ("" for the root) */
  words: string[];
  /** every edge whose word is ASCII, as three numbers: parent node, wordHash of the word, child */
  links: number[];
}

/** Everything name matching needs: computed from the entries, cached whole at build time. */
export interface OutletIndexData {
  exact: TrieData;
  folded: TrieData;
}

export interface OutletMatch {
  entry: OutletEntry;
  /** UTF-16 offsets into the text, end exclusive */
  start: number;
  end: number;
  matched: string;
}

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

function fold(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase();
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’ʼ]/g, "'")
    .toLowerCase();
}

/** Curly apostrophes straightened ("Xinhua’s" -> "Xinhua's"). */
function straighten(raw: string): string {
  return raw.includes('’') || raw.includes('ʼ') ? raw.replace(/[’ʼ]/g, "'") : raw;
}

/** The word starts with a character that has a lower-case form different from itself. */
function capitalisedAt(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  const first = text.charAt(start);
  return first !== first.toLowerCase();
}

/**
 * FNV-1a hash of the ASCII string text[start, end) (`lower`: as if lower-cased), or -1 when it
 * has a character beyond ASCII. Read from the text in place: no string is made.
 */
export function wordHash(text: string, start: number, end: number, lower: boolean): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) {
    let c = text.charCodeAt(k);
    if (c >= 0x80) return -1;
    if (lower && c >= 0x41 && c <= 0x5a) c += 0x20;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 1;
}

/** wordHash(…, true) of the word last given to bothHashes. */
let lowerHash = 0;

/** wordHash(text, start, end, false), and the lower-cased one in `lowerHash`: one pass for both. */
function bothHashes(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  let l = 0x811c9dc5;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x80) return -1;
    h = Math.imul(h ^ c, 0x01000193);
    l = Math.imul(l ^ (c >= 0x41 && c <= 0x5a ? c + 0x20 : c), 0x01000193);
  }
  lowerHash = l >>> 1;
  return h >>> 1;
}

/** Slot of the edge from `node` by the word with hash `h` in a table of 2^bits slots. */
function linkSlot(node: number, h: number, bits: number): number {
  let x = Math.imul(h ^ Math.imul(node + 1, 0x9e3779b1), 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> (32 - bits);
}

/** An open-addressing table of a trie's `links`: (node, word hash) → child. */
class LinkTable {
  private readonly bits: number;
  private readonly nodes: Int32Array;
  private readonly hashes: Int32Array;
  private readonly children: Int32Array;

  constructor(links: readonly number[]) {
    let bits = 4;
    while (1 << bits < (links.length / 3) * 4) bits++;
    this.bits = bits;
    this.nodes = new Int32Array(1 << bits).fill(-1);
    this.hashes = new Int32Array(1 << bits);
    this.children = new Int32Array(1 << bits);
    const mask = (1 << bits) - 1;
    for (let k = 0; k < links.length; k += 3) {
      let slot = linkSlot(links[k], links[k + 1], bits);
      while (this.nodes[slot] >= 0) slot = (slot + 1) & mask;
      this.nodes[slot] = links[k];
      this.hashes[slot] = links[k + 1];
      this.children[slot] = links[k + 2];
    }
  }

  /** The child of `node` by a word with hash h, or -1. */
  get(node: number, h: number): number {
    const mask = (1 << this.bits) - 1;
    for (let slot = linkSlot(node, h, this.bits); ; slot = (slot + 1) & mask) {
      const n = this.nodes[slot];
      if (n < 0) return -1;
      if (n === node && this.hashes[slot] === h) return this.children[slot];
    }
  }
}

/** What may stand between two words of a name: spaces (not a blank line), a hyphen, slash, "&", or a "." / ":" with no space. */
function gapAllowed(text: string, from: number, to: number): boolean {
  if (from === to) return true;
  // The common gap, one space, without making a string.
  if (to - from === 1 && text.charCodeAt(from) === 0x20) return true;
  const gap = text.slice(from, to);
  if (/^\s+$/.test(gap)) return !/\n\s*\n/.test(gap);
  if (/^\s*[-‐‑–/&+]\s*$/.test(gap)) return true;
  return gap === '.' || gap === ':';
}

// ---------------------------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------------------------

interface PhraseWord {
  /** as written, curly apostrophes straightened */
  exact: string;
  /** case- and accent-folded */
  folded: string;
  capitalised: boolean;
}

/** Words of a short phrase (a name or alias). */
function phraseWords(text: string): PhraseWord[] {
  const spans = scanWords(text);
  const out: PhraseWord[] = [];
  for (let k = 0; k < spans.length; k++) {
    const raw = text.slice(spans.starts[k], spans.ends[k]);
    out.push({ exact: straighten(raw), folded: fold(raw), capitalised: capitalisedAt(text, spans.starts[k]) });
  }
  return out;
}

function isAllCaps(phrase: string): boolean {
  const letters = phrase.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function isAcronymLike(word: string): boolean {
  const caps = word.match(/\p{Lu}/gu)?.length ?? 0;
  return caps >= 2 && !/\p{Ll}{3,}/u.test(word);
}

class TrieBuilder {
  readonly data: TrieData = { edges: KeyTable.empty(), ends: [null], exceptions: [null], words: [''], links: [] };
  /** "<node> <hash>" of every link, to refuse two words with one hash */
  private readonly linked = new Set<string>();
  /** every edge, "<parent node> <word>" → child */
  private readonly all = new Map<string, number>();

  insert(keys: readonly string[], index: number, capitals: boolean[], exceptions: readonly string[]): void {
    const { edges, ends } = this.data;
    const { all } = this;
    let node = 0;
    for (const k of keys) {
      const key = `${node} ${k}`;
      let next = all.get(key);
      if (next === undefined) {
        next = ends.length;
        all.set(key, next);
        ends.push(null);
        this.data.exceptions.push(null);
        this.data.words.push(k);
        const h = wordHash(k, 0, k.length, false);
        if (h >= 0) {
          if (this.linked.has(`${node} ${h}`)) throw new Error(`outlet names: two words after one word share a hash ("${k}"); change wordHash`);
          this.linked.add(`${node} ${h}`);
          this.data.links.push(node, h, next);
        } else edges.add(key, next);
      }
      node = next;
    }
    const terminals = (ends[node] ??= []);
    if (!terminals.some((t) => t[0] === index)) terminals.push([index, capitals]);
    for (const e of exceptions) {
      const list = (this.data.exceptions[node] ??= []);
      if (!list.includes(e)) list.push(e);
    }
  }
}

/** The name index of these entries (entry i has priority i). */
export function buildOutletIndex(entries: readonly OutletEntry[]): OutletIndexData {
  const exact = new TrieBuilder();
  const folded = new TrieBuilder();
  entries.forEach((entry, index) => {
    if (!entry.textMatch) return;
    const { exceptions } = entry;
    const auto = [...entry.aliases];
    if (!entry.name.includes('(')) auto.unshift(entry.name);
    for (const phrase of auto) {
      const words = phraseWords(phrase);
      if (words.length === 0) continue;
      if (isAllCaps(phrase) || (words.length === 1 && isAcronymLike(words[0].exact))) {
        exact.insert(words.map((w) => w.exact), index, [], exceptions);
      } else if (words.length === 1) {
        // one ordinary-looking word ("Xinhua"): as written, or in capitals as in a dateline
        const w = words[0];
        exact.insert([w.exact], index, [], exceptions);
        exact.insert([w.exact.toUpperCase()], index, [], exceptions);
      } else {
        folded.insert(words.map((w) => w.folded), index, words.map((w) => w.capitalised), exceptions);
      }
    }
    for (const phrase of entry.caseSensitiveAliases) {
      const words = phraseWords(phrase);
      if (words.length > 0) exact.insert(words.map((w) => w.exact), index, [], exceptions);
    }
  });
  return { exact: exact.data, folded: folded.data };
}

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

const NO_EXCEPTIONS: readonly string[] = [];

interface Best {
  /** entry index (and priority) */
  index: number;
  /** end of the name's last word */
  end: number;
  /** the cursor at the name's last word, to carry on after it */
  at: WordCursor;
}

/** A trie with its table of links. */
interface Trie {
  data: TrieData;
  folded: boolean;
  links: LinkTable;
}

export class OutletMatcher {
  private readonly exact: Trie;
  private readonly folded: Trie;
  /** The words of the phrase being walked: start and end offsets, trie node (reused: names are a few words long). */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly nodes: number[] = [];

  constructor(
    index: OutletIndexData,
    private readonly entry: (i: number) => OutletEntry,
  ) {
    this.exact = { data: index.exact, folded: false, links: new LinkTable(index.exact.links) };
    this.folded = { data: index.folded, folded: true, links: new LinkTable(index.folded.links) };
  }

  find(text: string): OutletMatch[] {
    const out: OutletMatch[] = [];
    const cursor = new WordCursor(text);
    const ahead = new WordCursor(text);
    /** Words beyond ASCII: whether they can start a name in each trie (1 exact, 2 folded), by the word (folding is slow). */
    let starters: Map<string, number> | undefined;
    while (cursor.next()) {
      let inExact: boolean;
      let inFolded: boolean;
      const h = bothHashes(text, cursor.start, cursor.end);
      if (h >= 0) {
        inExact = this.exact.links.get(0, h) >= 0;
        inFolded = this.folded.links.get(0, lowerHash) >= 0;
      } else {
        const raw = text.slice(cursor.start, cursor.end);
        starters ??= new Map();
        let tries = starters.get(raw);
        if (tries === undefined) {
          tries = (rootHas(this.exact, straighten(raw)) ? 1 : 0) | (rootHas(this.folded, fold(raw)) ? 2 : 0);
          starters.set(raw, tries);
        }
        inExact = (tries & 1) !== 0;
        inFolded = (tries & 2) !== 0;
      }
      if (!inExact && !inFolded) continue;
      // Exact names first, then folded ones: on a tie in length and priority the first found wins.
      let best = inExact ? this.longestFrom(this.exact, text, cursor, ahead, undefined) : undefined;
      if (inFolded) best = this.longestFrom(this.folded, text, cursor, ahead, best);
      if (best) {
        const { start } = cursor;
        out.push({ entry: this.entry(best.index), start, end: best.end, matched: text.slice(start, best.end) });
        cursor.copyFrom(best.at);
      }
    }
    return out;
  }

  /** Walk one trie from the cursor's word; the best match so far is kept unless a longer or preferred one is found. */
  private longestFrom(t: Trie, text: string, from: WordCursor, ahead: WordCursor, best: Best | undefined): Best | undefined {
    const { ends: endsAt, exceptions: exceptionsAt } = t.data;
    ahead.copyFrom(from);
    let node = 0;
    for (let k = 0; ; k++) {
      if (k > 0) {
        const prevEnd = ahead.end;
        if (!ahead.next() || !gapAllowed(text, prevEnd, ahead.start)) break;
      }
      const h = wordHash(text, ahead.start, ahead.end, t.folded);
      if (h >= 0) {
        node = t.links.get(node, h);
        if (node < 0) break;
      } else {
        const next = childByKey(t, node, wordKey(t, text, ahead.start, ahead.end));
        if (next === undefined) break;
        node = next;
      }
      this.starts[k] = ahead.start;
      this.ends[k] = ahead.end;
      this.nodes[k] = node;
      const ends = endsAt[node];
      if (ends === null) continue;
      // A hash may have led here: check the words themselves (a wrong word leads nowhere further).
      if (!this.wordsAre(t, text, k)) break;
      const exceptions = exceptionsAt[node] ?? NO_EXCEPTIONS;
      for (const [index, capitals] of ends) {
        if ((!best || ahead.end > best.end || (ahead.end === best.end && index < best.index)) && this.acceptable(text, t.folded, capitals, ahead.end, exceptions)) {
          best ??= { index, end: ahead.end, at: new WordCursor(text) };
          best.index = index;
          best.end = ahead.end;
          best.at.copyFrom(ahead);
        }
      }
    }
    return best;
  }

  /** Words 0..last of the walk are the words of the trie nodes they led to. */
  private wordsAre(t: Trie, text: string, last: number): boolean {
    for (let k = 0; k <= last; k++) {
      if (wordKey(t, text, this.starts[k], this.ends[k]) !== t.data.words[this.nodes[k]]) return false;
    }
    return true;
  }

  /** The walked words may carry this phrase: capitals where a title-case name has them, and no exception around it. */
  private acceptable(text: string, title: boolean, capitals: readonly boolean[], end: number, exceptions: readonly string[]): boolean {
    if (title) {
      for (let k = 0; k < capitals.length; k++) {
        if (capitals[k] && !capitalisedAt(text, this.starts[k])) return false;
      }
    }
    return !cancelledByException(text, this.starts[0], end, exceptions);
  }
}

/** The trie key of text[start, end): folded, or as written with apostrophes straightened. */
function wordKey(t: Trie, text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return t.folded ? fold(raw) : straighten(raw);
}

/** The child of `node` by a word given as its trie key. */
function childByKey(t: Trie, node: number, key: string): number | undefined {
  const h = wordHash(key, 0, key.length, false);
  if (h < 0) return t.data.edges.get(`${node} ${key}`);
  const child = t.links.get(node, h);
  return child >= 0 && t.data.words[child] === key ? child : undefined;
}

function rootHas(t: Trie, word: string): boolean {
  return childByKey(t, 0, word) !== undefined;
}

function cancelledByException(text: string, start: number, end: number, exceptions: readonly string[]): boolean {
  if (exceptions.length === 0) return false;
  const matched = text.slice(start, end).toLowerCase();
  for (const exc of exceptions) {
    const e = exc.toLowerCase();
    const at = e.indexOf(matched);
    if (at < 0) continue;
    const from = start - at;
    if (from < 0) continue;
    const to = from + e.length;
    if (text.slice(from, to).toLowerCase() !== e) continue;
    const before = from > 0 ? text.charAt(from - 1) : '';
    const after = text.charAt(to);
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
  }
  return false;
}
