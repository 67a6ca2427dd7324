import { exceptionCovers } from '../rules/exceptions.js';
import type { TokenList } from '../document/token-list.js';
import type { Document } from '../document/types.js';
import { phraseWords, type PhraseMatch, type PhraseMatcher } from '../rules/phrase-matcher.js';
import { ruleMatcher } from '../rules/rule-matcher.js';
import type { Rule } from '../rules/types.js';
import { normalizeWord } from '../text/normalize.js';

export const CUE_CLASSES = ['neutral', 'endorsing', 'doubting', 'culpability', 'emotive'] as const;
export type CueClass = (typeof CUE_CLASSES)[number];

/** The detector name whose rules hold the reporting-verb lists. */
export const REPORTING_VERB_DETECTOR = 'reporting-verb';

export interface CueEntry {
  rule: Rule;
  cls: CueClass;
  /** Flag it (every class but neutral, unless the rule says `report: false`). */
  report: boolean;
  /** The verb frames its subject even with a plain noun object ("slammed the plan"). */
  object: boolean;
  exceptions: string[][];
  notBefore: Set<string>;
  notAfter: Set<string>;
}

/** One occurrence of a reporting word in the text. Token indices are [first, end). */
export interface Cue {
  first: number;
  end: number;
  entry: CueEntry;
  /** Used as a noun ("his claim that", "in a statement"), not a verb. */
  noun: boolean;
  /** Lemma-ish key of the first word (for "tell"-type objects). */
  word: string;
}

export interface CueLexicon {
  matcher: PhraseMatcher<CueEntry>;
  size: number;
}

const lexicons = new WeakMap<readonly Rule[], CueLexicon>();

/** Compile the reporting-verb rules of a rule set into one token trie. */
export function compileCueLexicon(rules: readonly Rule[]): CueLexicon {
  const cached = lexicons.get(rules);
  if (cached) return cached;
  const matcher = buildCueMatcher(rules.filter((r) => r.detector === REPORTING_VERB_DETECTOR));
  const lexicon = { matcher, size: matcher.size };
  lexicons.set(rules, lexicon);
  return lexicon;
}

/** The phrase trie of the reporting-verb rules (see ruleMatcher). */
export function buildCueMatcher(rules: readonly Rule[], useCache = true): PhraseMatcher<CueEntry> {
  return ruleMatcher('cues', rules, cueEntry, useCache);
}

function cueEntry(rule: Rule): CueEntry {
  const cls = (CUE_CLASSES as readonly string[]).includes(String(rule.options.class)) ? (rule.options.class as CueClass) : 'neutral';
  return {
    rule,
    cls,
    report: rule.options.report !== false && cls !== 'neutral',
    object: rule.options.object === true,
    exceptions: rule.exceptions.map((e) => phraseWords(e).map((w) => normalizeWord(w))),
    notBefore: new Set(rule.notBefore.map((w) => normalizeWord(w))),
    notAfter: new Set(rule.notAfter.map((w) => normalizeWord(w))),
  };
}

/** Words before a noun: a cue after one of them is a noun ("the claim", "his statement"), or an adjective ("the alleged attack"). */
export const DETERMINERS = new Set([
  'a', 'an', 'the', 'this', 'these', 'those', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'whose',
  'such', 'no', 'any', 'some', 'every', 'each', 'another', 'other', 'latest', 'previous',
  'recent', 'joint', 'written', 'formal',
]);

/**
 * Every reporting word in the document outside quotation marks, in text order. Linear: one trie
 * walk per token. `inQuote[i]` is true for tokens inside a top-level quotation.
 */
export function findCues(doc: Document, lexicon: CueLexicon, inQuote: Uint8Array): Cue[] {
  const out: Cue[] = [];
  const { tokens } = doc;
  if (lexicon.size === 0) return out;
  for (let i = 0; i < tokens.length;) {
    if (inQuote[i]) {
      i++;
      continue;
    }
    const m = firstAccepted(lexicon.matcher.matchesAt(tokens, i), tokens, inQuote);
    if (!m) {
      i++;
      continue;
    }
    const prev = m.first > 0 && tokens.sentence(m.first - 1) === tokens.sentence(m.first) ? tokens.norm(m.first - 1) : '';
    const noun = DETERMINERS.has(prev) || prev.endsWith("'s") || prev.endsWith("s'") || /(?:ment|tion|sion|ance|ence)$/.test(tokens.norm(m.first))
      || tokens.norm(m.first) === 'revelation' || tokens.norm(m.first) === 'allegation' || tokens.norm(m.first) === 'confession';
    out.push({ first: m.first, end: m.end, entry: m.payload, noun, word: tokens.norm(m.first) });
    i = m.end;
  }
  return out;
}

/** The longest match accepted here (a loop, not `find`: most tokens match nothing, and a closure per token added up). */
function firstAccepted(matches: ReadonlyArray<PhraseMatch<CueEntry>>, tokens: TokenList, inQuote: Uint8Array): PhraseMatch<CueEntry> | undefined {
  for (let k = 0; k < matches.length; k++) {
    const c = matches[k];
    if (accepts(c.payload, tokens, c.first, c.end) && !spansQuote(inQuote, c.first, c.end)) return c;
  }
  return undefined;
}

function spansQuote(inQuote: Uint8Array, first: number, end: number): boolean {
  for (let k = first; k < end; k++) if (inQuote[k]) return true;
  return false;
}

/** Comparative and agent forms the inflector also generates ("reporter", "noter"): never cues. */
const NOT_CUES = /(?:er|ers|est)$/;
const CUES_IN_ER = new Set(['answer', 'answers', 'thunder', 'thunders', 'whisper', 'whispers', 'muster', 'bluster']);

function accepts(c: CueEntry, tokens: TokenList, first: number, end: number): boolean {
  const sentence = tokens.sentence(first);
  if (NOT_CUES.test(tokens.norm(first)) && !CUES_IN_ER.has(tokens.norm(first))) return false;
  const before = first > 0 && tokens.sentence(first - 1) === sentence ? tokens.norm(first - 1) : null;
  const after = end < tokens.length && tokens.sentence(end) === sentence ? tokens.norm(end) : null;
  if (before !== null && c.notAfter.has(before)) return false;
  if (after !== null && c.notBefore.has(after)) return false;
  return !c.exceptions.some((words) => exceptionCovers(words, tokens, first, end));
}

