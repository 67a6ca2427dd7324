import type { TokenList } from '../document/token-list.js';
import { exceptionCovers } from '../rules/exceptions.js';
import { formatMessage, type Finding } from '../findings/types.js';
import { FUNCTION_WORDS, phraseWords, type PhraseMatch, type PhraseMatcher } from '../rules/phrase-matcher.js';
import { RuleError } from '../rules/errors.js';
import { ruleMatcher } from '../rules/rule-matcher.js';
import type { Rule } from '../rules/types.js';
import { normalizeWord } from '../text/normalize.js';
import type { Detector } from './types.js';

interface Compiled {
  rule: Rule;
  /** The exception phrases as normalised words: made on first use, as most rules never match a given text. */
  readonly exceptions: string[][];
  notBefore: Set<string>;
  notAfter: Set<string>;
  /** `options.position: sentence-start`: only as the sentence's opening words ("Of course, ..."). */
  sentenceStart: boolean;
  /** `options.extend: noun-phrase`: a one-word match also covers the words it modifies ("disastrous nuclear deal"). */
  extendNounPhrase: boolean;
  /** `options.modifiers: include`: a match also covers the adjectives right before it ("violent leftist thugs"). */
  includeModifiers: boolean;
}

/** Words that may come before a sentence-opening aside without changing it ("But of course, ..."). */
const LEADING_WORDS = new Set(['and', 'but', 'so', 'yet', 'now', 'still', 'then', 'well', 'oh']);

/** The phrase trie of the lexicon rules (see ruleMatcher). */
export function buildLexiconMatcher(rules: readonly Rule[], useCache = true): PhraseMatcher<Compiled> {
  return ruleMatcher('lexicon', rules, compileRule, useCache);
}

function compileRule(rule: Rule): Compiled {
  let exceptions: string[][] | undefined;
  return {
    rule,
    get exceptions() {
      return (exceptions ??= rule.exceptions.map((e) => phraseWords(e).map((w) => normalizeWord(w))));
    },
    notBefore: new Set(rule.notBefore.map((w) => normalizeWord(w))),
    notAfter: new Set(rule.notAfter.map((w) => normalizeWord(w))),
    sentenceStart: rule.options.position === 'sentence-start',
    extendNounPhrase: extendOption(rule),
    includeModifiers: modifiersOption(rule),
  };
}

/** Phrase lists: the detector for every rule whose `detector` is `lexicon`. */
export const lexicon: Detector = {
  meta: { name: 'lexicon', description: 'Matches the phrases of word-list rules, with inflections, exceptions and context words.' },
  create(rules) {
    const matcher = buildLexiconMatcher(rules);
    return ({ doc }) => {
      const findings: Finding[] = [];
      const { tokens, text } = doc;
      /** Token index where each finding's loaded words end, and where its extension ends. */
      const ends: Array<{ matchEnd: number; stop: number }> = [];
      for (let i = 0; i < tokens.length;) {
        const match = firstAccepted(matcher.matchesAt(tokens, i), tokens);
        if (!match) {
          i++;
          continue;
        }
        const { rule } = match.payload;
        const word = text.slice(tokens.start(match.first), tokens.end(match.end - 1));
        const stop = match.payload.extendNounPhrase && match.end - match.first === 1 ? nounPhraseEnd(tokens, text, match.end) : match.end;
        // An extension ends where the next finding starts ("utterly | disastrous nuclear deal").
        const last = ends[ends.length - 1];
        if (last && last.stop > match.first) trimExtension(findings[findings.length - 1], tokens, last, match.first);
        const from = match.payload.includeModifiers ? modifiersStart(tokens, text, match.first, last?.stop ?? 0) : match.first;
        const extended = stop > match.end || from < match.first;
        findings.push({ rule, start: tokens.start(from), end: tokens.end(stop - 1), message: formatMessage(rule.message, word), suggestion: rule.suggestion, ...(extended ? { data: { word } } : {}) });
        ends.push({ matchEnd: match.end, stop });
        i = match.end;
      }
      return findings;
    };
  },
};

/** `options.extend`: `noun-phrase` or `none` (the default). */
function extendOption(rule: Rule): boolean {
  return onOffOption(rule, 'extend', 'noun-phrase');
}

/** `options.modifiers`: `include` or `none` (the default). */
function modifiersOption(rule: Rule): boolean {
  return onOffOption(rule, 'modifiers', 'include');
}

