import { tokenAtOrAfter } from '../document/build.js';
import type { Document, Quotation, Sentence, Span, Token } from '../document/types.js';
import type { ReportQuote } from '../report/types.js';
import type { Rule } from '../rules/types.js';
import { EntityRegistry, ORG_WORDS, PREPOSITIONS, ROLE_NOUNS, isCap, key, type Entity } from './entities.js';
import { findDateline } from '../detectors/dateline.js';
import { insideResidue } from '../provenance/residue.js';
import { inflections } from '../rules/inflect.js';
import { compileCueLexicon, findCues, type Cue } from './lexicon.js';

/** A quotation or reported claim with its speaker and cue. Offsets are UTF-16 indices. */
export interface QuoteRecord extends ReportQuote {
  /** Internal: who stands behind it (null when nobody can be named). */
  entity: Entity | null;
  /** Index into Attribution.cues, or -1. */
  cueIndex: number;
  /** Index of the sentence that holds the start of the quotation. */
  sentence: number;
  paragraph: number;
}

export interface CueUse {
  cue: Cue;
  start: number;
  end: number;
  /** Introduces a quotation or reported speech (index into quotes), or -1. */
  quote: number;
}

export interface Attribution {
  quotes: QuoteRecord[];
  cues: CueUse[];
  entities: Entity[];
  /** 1 for each sentence that carries a source: a cue, "according to", a quotation, or continued reported speech. */
  attributed: Uint8Array;
  /** Sentences inside or mostly made of a direct quotation. */
  quotedSentence: Uint8Array;
}

/** Verbs that take the person told as an object ("told reporters that ..."). */
const TELL_VERBS = new Set(['tell', 'told', 'tells', 'telling', 'inform', 'informed', 'informs', 'assure', 'assured', 'assures',
  'remind', 'reminded', 'reminds', 'warn', 'warned', 'warns', 'brief', 'briefed', 'show', 'showed', 'shown', 'urge', 'urged']);

const AUX_ADV = new Set(['have', 'has', 'had', 'was', 'were', 'is', 'are', 'be', 'been', 'will', 'would', 'also', 'later',
  'then', 'previously', 'repeatedly', 'again', 'once', 'earlier', 'today', 'yesterday', 'tonight', 'himself', 'herself',
  'themselves', 'itself', 'and', 'but', 'has', 'not', 'never', 'did', 'does', 'do', 'may', 'might', 'could', 'should',
  'can', 'first', 'last', 'who']);

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

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'him', 'her', 'them']);

const ANONYMOUS = /\b(?:asked not to be (?:named|identified)|did not want to be (?:named|identified)|declined to be (?:named|identified)|(?:requested|spoke on|on|under) (?:the )?condition of anonymity|not authori[sz]ed to (?:speak|comment)|anonymity|familiar with|close to the|sources?|insiders?|unnamed|unidentified)\b/i;

/** Opening words of a noun phrase that names nobody ("a senior official", "two people", "some farmers"). */
const INDEFINITE = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'five', 'several', 'some', 'many', 'few', 'numerous',
  'various', 'other', 'another', 'most', 'certain', 'multiple', 'dozens', 'hundreds', 'thousands']);

/** Things rather than people: a document named as the source has no speaker of its own. */
const DOCUMENT_WORDS = new Set(['report', 'document', 'documents', 'figures', 'figure', 'data', 'survey', 'study', 'studies',
  'poll', 'polls', 'forecast', 'bulletin', 'records', 'record', 'statement', 'filing', 'filings', 'analysis', 'review',
  'estimate', 'estimates', 'assessment', 'papers', 'statistics', 'research', 'minutes', 'transcript', 'release', 'website',
  'letter', 'memo', 'guidance', 'notice', 'audit', 'investigation', 'inquiry', 'census', 'model', 'projections', 'evidence']);

/** Leading chunks that are adverbials, not the speaker ("In a statement,", "Giving evidence on Wednesday,"). */
function adverbialChunk(tokens: readonly Token[], first: number, end: number): boolean {
  const w = tokens[first].norm;
  if (PREPOSITIONS.has(w) && w !== 'as') return true;
  if (w === 'who' || w === 'which' || w === 'whose' || w === 'speaking' || w === 'asked' || w === 'giving' || w === 'according') return true;
  if (/^\d/.test(w) && end - first === 1) return true; // an age: "Kevin Nash, 51,"
  if (/ing$/.test(w) && !isCap(tokens[first]) && end - first > 1) return true;
  if (['meanwhile', 'however', 'separately', 'earlier', 'later', 'also', 'still', 'yet', 'but', 'and', 'instead', 'indeed'].includes(w) && end - first === 1) return true;
  return false;
}

interface Resolved {
  entity: Entity | null;
  name: string | null;
  start: number | null;
  end: number | null;
}

/** Nouns that refer back to whichever organisation the story is about ("the company said"). */
const GENERIC_ORG = new Set(['company', 'firm', 'group', 'organisation', 'organization', 'business', 'maker', 'manufacturer',
  'operator', 'carrier', 'airline', 'retailer', 'developer', 'lender', 'insurer', 'producer', 'charity', 'campaign', 'club']);

