import type { Sentence } from '../document/types.js';
import { inflections } from '../rules/inflect.js';
import { ORG_WORDS, PREPOSITIONS, ROLE_NOUNS } from './entity-words.js';
import { gapHasComma, isQuoteSpeech, rangeHasSpeech, sentenceCues, type AttributionContext } from './context.js';
import type { Cue } from './lexicon.js';
import { addRecord, lastSpeakerInSentence, tellObjectEnd } from './records.js';
import { resolvePronoun } from './salience.js';
import { firstContentStart, sentenceEnd } from './sentence-bounds.js';
import { resolveDefinite, resolveRegion, resolved } from './speakers.js';
import { NOBODY, type Resolved } from './types.js';
import { DETS, PRONOUNS, TELL_VERBS } from './words.js';

/**
 * Reported speech: a cue with the clause it reports, in three shapes: trailing (`CLAUSE, X said.`),
 * parenthetical (`CLAUSE, X said, and ...`) and forward (`X said (that) CLAUSE.`); and noun cues
 * ("X's claim that ...").
 */

/** Verbs whose reported clause may drop "that" ("Bos said the terminals had lost..."); others need it. */
export const CLAUSE_VERB_LEMMAS = ['say', 'tell', 'add', 'insist', 'claim', 'argue', 'believe', 'think', 'warn', 'admit', 'concede',
  'write', 'state', 'predict', 'estimate', 'allege', 'contend', 'maintain', 'acknowledge', 'note', 'agree', 'fear', 'hope',
  'expect', 'know', 'confess', 'boast', 'complain', 'explain', 'reckon', 'suspect', 'testify', 'assert', 'stress', 'confirm',
  'reveal', 'signal', 'indicate', 'recall', 'announce'];
let clauseVerbs: Set<string> | undefined;
/** Built on first use, after the rule cache has primed the inflection table. */
const isClauseVerb = (word: string): boolean => (clauseVerbs ??= new Set(CLAUSE_VERB_LEMMAS.flatMap((w) => inflections(w)))).has(word);

/** Words that cannot open a reported clause: the cue has an object or an adverbial instead ("said on", "told to"). */
const NOT_CLAUSE_START = new Set([...PREPOSITIONS, 'not', 'no', 'whether', 'if', 'why', 'how', 'what', 'when', 'where',
  'and', 'but', 'or', 'nor', 'then', 'goodbye', 'hello', 'so', 'nothing', 'anything', 'something', 'yes', 'sorry', 'thanks', 'while', 'because',
  'during', 'after', 'before', 'until', 'later', 'earlier', 'last', 'this', 'through', 'via', 'alongside', 'against']);

/** Words that may open the short tail after a trailing cue ("..., the ministry said on Tuesday"). */
const TAIL_START = new Set([...PREPOSITIONS, 'when', 'while', 'late', 'earlier', 'later', 'last', 'this', 'yesterday',
  'today', 'tonight', 'via', 'through', 'alongside', 'adding', 'according', 'citing', 'without', 'because', 'although',
  'during', 'after', 'before', 'as', 'here', 'there', 'again', 'also', 'recently', 'separately', 'privately', 'publicly']);

const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its']);

const SAY_TELL = new Set(['say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'telling']);

const ADVERBIAL_START = new Set(['on', 'in', 'at', 'late', 'last', 'this', 'earlier', 'yesterday', 'today', 'tonight', 'during', 'after', 'before']);
const ADVERBIAL_END = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today',
  'tonight', 'week', 'month', 'year', 'night', 'morning', 'afternoon', 'evening', 'weekend', 'statement', 'interview', 'note',
  'letter', 'post', 'email', 'speech', 'briefing', 'conference', 'report', 'filing', 'broadcast', 'address', 'meeting',
  'hearing', 'court', 'parliament', 'podcast', 'video', 'message', 'release', 'clients', 'investors', 'reporters']);

/** Auxiliaries, modals and common irregular past forms: a reported clause without "that" has one. */
const FINITE = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'could', 'can', 'should', 'may',
  'might', 'must', 'did', 'does', 'do', 'shall', 'went', 'came', 'made', 'took', 'saw', 'got', 'left', 'lost', 'won', 'fell',
  'rose', 'grew', 'began', 'knew', 'thought', 'said', 'told', 'found', 'gave', 'kept', 'held', 'ran', 'became', 'led', 'paid',
  'sold', 'bought', 'brought', 'fought', 'met', 'sent', 'spent', 'built', 'meant', 'felt', 'broke', 'stole', 'hid', 'wrote',
  'remains', 'needs', 'wants', 'plans', 'faces', 'means', 'knows', 'believes', 'says', 'costs', 'works', 'lives', 'stands']);