/** An option that is either `on` or `none` (the default); anything else is a mistake in the pack. */
function onOffOption(rule: Rule, key: string, on: string): boolean {
  const value = rule.options[key];
  if (value === undefined || value === 'none') return false;
  if (value === on) return true;
  const [file, line] = splitSource(rule.source);
  throw new RuleError(file, line, `rule "${rule.id}": options.${key} must be "${on}" or "none", not ${JSON.stringify(value)}`);
}

function splitSource(source: string): [string, number] {
  const m = /^(.*):(\d+)$/.exec(source);
  return m ? [m[1], Number(m[2])] : [source, 0];
}

/**
 * The longest match its rule accepts here. An indexed loop, not `find` or `for...of`: it runs for
 * every token, mostly cold, where a closure or an iterator per token added up.
 */
function firstAccepted(matches: ReadonlyArray<PhraseMatch<Compiled>>, tokens: TokenList): PhraseMatch<Compiled> | undefined {
  for (let k = 0; k < matches.length; k++) if (accepts(matches[k].payload, tokens, matches[k].first, matches[k].end)) return matches[k];
  return undefined;
}

function accepts(c: Compiled, tokens: TokenList, first: number, end: number): boolean {
  const sentence = tokens.sentence(first);
  const before = first > 0 && tokens.sentence(first - 1) === sentence ? tokens.norm(first - 1) : null;
  const after = end < tokens.length && tokens.sentence(end) === sentence ? tokens.norm(end) : null;
  if (before !== null && c.notAfter.has(before)) return false;
  if (after !== null && c.notBefore.has(after)) return false;
  if (c.sentenceStart && !opensSentence(tokens, first)) return false;
  return !c.exceptions.some((words) => exceptionCovers(words, tokens, first, end));
}

/** Shorten the previous finding's extension so it stops before token `first`. */
function trimExtension(finding: Finding, tokens: TokenList, at: { matchEnd: number; stop: number }, first: number): void {
  at.stop = Math.max(at.matchEnd, first);
  finding.end = tokens.end(at.stop - 1);
  if (at.stop === at.matchEnd) delete finding.data;
}

/** How many words a noun-phrase extension may add after the loaded word. */
const MAX_EXTENSION = 2;

/**
 * Words that end a noun phrase besides the function words of the phrase matcher: pronouns,
 * prepositions, conjunctions, auxiliaries and adverbs that follow an adjective used as a
 * predicate ("the plan is absurd and ...", "shocking to many").
 */
const NP_STOP = new Set([
  ...FUNCTION_WORDS, 'him', 'hers', 'ours', 'theirs', 'mine', 'yours', 'himself', 'herself', 'itself', 'themselves',
  'ourselves', 'yourself', 'whose', 'whom', 'where', 'when', 'why', 'how', 'whether', 'while', 'because', 'since',
  'until', 'unless', 'although', 'though', 'after', 'before', 'during', 'under', 'between', 'among', 'through',
  'across', 'toward', 'towards', 'upon', 'within', 'without', 'despite', 'via', 'per', 'amid', 'like', 'nor', 'yet',
  'both', 'either', 'neither', 'such', 'same', 'other', 'another', 'own', 'being', 'am', "isn't", "aren't",
  "wasn't", "weren't", "don't", "doesn't", "didn't", "won't", "can't", "couldn't", "shouldn't", "wouldn't", 'now',
  'still', 'already', 'almost', 'enough', 'quite', 'rather', 'really', 'indeed', 'perhaps', 'maybe', 'well', 'away',
  'back', 'instead', 'together', 'today', 'yesterday', 'tomorrow', 'tonight', 'says', 'said', 'say', 'got', 'get',
  'gets', 'made', 'make', 'makes', 'took', 'take', 'takes', 'went', 'goes', 'go', 'came', 'come', 'comes', 'became',
  'become', 'becomes', 'seems', 'seem', 'seemed', 'remains', 'remain', 'remained', 'put', 'puts', 'let', 'lets',
]);

/**
 * Where a noun-phrase extension ends (token index, exclusive): after at most MAX_EXTENSION words
 * that follow the match with only a space between them (no punctuation, no line break), in the
 * same sentence, and that read as content words. No part-of-speech tagger: a content word is one
 * that is not a function word (NP_STOP), not a number, not an adverb in -ly and not a form in -ed
 * (mostly the verb of the clause: "the shocking report revealed"); a capitalised word after a
 * lower-case one is a name and ends the phrase ("ugly Clinton" stays "ugly"). Measured on the
 * PTC development articles: see docs/rule-format.md for the numbers.
 */
