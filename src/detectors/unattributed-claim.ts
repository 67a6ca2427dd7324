import { attribute } from '../attribution/extract.js';
import type { TokenList } from '../document/token-list.js';
import { formatMessage, type Finding } from '../findings/types.js';
import { insideResidue } from '../provenance/residue.js';
import type { PhraseMatcher } from '../rules/phrase-matcher.js';
import { ruleMatcher } from '../rules/rule-matcher.js';
import type { Rule } from '../rules/types.js';
import type { Detector } from './types.js';

/** Kinds of checkable claim, strongest first: one finding per sentence, for the first kind found. */
const CUE_ORDER = ['statistic', 'causal', 'prediction', 'superlative', 'judgement'] as const;
type ClaimCue = (typeof CUE_ORDER)[number];

const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'free', 'political', 'good', 'ill']);
const MONTHS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)/;

/**
 * Sentences in the outlet's own voice that assert something checkable (a figure, a cause, a
 * prediction, a superlative, a verdict) with no source in the sentence or carried from the one
 * before. Worded as a question, never as "false". Skips the headline, page residue
 * (`ctx.residue`), quotations and questions.
 */
export const unattributedClaim: Detector = {
  meta: { name: 'unattributed-claim', description: 'Checkable claims in the outlet\'s voice with no source in or before the sentence.' },
  create(rules) {
    const claims = claimRules(rules);
    const matcher = buildClaimMatcher(claims);
    const byCue = new Map<ClaimCue, Rule>();
    for (const rule of claims) byCue.set(String(rule.options.cue) as ClaimCue, rule);
    const cueOf = (rule: Rule) => String(rule.options.cue) as ClaimCue;
    return (ctx) => {
      const { doc } = ctx;
      const { tokens, sentences, text } = doc;
      const attribution = ctx.attribution ?? attribute(doc, [], ctx.residue ?? []);
      const residue = ctx.residue ?? [];
      // Sentences that carry reported speech pass their source on to the next sentence.
      const reported = new Uint8Array(sentences.length);
      for (const q of attribution.quotes) if (q.kind !== 'direct' || q.speaker) reported[q.sentence] = 1;
      const findings: Finding[] = [];
      for (let s = 0; s < sentences.length; s++) {
        const sentence = sentences[s];
        if (attribution.attributed[s] || attribution.quotedSentence[s]) continue;
        const prev = s > 0 ? s - 1 : -1;
        if (prev >= 0 && (attribution.attributed[prev] || reported[prev])) {
          const sameParagraph = sentences[prev].paragraph === sentence.paragraph;
          const opensParagraph = doc.paragraphs[sentence.paragraph].firstSentence === s;
          if (sameParagraph || (opensParagraph && reported[prev])) continue;
        }
        if (doc.title && sentence.start >= doc.title.start && sentence.end <= doc.title.end) continue;
        if (insideResidue(residue, sentence.start, sentence.end)) continue;
        if (endsWithQuestion(text, sentence.start, sentence.end)) continue;
        if (sentence.endToken - sentence.firstToken < 6) continue;
        const hit = strongestCue(tokens, sentence.firstToken, sentence.endToken, text, matcher, cueOf, byCue);
        if (!hit) continue;
        const start = tokens.start(hit.first);
        const end = tokens.end(hit.end - 1);
        findings.push({
          rule: hit.rule, start, end, voice: 'outlet', suggestion: hit.rule.suggestion,
          message: formatMessage(hit.rule.message, text.slice(start, end)),
          data: { cue: cueOf(hit.rule), sentenceStart: sentence.start, sentenceEnd: sentence.end },
        });
      }
      return findings;
    };
  },
};

/** The rules with a kind of claim this detector knows (`options.cue`). */
export function claimRules(rules: readonly Rule[]): Rule[] {
  return rules.filter((rule) => (CUE_ORDER as readonly string[]).includes(String(rule.options.cue ?? '')));
}