/** The cues of sentence sIdx not yet given to a quotation, each with the clause it reports. */
export function reportedSpeech(ctx: AttributionContext, sIdx: number, s: Sentence): void {
  const { tokens, inQuote, cues, consumed, attributed } = ctx;
  const list = sentenceCues(ctx, sIdx);
  for (const ci of list) {
    if (consumed[ci]) continue;
    const c = cues[ci];
    if (c.noun) {
      nounCue(ctx, sIdx, s, ci);
      continue;
    }
    // Trailing: `CLAUSE, the ministry said (on Tuesday).` / `CLAUSE, said X.`
    let comma = -1;
    for (let k = c.first; k > s.firstToken && k > c.first - 10; k--) if (gapHasComma(ctx, k - 1, k)) {
      comma = k;
      break;
    }
    // Inverted (", said X"): what follows the cue must read as a speaker, not as a clause.
    const inverted = comma === c.first;
    const speakerFollows = c.end < s.endToken && (tokens.startsUpper(c.end) && !PRONOUNS.has(tokens.norm(c.end)) ||
      PRONOUNS.has(tokens.norm(c.end)) && c.end + 1 === s.endToken ||
      DETS.has(tokens.norm(c.end)) && c.end + 1 < s.endToken && (ROLE_NOUNS.has(tokens.norm(c.end + 1)) || tokens.startsUpper(c.end + 1) || ORG_WORDS.has(tokens.norm(c.end + 1))));
    const tail = comma > 0 && (!inverted || speakerFollows) && tailClean(ctx, c.end, s, comma === c.first, c) && !list.some((x) => x !== ci && cues[x].first >= comma && cues[x].first < c.first);
    if (comma > s.firstToken + 2 && tail && !inQuote[comma - 1]) {
      const subject = comma < c.first ? resolveRegion(ctx, comma, c.first) : NOBODY;
      let who = subject;
      if (!who.name && comma === c.first) {
        let e = c.end;
        while (e < s.endToken && !gapHasComma(ctx, e - 1, e)) e++;
        who = resolveRegion(ctx, c.end, e);
      }
      if (who.name || comma < c.first) {
        const start = firstContentStart(ctx, s);
        const hasSpeech = rangeHasSpeech(ctx, s.firstToken, comma);
        if (!hasSpeech) {
          addRecord(ctx, { start, end: tokens.end(comma - 1), kind: 'indirect', sentence: sIdx, paragraph: s.paragraph }, who, ci);
          attributed[sIdx] = 1;
          continue;
        }
      }
    }
    // Parenthetical: `CLAUSE, X said, and will ...`: the whole sentence is reported.
    if (comma > s.firstToken + 2 && comma < c.first && c.end < s.endToken && gapHasComma(ctx, c.end - 1, c.end) && !inQuote[comma - 1] &&
      !rangeHasSpeech(ctx, s.firstToken, s.endToken)) {
      const who = resolveRegion(ctx, comma, c.first);
      if (who.name) {
        addRecord(ctx, { start: firstContentStart(ctx, s), end: sentenceEnd(ctx, s), kind: 'indirect', sentence: sIdx, paragraph: s.paragraph }, who, ci);
        attributed[sIdx] = 1;
        continue;
      }
    }
    // Forward: `X said (that) CLAUSE.`
    let compStart = c.end;
    if (TELL_VERBS.has(c.word) && c.end - c.first === 1) compStart = tellObjectEnd(ctx, c.end, sIdx);
    for (let k = compStart; k < Math.min(s.endToken, compStart + 8); k++) {
      if (inQuote[k]) break;
      if (list.some((x) => x !== ci && cues[x].first === k)) break; // "rejected X's claim that ...": the noun cue owns the clause
      if (tokens.norm(k) === 'that' && k + 1 < s.endToken) {
        compStart = k + 1;
        break;
      }
    }
    compStart = skipAdverbial(ctx, compStart, s);
    if (compStart >= s.endToken || s.endToken - compStart < 2) continue;
    const afterThat = compStart > c.end && tokens.norm(compStart - 1) === 'that';
    if (!afterThat && !isClauseVerb(c.word)) continue;
    if (!afterThat && NOT_CLAUSE_START.has(tokens.norm(compStart))) continue;
    if (!afterThat && !SAY_TELL.has(c.word) && !hasFiniteVerb(ctx, compStart + 1, s.endToken)) continue; // "revealed a new wing": an object, not a clause
    if (inQuote[compStart] && isQuoteSpeech(ctx, compStart)) continue; // a quoted term may open the clause, a quotation may not
    // Subject before the cue.
    let regionStart = s.firstToken;
    for (let k = c.first - 1; k >= s.firstToken; k--) if (inQuote[k]) {
      regionStart = k + 1;
      break;
    }
    for (let k = c.first - 1; k >= regionStart; k--) {
      const prior = list.find((x) => consumed[x] && cues[x].end === k + 1);
      if (prior !== undefined) {
        regionStart = k + 1;
        break;
      }
    }
    let who = regionStart < c.first ? resolveRegion(ctx, regionStart, c.first) : NOBODY;
    if (!who.name) {
      // Coordinated verbs share their subject ("... fumed that ... and said ...").
      const shared = lastSpeakerInSentence(ctx, sIdx);
      if (shared.name) who = shared;
      else if (regionStart === c.first) continue;
    }
    if (rangeHasSpeech(ctx, compStart, s.endToken)) {
      attributed[sIdx] = 1;
      continue;
    }
    const end = clauseEnd(ctx, s, compStart, list);
    addRecord(ctx, { start: tokens.start(compStart), end, kind: 'indirect', sentence: sIdx, paragraph: s.paragraph }, who, ci);
    attributed[sIdx] = 1;
    // Verbs inside the reported clause belong to it ("insisted he had believed ...").
    for (const x of list) if (cues[x].first >= compStart && tokens.end(cues[x].first) <= end) consumed[x] = 1;
  }
}