function nounPhraseEnd(tokens: TokenList, text: string, end: number): number {
  const sentence = tokens.sentence(end - 1);
  let j = end;
  while (j < tokens.length && j - end < MAX_EXTENSION) {
    if (tokens.sentence(j) !== sentence || !spaceBetween(tokens, text, j - 1, j)) break;
    if (!isContentWord(tokens.norm(j))) break;
    if (UPPER.test(tokens.text(j)) && !UPPER.test(tokens.text(j - 1))) break;
    j++;
  }
  return j;
}

const UPPER = /^\p{Lu}/u;

/** How many words a modifier extension may add before the loaded word. */
const MAX_MODIFIERS = 2;

/**
 * Adjective-shaped words: the common English adjective and participle endings, plus -y for
 * adverbs in -ly ("truly"). No tagger: a cheap test on the word's last part.
 */
const MODIFIER_SHAPE = /(?:ic|al|ous|ive|ful|less|ant|ent|ish|ary|able|ible|ed|ing|ist|y)$/;

/**
 * Where a modifier extension starts (token index): up to MAX_MODIFIERS adjective-shaped words
 * right before the match, each separated from the next by a single space (a hyphenated word
 * counts as one word: "anti-Semitic"), in the same sentence, never into the previous finding
 * (`floor`), and no capitalised word before a lower-case match unless it opens the sentence (a
 * name: "Trump voters").
 */
function modifiersStart(tokens: TokenList, text: string, first: number, floor: number): number {
  const sentence = tokens.sentence(first);
  const capitalised = tokens.startsUpper(first);
  let from = first;
  for (let words = 0; words < MAX_MODIFIERS; words++) {
    const j = from - 1;
    if (j < floor || tokens.sentence(j) !== sentence || !spaceBetween(tokens, text, j, from)) break;
    const norm = tokens.norm(j);
    if (NP_STOP.has(norm) || /\d/.test(norm) || !MODIFIER_SHAPE.test(norm)) break;
    if (PARTICIPLE.test(norm) && !opensNounPhrase(tokens, j, sentence)) break;
    // Take the whole hyphenated word ("anti-semitic", "so-called").
    let k = j;
    while (k - 1 >= floor && tokens.sentence(k - 1) === sentence && tokens.end(k - 1) + 1 === tokens.start(k) && text.charCodeAt(tokens.end(k - 1)) === 0x2d) k--;
    const opensSentence = k === 0 || tokens.sentence(k - 1) !== sentence;
    if (!capitalised && tokens.startsUpper(k) && !opensSentence) break;
    from = k;
  }
  return from;
}

/** -ing and -ed words are often verbs: "condoning fascism", "the speech included sexist remarks". */
const PARTICIPLE = /(?:ing|ed)$/;

/** Words that open a noun phrase, after which a participle is an adjective ("the hired thugs"). */
const NOUN_PHRASE_OPENERS = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'his', 'her', 'their', 'its',
  'our', 'my', 'your', 'whose', 'some', 'many', 'most', 'all', 'no', 'any', 'every', 'each', 'more', 'such', 'other']);

/**
 * A participle before a label modifies it only inside a noun phrase: after a determiner, a
 * possessive or an adjective ("violent hired thugs"), or at the start of the sentence
 * ("Raging leftists ..."). Elsewhere it is a verb and the label its object.
 */
function opensNounPhrase(tokens: TokenList, participle: number, sentence: number): boolean {
  const prev = participle - 1;
  if (prev < 0 || tokens.sentence(prev) !== sentence) return true;
  const norm = tokens.norm(prev);
  if (NOUN_PHRASE_OPENERS.has(norm) || /['’]s?$/.test(tokens.text(prev))) return true;
  return !NP_STOP.has(norm) && MODIFIER_SHAPE.test(norm) && !PARTICIPLE.test(norm);
}

function spaceBetween(tokens: TokenList, text: string, left: number, right: number): boolean {
  return tokens.start(right) - tokens.end(left) === 1 && text.charCodeAt(tokens.end(left)) === 0x20;
}

function isContentWord(norm: string): boolean {
  return !NP_STOP.has(norm) && !/\d/.test(norm) && !/(?:ly|ed)$/.test(norm);
}

/** True when the token opens its sentence, allowing one leading conjunction ("But of course"). */
function opensSentence(tokens: TokenList, first: number): boolean {
  const sentence = tokens.sentence(first);
  if (first === 0 || tokens.sentence(first - 1) !== sentence) return true;
  if (!LEADING_WORDS.has(tokens.norm(first - 1))) return false;
  return first - 1 === 0 || tokens.sentence(first - 2) !== sentence;
}