/** The phrase trie of the claim rules (see ruleMatcher). */
export function buildClaimMatcher(rules: readonly Rule[], useCache = true): PhraseMatcher<Rule> {
  return ruleMatcher('claims', rules, (rule) => rule, useCache);
}

function strongestCue(tokens: TokenList, first: number, end: number, text: string, matcher: PhraseMatcher<Rule>,
  cueOf: (r: Rule) => ClaimCue, byCue: Map<ClaimCue, Rule>): { first: number; end: number; rule: Rule } | null {
  let best: { first: number; end: number; rule: Rule; rank: number } | null = null;
  const consider = (f: number, e: number, rule: Rule | undefined) => {
    if (!rule) return;
    const rank = CUE_ORDER.indexOf(cueOf(rule));
    if (!best || rank < best.rank) best = { first: f, end: e, rule, rank };
  };
  for (let i = first; i < end; i++) {
    // A figure: a number with a unit, a percentage, a currency sign or thousands separators (not a year or a date).
    if (isDigit(text.charCodeAt(tokens.start(i))) && isStatistic(tokens, i, first, end, text)) {
      consider(i, Math.min(end, i + (i + 1 < end && byCue.get('statistic')?.match.includes(tokens.norm(i + 1)) ? 2 : 1)), byCue.get('statistic'));
      continue;
    }
    // Indexed: this runs for every token, and an iterator per token was most of what the detector allocated.
    const matches = matcher.matchesAt(tokens, i, end);
    for (let k = 0; k < matches.length; k++) {
      const m = matches[k];
      const cue = cueOf(m.payload);
      if (cue === 'statistic') continue; // units count only next to a number (above)
      const prev = m.first > first ? tokens.norm(m.first - 1) : '';
      if (cue === 'prediction' && (DETERMINERS.has(prev) || m.end >= end)) continue; // "the will of the people"
      consider(m.first, m.end, m.payload);
      break;
    }
  }
  return best;
}

function isStatistic(tokens: TokenList, i: number, first: number, end: number, text: string): boolean {
  const t = tokens.at(i);
  const next = i + 1 < end ? tokens.norm(i + 1) : '';
  const prev = i > first ? tokens.norm(i - 1) : '';
  const before = text[t.start - 1] ?? '';
  const after = text[t.end] ?? '';
  if (/^(?:1[89]|20)\d\d$/.test(t.text) && !/[%£€$]/.test(after + before)) return false; // a year
  if (MONTHS.test(next) || MONTHS.test(prev)) return false; // a date
  if (/^\d{1,2}$/.test(t.text) && (before === ',' || text.slice(t.start - 2, t.start) === ', ') && (after === ',')) return false; // an age
  if (/[%]/.test(after) || /[£€$¥]/.test(before)) return true;
  if (/[,.]\d/.test(t.text)) return true;
  return ['percent', 'per', 'million', 'billion', 'trillion', 'thousand', 'hundred', 'bn', 'm', 'tonnes', 'tons', 'km', 'kilometres',
    'miles', 'hectares', 'acres', 'people', 'jobs', 'deaths', 'cases', 'times', 'households', 'homes', 'workers', 'members',
    'votes', 'seats', 'signatures', 'companies', 'children', 'students', 'patients', 'euros', 'dollars', 'pounds', 'shillings',
    'kilograms', 'kg', 'litres', 'barrels', 'vehicles', 'units', 'years', 'months', 'days'].includes(next);
}

/**
 * The sentence ends with a question mark, perhaps before closing quotation marks or a bracket
 * (`/\?["”’)]*$/` on the sentence, without slicing it out or trying the pattern at every character).
 */
function endsWithQuestion(text: string, start: number, end: number): boolean {
  let i = end - 1;
  while (i >= start && isQuestionCloser(text.charCodeAt(i))) i--;
  return i >= start && text.charCodeAt(i) === 0x3f;
}

/** `"`, `”`, `’` or `)`. */
function isQuestionCloser(c: number): boolean {
  return c === 0x22 || c === 0x201d || c === 0x2019 || c === 0x29;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