/** "said on Monday it would ...", "said in a statement the ...": step over a short adverbial of time or medium. */
function skipAdverbial(ctx: AttributionContext, from: number, s: Sentence): number {
  const { tokens, inQuote } = ctx;
  if (from >= s.endToken || !ADVERBIAL_START.has(tokens.norm(from))) return from;
  for (let k = from; k < Math.min(s.endToken, from + 6); k++) {
    if (inQuote[k]) return from;
    if (ADVERBIAL_END.has(tokens.norm(k))) {
      let next = k + 1;
      if (next < s.endToken && tokens.norm(next) === 'that') next++;
      return next;
    }
  }
  return from;
}

function hasFiniteVerb(ctx: AttributionContext, from: number, end: number): boolean {
  const { tokens } = ctx;
  for (let k = from; k < end && k < from + 12; k++) {
    const w = tokens.norm(k);
    if (FINITE.has(w) || /[a-z]ed$/.test(w) && !tokens.startsUpper(k) || /n't$/.test(w)) return true;
  }
  return false;
}

/** A reported clause ends at the sentence end, or before ", saying ..." / ", adding ..." (a second cue). */
function clauseEnd(ctx: AttributionContext, s: Sentence, from: number, list: readonly number[]): number {
  for (const ci of list) {
    const c = ctx.cues[ci];
    if (c.first > from && /ing$/.test(c.word) && gapHasComma(ctx, c.first - 1, c.first)) return ctx.tokens.end(c.first - 1);
  }
  return sentenceEnd(ctx, s);
}

/** "X's claim that ...", "a claim by X that ...", "in a statement that ...". */
function nounCue(ctx: AttributionContext, sIdx: number, s: Sentence, ci: number): void {
  const { tokens, inQuote, registry } = ctx;
  const c = ctx.cues[ci];
  let k = c.end;
  let byStart = -1;
  if (k < s.endToken && tokens.norm(k) === 'by') {
    byStart = k + 1;
    while (k < s.endToken && k < c.end + 6 && tokens.norm(k) !== 'that') k++;
  }
  if (k >= s.endToken - 1 || tokens.norm(k) !== 'that' || inQuote[k + 1]) return;
  let who: Resolved = NOBODY;
  if (byStart >= 0) who = resolveRegion(ctx, byStart, k);
  else if (c.first > s.firstToken) {
    const p = { text: tokens.text(c.first - 1), norm: tokens.norm(c.first - 1) };
    if (/['’]s?$/.test(p.text)) {
      let a = c.first - 1;
      while (a > s.firstToken && !gapHasComma(ctx, a - 1, a) && !PREPOSITIONS.has(tokens.norm(a - 1)) && c.first - a < 5) a--;
      let m: ReturnType<typeof registry.mentionAt.get>;
      for (let k = c.first - 1; k >= a && !m; k--) {
        const x = registry.mentionAt.get(k);
        if (x && x.end === c.first) m = x;
      }
      who = m ? resolved(ctx, m.entity, m.first, c.first) : resolveDefinite(ctx, a, c.first);
    } else if (POSSESSIVE_PRONOUNS.has(p.norm)) {
      const e = resolvePronoun(ctx, p.norm === 'his' ? 'he' : p.norm === 'her' ? 'she' : 'they', c.first - 1);
      if (e) who = resolved(ctx, e, c.first - 1, c.first);
    }
  }
  if (rangeHasSpeech(ctx, k + 1, s.endToken)) return;
  addRecord(ctx, { start: tokens.start(k + 1), end: sentenceEnd(ctx, s), kind: 'indirect', sentence: sIdx, paragraph: s.paragraph }, who, ci);
  ctx.attributed[sIdx] = 1;
}

/** After the cue only a short tail: "on Tuesday", "in a statement", or the speaker of an inverted cue. */
function tailClean(ctx: AttributionContext, from: number, s: Sentence, inverted: boolean, cue: Cue): boolean {
  const { tokens, inQuote } = ctx;
  if (s.endToken - from > 16) return false;
  let k = from;
  if (!inverted && TELL_VERBS.has(cue.word)) k = Math.max(k, tellObjectEnd(ctx, from, tokens.sentence(from - 1)));
  if (!inverted && k < s.endToken && !TAIL_START.has(tokens.norm(k)) && !(tokens.startsUpper(k) && TELL_VERBS.has(cue.word))) return false;
  for (; k < s.endToken; k++) {
    if (inQuote[k] || tokens.norm(k) === 'that') return false;
    if (!inverted && k > from && gapHasComma(ctx, k - 1, k) && !TAIL_START.has(tokens.norm(k))) return false;
  }
  return true;
}