/** Plural nouns for unnamed groups of people ("Critics argue", "Residents said"). */
const PEOPLE_PLURALS = new Set(['critics', 'experts', 'analysts', 'observers', 'officials', 'residents', 'sources', 'insiders',
  'diplomats', 'witnesses', 'scientists', 'researchers', 'economists', 'activists', 'campaigners', 'opponents', 'supporters',
  'locals', 'commentators', 'people', 'others', 'traders', 'farmers', 'workers', 'parents', 'teachers', 'doctors', 'villagers',
  'protesters', 'demonstrators', 'investors', 'voters', 'members', 'lawmakers', 'legislators', 'officers', 'aides', 'advisers',
  'growers', 'fans', 'players', 'staff', 'employees', 'students', 'users', 'customers', 'neighbours', 'neighbors', 'forecasters']);

const DETS = new Set(['the', 'a', 'an', 'her', 'his', 'their', 'its', 'our', 'former', 'senior', 'chief', 'deputy', 'local']);

const NOBODY: Resolved = { entity: null, name: null, start: null, end: null };

/**
 * Find every quotation and reported statement, its cue (reporting verb) and its speaker.
 * One pass over sentences; each look-around is bounded by its sentence, so the whole is linear.
 */
export function attribute(doc: Document, rules: readonly Rule[], residue: readonly Span[] = []): Attribution {
  const { tokens, sentences, text } = doc;
  const lexicon = compileCueLexicon(rules);
  const top = doc.quotations.filter((q) => q.depth === 1);
  const inQuote = new Uint8Array(tokens.length);
  const quoteOfToken = new Int32Array(tokens.length).fill(-1);
  {
    let t = 0;
    const parts = top.flatMap((q, qi) => q.parts.map((p) => ({ ...p, qi }))).sort((a, b) => a.start - b.start);
    for (const p of parts) {
      while (t < tokens.length && tokens[t].end <= p.start) t++;
      for (let k = t; k < tokens.length && tokens[k].start < p.end; k++) {
        inQuote[k] = 1;
        quoteOfToken[k] = p.qi;
      }
    }
  }
  const cues = findCues(doc, lexicon, inQuote);
  const cueUses: CueUse[] = cues.map((cue) => ({ cue, start: tokens[cue.first].start, end: tokens[cue.end - 1].end, quote: -1 }));
  const cuesBySentence = new Map<number, number[]>();
  cues.forEach((c, i) => {
    const s = tokens[c.first].sentence;
    const list = cuesBySentence.get(s) ?? [];
    list.push(i);
    cuesBySentence.set(s, list);
  });
  const registry = new EntityRegistry(doc);
  const records: QuoteRecord[] = [];
  const attributed = new Uint8Array(sentences.length);
  const quotedSentence = new Uint8Array(sentences.length);
  const consumed = new Uint8Array(cues.length);
  /** People in subject position or quoted, in text order: what a pronoun can point back to. */
  const salient: Array<{ entity: Entity; at: number; paragraph: number }> = [];

  const tokenAt = (offset: number): number => tokenAtOrAfter(tokens, offset);
  const sentenceAt = (offset: number): number => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const gapHasComma = (a: number, b: number) => /[,;:()\u2013\u2014]/.test(text.slice(tokens[a].end, tokens[b].start));

  // ---- speaker resolution -------------------------------------------------------------------
  const addSalient = (entity: Entity | null, at: number) => {
    if (!entity || entity.kind === 'anonymous' && !entity.roles.size) return;
    salient.push({ entity, at, paragraph: sentences[tokens[Math.min(at, tokens.length - 1)].sentence].paragraph });
  };

  const resolvePronoun = (word: string, at: number): Entity | null => {
    const wantPerson = word === 'he' || word === 'she' || word === 'i' || word === 'him' || word === 'her';
    const gender = word === 'he' || word === 'him' ? 'm' : word === 'she' || word === 'her' ? 'f' : null;
    for (let k = salient.length - 1, seen = 0; k >= 0 && seen < 30; k--, seen++) {
      const s = salient[k];
      if (s.at > at) continue;
      const e = s.entity;
      if (wantPerson && e.kind !== 'named') continue;
      if (wantPerson && !e.speaker && !e.name.includes(' ')) continue; // a lone capitalised word may be a place
      if (!wantPerson && e.kind === 'named' && word !== 'we') continue;
      if (gender && e.gender && e.gender !== gender) continue;
      if (gender && !e.gender) e.gender = gender;
      return e;
    }
    return null;
  };

  const resolved = (entity: Entity | null, first: number, end: number, name?: string): Resolved => ({
    entity,
    name: entity ? entity.name : name ?? null,
    start: tokens[first].start,
    end: tokens[end - 1].end,
  });

  const anonymous = (first: number, end: number): Resolved => {
    let stop = first;
    while (stop < end && !PREPOSITIONS.has(tokens[stop].norm) && !(stop > first && gapHasComma(stop - 1, stop))) stop++;
    if (stop === first) stop = Math.min(end, first + 1);
    const phrase = text.slice(tokens[first].start, tokens[stop - 1].end);
    const name = INDEFINITE.has(tokens[first].norm) || DETS.has(tokens[first].norm) ? phrase[0].toLowerCase() + phrase.slice(1) : phrase;
    const head = tokens[stop - 1].norm;
    const entity = registry.create(name, 'anonymous', first, [head.replace(/s$/, ''), head]);
    return resolved(entity, first, stop);
  };

  /** The speaker a noun-phrase region names: [first, end) token indices within one sentence. */
  const resolveRegion = (first: number, end: number, opts: { source?: boolean } = {}): Resolved => {
    while (end > first && (AUX_ADV.has(tokens[end - 1].norm) || /ly$/.test(tokens[end - 1].norm) && !isCap(tokens[end - 1]))) end--;
    while (first < end && (tokens[first].norm === 'and' || tokens[first].norm === 'but')) first++;
    if (end <= first) return NOBODY;
    const regionText = text.slice(tokens[first].start, tokens[end - 1].end);
    const isAnon = ANONYMOUS.test(regionText);
    // Chunks between commas, dashes and brackets.
    const chunks: Array<[number, number]> = [];
    let from = first;
    for (let k = first + 1; k <= end; k++) {
      if (k === end || gapHasComma(k - 1, k)) {
        chunks.push([from, k]);
        from = k;
      }
    }
    const kept = chunks.filter(([a, b]) => !adverbialChunk(tokens, a, b));
    if (kept.length === 0) return isAnon ? anonymous(first, end) : NOBODY;
    // 1. A named person (not possessive, not inside a prepositional phrase): the last in its chunk.
    let org: Resolved | null = null;
    for (const [a, b] of kept) {
      let person: Resolved | null = null;
      let afterPrep = false;
      for (let k = a; k < b; k++) {
        if (PREPOSITIONS.has(tokens[k].norm)) afterPrep = true;
        const m = registry.mentionAt.get(k);
        if (!m || m.possessive || afterPrep) continue;
        if (m.entity.kind === 'named') person = resolved(m.entity, k, Math.min(m.end, b));
        else if (m.entity.kind === 'organisation' && !org) org = resolved(m.entity, k, Math.min(m.end, b));
      }
      if (person) return person;
    }
    const [a0, b0] = kept[0];
    const w0 = tokens[a0].norm;
    // 2. Pronouns.
    if (PRONOUNS.has(w0) && b0 - a0 === 1) {
      const e = resolvePronoun(w0, a0);
      return e ? resolved(e, a0, b0) : NOBODY;
    }
    // Possessive pronoun ("its organisers") names nobody we can check.
    if ((w0 === 'its' || w0 === 'their' || w0 === 'his' || w0 === 'her') && !isAnon) return NOBODY;
    // 3. Sources that are documents: look for "by X", "from X" or "X's".
    let head = a0;
    while (head + 1 < b0 && !PREPOSITIONS.has(tokens[head + 1].norm)) head++;
    const headWord = tokens[head].norm.replace(/'s?$/, '');
    if (DOCUMENT_WORDS.has(headWord) || opts.source) {
      for (let k = a0; k < end; k++) {
        if ((tokens[k].norm === 'by' || tokens[k].norm === 'from') && k + 1 < end) {
          const r = resolveRegion(k + 1, end);
          if (r.name) return r;
        }
      }
      for (let k = a0; k < b0; k++) {
        if (/'s?$/.test(tokens[k].norm) && /['’]/.test(tokens[k].text)) {
          const r = resolveDefinite(a0, k + 1);
          if (r.name) return r;
        }
      }
      if (DOCUMENT_WORDS.has(headWord)) return org ?? NOBODY;
    }
    if (org && !isAnon) return org;
    // 4. Unnamed people.
    if (isAnon || INDEFINITE.has(w0) || /^\d/.test(w0) || PEOPLE_PLURALS.has(headWord) && !registry.mentionAt.get(head)) return anonymous(a0, b0);
    // 5. "the minister", "the company": the last entity with that role.
    if (w0 === 'the' || w0 === 'this' || isCap(tokens[a0]) && b0 - a0 <= 4) {
      const r = resolveDefinite(a0, head + 1);
      if (r.name) return r;
    }
    if (org) return org;
    // 6. A bare plural ("officials", "county officials and growers"): unnamed people.
    if (/s$/.test(headWord) && !isCap(tokens[head])) return anonymous(a0, b0);
    // Unknown capitalised word used as a speaker ("Havenbond said").
    if (isCap(tokens[a0]) && b0 - a0 <= 3 && !PRONOUNS.has(w0) && !DETS.has(w0)) {
      const name = text.slice(tokens[a0].start, tokens[b0 - 1].end).replace(/^(?:The|the)\s+/, '');
      const entity = registry.lookup(name, a0) ?? registry.create(name, ORG_WORDS.has(key(name).split(' ').pop()!) ? 'organisation' : 'named', a0);
      return resolved(entity, a0, b0);
    }
    return NOBODY;
  };

  /** "the minister", "the French President", "the council's": link the head noun to a known entity. */
  const resolveDefinite = (first: number, end: number): Resolved => {
    const head = tokens[end - 1].norm.replace(/'s?$/, '');
    const kinds = ROLE_NOUNS.has(head) ? undefined : ORG_WORDS.has(head) ? (['organisation'] as const) : undefined;
    const modifiers: string[] = [];
    for (let k = first; k < end - 1; k++) if (!['the', 'this', 'a', 'an'].includes(tokens[k].norm)) modifiers.push(tokens[k].norm.replace(/'s?$/, ''));
    const entity = registry.byRoleWord(head, first, kinds ? [...kinds] : undefined, modifiers);
    if (entity) return resolved(entity, first, end);
    if (GENERIC_ORG.has(head)) {
      const org = registry.lastOrganisation(first);
      if (org) return resolved(org, first, end);
    }
    if (ORG_WORDS.has(head)) {
      const name = text.slice(tokens[first].start, tokens[end - 1].end).replace(/['’]s?$/, '');
      return resolved(registry.create(name.replace(/^The\b/, 'the'), 'organisation', first), first, end);
    }
    if (ROLE_NOUNS.has(head)) return anonymous(first, end);
    return NOBODY;
  };

  // ---- records ------------------------------------------------------------------------------
  const push = (r: Omit<QuoteRecord, 'speaker' | 'speakerStart' | 'speakerEnd' | 'text' | 'cue' | 'cueStart' | 'cueEnd' | 'cueClass' | 'entity' | 'cueIndex'>, who: Resolved, cueIndex: number): QuoteRecord => {
    const cu = cueIndex >= 0 ? cueUses[cueIndex] : null;
    // One literal with every field (no spread): records share one shape.
    const rec: QuoteRecord = {
      start: r.start,
      end: r.end,
      kind: r.kind,
      sentence: r.sentence,
      paragraph: r.paragraph,
      text: text.slice(r.start, r.end),
      speaker: who.name,
      speakerStart: who.start,
      speakerEnd: who.end,
      entity: who.entity,
      cue: cu ? cueText(cu) : null,
      cueStart: cu ? cu.start : null,
      cueEnd: cu ? cu.end : null,
      cueClass: cu ? cu.cue.entry.cls : 'none',
      cueIndex,
    };
    if (cu && cu.quote < 0) cu.quote = records.length;
    if (cueIndex >= 0) consumed[cueIndex] = 1;
    records.push(rec);
    if (who.entity) {
      who.entity.speaker = true;
      addSalient(who.entity, tokenAt(r.start));
      registry.noteMention(who.entity, tokenAt(who.start ?? r.start));
    }
    return rec;
  };

  /** The cue as written, extended over the person told ("told reporters", "told the jury"). */
  const cueText = (cu: CueUse): string => {
    const { cue } = cu;
    let end = cue.end;
    if (TELL_VERBS.has(cue.word) && cue.end - cue.first === 1) end = tellObjectEnd(cue.end, tokens[cue.first].sentence);
    return text.slice(cu.start, tokens[end - 1].end);
  };

  const tellObjectEnd = (from: number, sentence: number): number => {
    const s = sentences[sentence];
    if (from >= s.endToken || inQuote[from]) return from;
    const w = tokens[from].norm;
    if (['me', 'us', 'him', 'her', 'them', 'you', 'reporters', 'journalists', 'parliament', 'lawmakers', 'congress', 'mps', 'jurors', 'delegates', 'supporters'].includes(w)) return from + 1;
    if ((w === 'the' || w === 'a') && from + 1 < s.endToken && !inQuote[from + 1]) {
      if (from + 2 < s.endToken && isCap(tokens[from + 1]) && isCap(tokens[from + 2])) return from + 3;
      return from + 2;
    }
    if (isCap(tokens[from]) && registry.mentionAt.get(from)?.entity.kind === 'organisation') return registry.mentionAt.get(from)!.end;
    return from;
  };

  const sentenceCues = (s: number) => cuesBySentence.get(s) ?? [];

  // ---- direct quotations ----------------------------------------------------------------------
  const directQuote = (q: Quotation, qi: number, isTerm: boolean) => {
    const sIdx = sentenceAt(q.outer.start);
    const s = sentences[sIdx];
    const paragraph = s.paragraph;
    const base = { start: q.start, end: q.end, kind: 'direct' as const, sentence: sIdx, paragraph };
    // After the closing mark: `," the minister said` / `," said Maria Lopez`.
    const afterFirst = tokenAt(q.outer.end);
    let afterCue = -1;
    let afterEnd = afterFirst;
    if (afterFirst < tokens.length && !inQuote[afterFirst]) {
      const as = sentences[tokens[afterFirst].sentence];
      const between = text.slice(q.outer.end, tokens[afterFirst].start);
      if (as.paragraph === paragraph && !/[.!?]/.test(between)) {
        afterEnd = as.endToken;
        for (let k = afterFirst; k < as.endToken; k++) if (inQuote[k]) {
          afterEnd = k;
          break;
        }
        for (const ci of sentenceCues(tokens[afterFirst].sentence)) {
          const c = cues[ci];
          if (consumed[ci] || c.first < afterFirst || c.first >= afterEnd || c.first > afterFirst + 10 || c.noun) continue;
          afterCue = ci;
          break;
        }
      }
    }
    // Before the opening mark, in the same sentence: `X said: "..."`, `X told a jury that he "..."`.
    let frameStart = s.firstToken;
    const openTok = tokenAt(q.outer.start);
    for (let k = openTok - 1; k >= s.firstToken; k--) if (inQuote[k] && quoteOfToken[k] !== qi) {
      frameStart = k + 1;
      break;
    }
    let beforeCue = -1;
    for (const ci of sentenceCues(sIdx)) {
      const c = cues[ci];
      if (!consumed[ci] && c.first >= frameStart && c.end <= openTok && (!c.noun || c.word === 'statement')) beforeCue = ci;
    }
    const inner = text.slice(q.start, q.end);
    const closeComma = /[,!?\u2014\u2013-]\s*$/.test(inner) || /^\s*,/.test(text.slice(q.outer.end, q.outer.end + 3));
    const fromAfter = (): QuoteRecord => {
      const c = cues[afterCue];
      let who: Resolved = NOBODY;
      if (c.first > afterFirst) who = resolveRegion(afterFirst, c.first);
      if (!who.name) {
        let e = c.end;
        while (e < afterEnd && !(e > c.end && gapHasComma(e - 1, e)) && !(PREPOSITIONS.has(tokens[e].norm) && e > c.end) && !['on', 'in', 'at'].includes(tokens[e].norm)) e++;
        if (e > c.end) who = resolveRegion(c.end, e);
      }
      return push(base, who, afterCue);
    };
    if (isTerm) {
      if (beforeCue >= 0) {
        const c = cues[beforeCue];
        const who = resolveRegion(clauseStart(sIdx, frameStart), c.first);
        push(base, who.name ? who : lastSpeakerInSentence(sIdx), beforeCue);
      }
      return;
    }
    if (afterCue >= 0 && (closeComma || beforeCue < 0)) {
      fromAfter();
      return;
    }
    if (beforeCue >= 0) {
      const c = cues[beforeCue];
      let who = resolveRegion(clauseStart(sIdx, frameStart), c.first);
      if (!who.name) who = lastSpeakerInSentence(sIdx);
      push(base, who, beforeCue);
      return;
    }
    // Label forms: `Minister: “...”` and `“...” – Spokesman`.
    const before = text.slice(tokens[frameStart]?.start ?? q.outer.start, q.outer.start);
    if (openTok > frameStart && /:\s*$/.test(before) && openTok - frameStart <= 6) {
      push(base, resolveLabel(frameStart, openTok), -1);
      return;
    }
    const dash = /^\s*[\u2013\u2014-]{1,2}\s*/.exec(text.slice(q.outer.end, q.outer.end + 4));
    if (dash && afterFirst < tokens.length && afterEnd - afterFirst <= 6 && afterEnd > afterFirst) {
      push(base, resolveLabel(afterFirst, afterEnd), -1);
      return;
    }
    // No cue of its own: the speaker of the quotation before it in the paragraph carries on.
    const prev = records.length > 0 ? records[records.length - 1] : null;
    if (prev && prev.kind === 'direct' && prev.paragraph === paragraph) {
      const rec = push(base, { entity: prev.entity, name: prev.speaker, start: null, end: null }, -1);
      rec.cue = prev.cue;
      rec.cueClass = prev.cueClass;
      return;
    }
    const rec = push(base, NOBODY, -1);
    pendingForward.push(rec);
  };

  const resolveLabel = (first: number, end: number): Resolved => {
    const r = resolveRegion(first, end);
    if (r.name) return r;
    return resolveDefinite(first, end);
  };

  const clauseStart = (sIdx: number, frameStart: number): number => frameStart;

  const lastSpeakerInSentence = (sIdx: number): Resolved => {
    for (let k = records.length - 1; k >= 0 && records[k].sentence >= sIdx - 1; k--) {
      if (records[k].speaker && (records[k].sentence === sIdx)) return { entity: records[k].entity, name: records[k].speaker, start: null, end: null };
    }
    return NOBODY;
  };

  /** Quotations with no cue that wait for the next one in the paragraph (`"A." "B," she said.`). */
  const pendingForward: QuoteRecord[] = [];
  const settlePending = (paragraph: number) => {
    for (const rec of pendingForward.splice(0)) {
      const own = records.lastIndexOf(rec);
      let next: QuoteRecord | undefined;
      for (let k = own + 1; k < records.length && records[k].paragraph === rec.paragraph; k++) {
        if (records[k].kind === 'direct' && records[k].speaker) {
          next = records[k];
          break;
        }
      }
      if (next) {
        rec.speaker = next.speaker;
        rec.entity = next.entity;
        rec.cue = next.cue;
        rec.cueClass = next.cueClass;
        continue;
      }
      // A paragraph that opens with a quotation continues the previous paragraph's speaker.
      let before: QuoteRecord | undefined;
      for (let k = own - 1; k >= 0 && records[k].paragraph >= rec.paragraph - 1; k--) {
        if (records[k].paragraph === rec.paragraph - 1 && records[k].speaker) {
          before = records[k];
          break;
        }
      }
      const p = doc.paragraphs[rec.paragraph];
      if (before && Math.abs(p.start - (rec.start - 1)) <= 1) {
        rec.speaker = before.speaker;
        rec.entity = before.entity;
        continue;
      }
      // Otherwise the person the paragraph is about ("Castañeda does not hesitate. “Lentils ...”").
      const at = tokenAt(rec.start);
      let subject: (typeof salient)[number] | undefined;
      for (let k = salient.length - 1; k >= 0 && salient[k].paragraph >= rec.paragraph; k--) {
        const x = salient[k];
        if (x.paragraph === rec.paragraph && x.at < at && x.entity.kind === 'named' && (x.entity.speaker || x.entity.name.includes(' '))) {
          subject = x;
          break;
        }
      }
      if (subject) {
        rec.speaker = subject.entity.name;
        rec.entity = subject.entity;
        subject.entity.speaker = true;
      }
    }
    void paragraph;
  };

  // ---- reported speech ------------------------------------------------------------------------
  const isQuoteSpeech = (k: number) => quoteOfToken[k] >= 0 && top[quoteOfToken[k]].role === 'speech';

  const reported = (sIdx: number, s: Sentence) => {
    const list = sentenceCues(sIdx);
    // "according to X"
    for (let k = s.firstToken; k + 1 < s.endToken; k++) {
      if (inQuote[k] || tokens[k].norm !== 'according' || tokens[k + 1].norm !== 'to') continue;
      let e = k + 2;
      while (e < s.endToken && !gapHasComma(e - 1, e) && !inQuote[e]) e++;
      if (e === k + 2) continue;
      const who = resolveRegion(k + 2, e, { source: true });
      let start: number;
      let end: number;
      if (k === s.firstToken || (k > s.firstToken && gapHasComma(k - 1, k) && k - s.firstToken <= 1)) {
        if (e >= s.endToken) continue;
        start = tokens[e].start;
        end = sentenceEnd(s);
      } else {
        start = firstContentStart(s);
        end = tokens[k - 1].end;
        if (e < s.endToken) end = sentenceEnd(s);
      }
      if (end <= start) continue;
      attributed[sIdx] = 1;
      pushWithAccording(sIdx, s, start, end, who, k);
    }
    for (const ci of list) {
      if (consumed[ci]) continue;
      const c = cues[ci];
      if (c.noun) {
        nounCue(sIdx, s, ci);
        continue;
      }
      // Trailing: `CLAUSE, the ministry said (on Tuesday).` / `CLAUSE, said X.`
      let comma = -1;
      for (let k = c.first; k > s.firstToken && k > c.first - 10; k--) if (gapHasComma(k - 1, k)) {
        comma = k;
        break;
      }
      // Inverted (", said X"): what follows the cue must read as a speaker, not as a clause.
      const inverted = comma === c.first;
      const speakerFollows = c.end < s.endToken && (isCap(tokens[c.end]) && !PRONOUNS.has(tokens[c.end].norm) ||
        PRONOUNS.has(tokens[c.end].norm) && c.end + 1 === s.endToken ||
        DETS.has(tokens[c.end].norm) && c.end + 1 < s.endToken && (ROLE_NOUNS.has(tokens[c.end + 1].norm) || isCap(tokens[c.end + 1]) || ORG_WORDS.has(tokens[c.end + 1].norm)));
      const tail = comma > 0 && (!inverted || speakerFollows) && tailClean(c.end, s, comma === c.first, c) && !list.some((x) => x !== ci && cues[x].first >= comma && cues[x].first < c.first);
      if (comma > s.firstToken + 2 && tail && !inQuote[comma - 1]) {
        const subject = comma < c.first ? resolveRegion(comma, c.first) : NOBODY;
        let who = subject;
        if (!who.name && comma === c.first) {
          let e = c.end;
          while (e < s.endToken && !gapHasComma(e - 1, e)) e++;
          who = resolveRegion(c.end, e);
        }
        if (who.name || comma < c.first) {
          const start = firstContentStart(s);
          const hasSpeech = rangeHasSpeech(s.firstToken, comma);
          if (!hasSpeech) {
            push({ start, end: tokens[comma - 1].end, kind: 'indirect', sentence: sIdx, paragraph: s.paragraph }, who, ci);
            attributed[sIdx] = 1;
            continue;
          }
        }
      }
      // Parenthetical: `CLAUSE, X said, and will ...`: the whole sentence is reported.
      if (comma > s.firstToken + 2 && comma < c.first && c.end < s.endToken && gapHasComma(c.end - 1, c.end) && !inQuote[comma - 1] &&
        !rangeHasSpeech(s.firstToken, s.endToken)) {
        const who = resolveRegion(comma, c.first);
        if (who.name) {
          push({ start: firstContentStart(s), end: sentenceEnd(s), kind: 'indirect', sentence: sIdx, paragraph: s.paragraph }, who, ci);
          attributed[sIdx] = 1;
          continue;
        }
      }
      // Forward: `X said (that) CLAUSE.`
      let compStart = c.end;
      if (TELL_VERBS.has(c.word) && c.end - c.first === 1) compStart = tellObjectEnd(c.end, sIdx);
      for (let k = compStart; k < Math.min(s.endToken, compStart + 8); k++) {
        if (inQuote[k]) break;
        if (list.some((x) => x !== ci && cues[x].first === k)) break; // "rejected X's claim that ...": the noun cue owns the clause
        if (tokens[k].norm === 'that' && k + 1 < s.endToken) {
          compStart = k + 1;
          break;
        }
      }
      compStart = skipAdverbial(compStart, s);
      if (compStart >= s.endToken || s.endToken - compStart < 2) continue;
      const afterThat = compStart > c.end && tokens[compStart - 1].norm === 'that';
      if (!afterThat && !isClauseVerb(c.word)) continue;
      if (!afterThat && NOT_CLAUSE_START.has(tokens[compStart].norm)) continue;
      if (!afterThat && !SAY_TELL.has(c.word) && !hasFiniteVerb(compStart + 1, s.endToken)) continue; // "revealed a new wing": an object, not a clause
      if (inQuote[compStart] && !quoteBeforeIsTermOnly(compStart)) continue;
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
      let who = regionStart < c.first ? resolveRegion(regionStart, c.first) : NOBODY;
      if (!who.name) {
        // Coordinated verbs share their subject ("... fumed that ... and said ...").
        const shared = lastSpeakerInSentence(sIdx);
        if (shared.name) who = shared;
        else if (regionStart === c.first) continue;
      }
      if (rangeHasSpeech(compStart, s.endToken)) {
        attributed[sIdx] = 1;
        continue;
      }
      const end = clauseEnd(s, compStart, list);
      push({ start: tokens[compStart].start, end, kind: 'indirect', sentence: sIdx, paragraph: s.paragraph }, who, ci);
      attributed[sIdx] = 1;
      // Verbs inside the reported clause belong to it ("insisted he had believed ...").
      for (const x of list) if (cues[x].first >= compStart && tokens[cues[x].first].end <= end) consumed[x] = 1;
    }
  };

  /** "said on Monday it would ...", "said in a statement the ...": step over a short adverbial of time or medium. */
  const skipAdverbial = (from: number, s: Sentence): number => {
    if (from >= s.endToken || !ADVERBIAL_START.has(tokens[from].norm)) return from;
    for (let k = from; k < Math.min(s.endToken, from + 6); k++) {
      if (inQuote[k]) return from;
      if (ADVERBIAL_END.has(tokens[k].norm)) {
        let next = k + 1;
        if (next < s.endToken && tokens[next].norm === 'that') next++;
        return next;
      }
    }
    return from;
  };

  const hasFiniteVerb = (from: number, end: number): boolean => {
    for (let k = from; k < end && k < from + 12; k++) {
      const w = tokens[k].norm;
      if (FINITE.has(w) || /[a-z]ed$/.test(w) && !isCap(tokens[k]) || /n't$/.test(w)) return true;
    }
    return false;
  };

  /** A reported clause ends at the sentence end, or before ", saying ..." / ", adding ..." (a second cue). */
  const clauseEnd = (s: Sentence, from: number, list: number[]): number => {
    for (const ci of list) {
      const c = cues[ci];
      if (c.first > from && /ing$/.test(c.word) && gapHasComma(c.first - 1, c.first)) return tokens[c.first - 1].end;
    }
    return sentenceEnd(s);
  };

  const pushWithAccording = (sIdx: number, s: Sentence, start: number, end: number, who: Resolved, k: number) => {
    const rec = push({ start, end, kind: 'according-to', sentence: sIdx, paragraph: s.paragraph }, who, -1);
    rec.cue = 'according to';
    rec.cueStart = tokens[k].start;
    rec.cueEnd = tokens[k + 1].end;
    rec.cueClass = 'neutral';
  };

  /** "X's claim that ...", "a claim by X that ...", "in a statement that ...". */
  const nounCue = (sIdx: number, s: Sentence, ci: number) => {
    const c = cues[ci];
    let k = c.end;
    let byStart = -1;
    if (k < s.endToken && tokens[k].norm === 'by') {
      byStart = k + 1;
      while (k < s.endToken && k < c.end + 6 && tokens[k].norm !== 'that') k++;
    }
    if (k >= s.endToken - 1 || tokens[k].norm !== 'that' || inQuote[k + 1]) return;
    let who: Resolved = NOBODY;
    if (byStart >= 0) who = resolveRegion(byStart, k);
    else if (c.first > s.firstToken) {
      const p = tokens[c.first - 1];
      if (/['’]s?$/.test(p.text)) {
        let a = c.first - 1;
        while (a > s.firstToken && !gapHasComma(a - 1, a) && !PREPOSITIONS.has(tokens[a - 1].norm) && c.first - a < 5) a--;
        let m: ReturnType<typeof registry.mentionAt.get>;
        for (let k = c.first - 1; k >= a && !m; k--) {
          const x = registry.mentionAt.get(k);
          if (x && x.end === c.first) m = x;
        }
        who = m ? resolved(m.entity, m.first, c.first) : resolveDefinite(a, c.first);
      } else if (['his', 'her', 'their', 'its'].includes(p.norm)) {
        const e = resolvePronoun(p.norm === 'his' ? 'he' : p.norm === 'her' ? 'she' : 'they', c.first - 1);
        if (e) who = resolved(e, c.first - 1, c.first);
      }
    }
    if (rangeHasSpeech(k + 1, s.endToken)) return;
    push({ start: tokens[k + 1].start, end: sentenceEnd(s), kind: 'indirect', sentence: sIdx, paragraph: s.paragraph }, who, ci);
    attributed[sIdx] = 1;
  };

  const quoteBeforeIsTermOnly = (k: number) => !isQuoteSpeech(k);

  const rangeHasSpeech = (a: number, b: number): boolean => {
    for (let k = a; k < b; k++) if (inQuote[k] && isQuoteSpeech(k)) return true;
    return false;
  };

  /** After the cue only a short tail: "on Tuesday", "in a statement", or the speaker of an inverted cue. */
  const tailClean = (from: number, s: Sentence, inverted: boolean, cue: Cue): boolean => {
    if (s.endToken - from > 16) return false;
    let k = from;
    if (!inverted && TELL_VERBS.has(cue.word)) k = Math.max(k, tellObjectEnd(from, tokens[from - 1].sentence));
    if (!inverted && k < s.endToken && !TAIL_START.has(tokens[k].norm) && !(isCap(tokens[k]) && TELL_VERBS.has(cue.word))) return false;
    for (; k < s.endToken; k++) {
      if (inQuote[k] || tokens[k].norm === 'that') return false;
      if (!inverted && k > from && gapHasComma(k - 1, k) && !TAIL_START.has(tokens[k].norm)) return false;
    }
    return true;
  };

  const sentenceEnd = (s: Sentence): number => {
    let e = s.end;
    while (e > s.start && /[\s.!?;:,\u2026"”’')\]]/.test(text[e - 1])) {
      // Keep a closing quote mark that closes a quotation opened inside the clause.
      if (/["”’']/.test(text[e - 1]) && opensInside(s.start, e - 1)) break;
      e--;
    }
    return e;
  };
  const outerStartByEnd = new Map(top.map((q) => [q.outer.end, q.outer.start]));
  const opensInside = (from: number, closeAt: number): boolean => (outerStartByEnd.get(closeAt + 1) ?? -1) >= from;
  /** Where the sentence's own words start: after a dateline ("MOMBASA, Kenya (Reuters) –"), if it opens with one. */
  const firstContentStart = (s: Sentence): number => {
    const start = tokens[s.firstToken]?.start ?? s.start;
    if (s.paragraph > 6) return start;
    const dl = findDateline(text, [{ start: s.start, end: s.end }]);
    return dl && dl.start === s.start ? skipSpaces(dl.end) : start;
  };
  const skipSpaces = (i: number): number => {
    while (i < text.length && /\s/.test(text[i])) i++;
    return i;
  };

  // ---- the pass -------------------------------------------------------------------------------
  let qi = 0;
  let lastParagraph = -1;
  for (let sIdx = 0; sIdx < sentences.length; sIdx++) {
    const s = sentences[sIdx];
    // Page residue (captions, share prompts) is not the article: nobody is quoted there.
    if (residue.length > 0 && insideResidue(residue, s.start, s.end)) {
      while (qi < top.length && top[qi].outer.start < s.end) qi++;
      continue;
    }
    if (s.paragraph !== lastParagraph) {
      settlePending(lastParagraph);
      lastParagraph = s.paragraph;
    }
    // The subject of the sentence is what "he" or "she" most often points back to.
    {
      let k = s.firstToken;
      // Skip an opening adverbial ("In a statement,", "Giving evidence on Wednesday,").
      if (k < s.endToken && adverbialChunk(tokens, k, k + 2)) {
        while (k + 1 < s.endToken && !gapHasComma(k, k + 1) && k < s.firstToken + 12) k++;
        k = k + 1 < s.endToken && gapHasComma(k, k + 1) ? k + 1 : s.endToken;
      }
      for (const stop = Math.min(s.endToken, k + 8); k < stop && !inQuote[k]; k++) {
        const m = registry.mentionAt.get(k);
        if (m) {
          if (!m.possessive && m.entity.kind === 'named') addSalient(m.entity, k);
          if (!m.possessive) break;
          k = m.end - 1;
          continue;
        }
        const t = tokens[k];
        if (!isCap(t) && !DETS.has(t.norm) && !ROLE_NOUNS.has(t.norm) && !/'s?$/.test(t.norm)) break;
      }
    }
    while (qi < top.length && top[qi].outer.start < s.end) {
      const q = top[qi];
      if (q.outer.start >= s.start) {
        const openTok = tokenAt(q.outer.start);
        const prevWord = openTok > 0 && tokens[openTok - 1].sentence === sIdx ? tokens[openTok - 1].norm : '';
        const label = /^\s*[\u2013\u2014-]{1,2}\s*\p{L}/u.test(text.slice(q.outer.end, q.outer.end + 6)) ||
          /:\s*$/.test(text.slice(s.start, q.outer.start)) && q.outer.start - s.start < 60;
        if (q.role === 'speech' || label) directQuote(q, qi, false);
        else if (prevWord === 'as' || prevWord === 'it' || prevWord === 'them') directQuote(q, qi, true);
      }
      qi++;
    }
    reported(sIdx, s);
    if (sentenceHasSpeech(sIdx)) attributed[sIdx] = 1;
  }
  settlePending(lastParagraph);

  function sentenceHasSpeech(sIdx: number): boolean {
    const s = sentences[sIdx];
    let quoted = 0;
    let any = false;
    for (let k = s.firstToken; k < s.endToken; k++) if (inQuote[k] && isQuoteSpeech(k)) {
      quoted++;
      any = true;
    }
    if (s.endToken > s.firstToken && quoted / (s.endToken - s.firstToken) >= 0.5) quotedSentence[sIdx] = 1;
    return any;
  }

  // Every cue in a sentence marks it as sourced; reported speech carries on within its paragraph.
  for (const c of cues) if (!c.noun) attributed[tokens[c.first].sentence] = 1;

  // Give each direct quotation its speaker, so findings inside it carry the name.
  const byStart = new Map(top.map((q) => [q.start, q]));
  for (const r of records) {
    if (r.kind !== 'direct') continue;
    const q = byStart.get(r.start);
    if (q && r.speaker) q.speaker = r.speaker;
  }
  records.sort((a, b) => a.start - b.start || a.end - b.end);
  for (const cu of cueUses) cu.quote = -1;
  records.forEach((r, i) => {
    if (r.cueIndex >= 0 && cueUses[r.cueIndex].quote < 0) cueUses[r.cueIndex].quote = i;
  });
  return { quotes: records, cues: cueUses, entities: registry.entities, attributed, quotedSentence };
}

export { key as speakerKey };
