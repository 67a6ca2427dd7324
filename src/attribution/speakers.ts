import type { Entity } from './entities.js';
import { ORG_WORDS, PREPOSITIONS, ROLE_NOUNS } from './entity-words.js';
import { key } from './name-tokens.js';
import { gapHasComma, type AttributionContext } from './context.js';
import { resolvePronoun } from './salience.js';
import { NOBODY, type Resolved } from './types.js';
import { DETS, PRONOUNS, adverbialChunk } from './words.js';

/**
 * Speaker resolution: from the words before or after a cue to an entity. Named people first, then
 * pronouns, documents ("a report by X"), unnamed people ("a senior official"), roles ("the
 * minister"), organisations.
 */

/** Auxiliaries and adverbs between a subject and its verb ("X has also said"): not part of the speaker. */
const AUX_ADV = new Set(['have', 'has', 'had', 'was', 'were', 'is', 'are', 'be', 'been', 'will', 'would', 'also', 'later',
  'then', 'previously', 'repeatedly', 'again', 'once', 'earlier', 'today', 'yesterday', 'tonight', 'himself', 'herself',
  'themselves', 'itself', 'and', 'but', 'has', 'not', 'never', 'did', 'does', 'do', 'may', 'might', 'could', 'should',
  'can', 'first', 'last', 'who']);

const ANONYMOUS = /\b(?:asked not to be (?:named|identified)|did not want to be (?:named|identified)|declined to be (?:named|identified)|(?:requested|spoke on|on|under) (?:the )?condition of anonymity|not authori[sz]ed to (?:speak|comment)|anonymity|familiar with|close to the|sources?|insiders?|unnamed|unidentified)\b/i;

/** Opening words of a noun phrase that names nobody ("a senior official", "two people", "some farmers"). */
const INDEFINITE = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'five', 'several', 'some', 'many', 'few', 'numerous',
  'various', 'other', 'another', 'most', 'certain', 'multiple', 'dozens', 'hundreds', 'thousands']);

/** Things rather than people: a document named as the source has no speaker of its own. */
const DOCUMENT_WORDS = new Set(['report', 'document', 'documents', 'figures', 'figure', 'data', 'survey', 'study', 'studies',
  'poll', 'polls', 'forecast', 'bulletin', 'records', 'record', 'statement', 'filing', 'filings', 'analysis', 'review',
  'estimate', 'estimates', 'assessment', 'papers', 'statistics', 'research', 'minutes', 'transcript', 'release', 'website',
  'letter', 'memo', 'guidance', 'notice', 'audit', 'investigation', 'inquiry', 'census', 'model', 'projections', 'evidence']);

/** Words before a head noun that say nothing about which entity it is. */
const ARTICLES = new Set(['the', 'this', 'a', 'an']);

/** Nouns that refer back to whichever organisation the story is about ("the company said"). */
const GENERIC_ORG = new Set(['company', 'firm', 'group', 'organisation', 'organization', 'business', 'maker', 'manufacturer',
  'operator', 'carrier', 'airline', 'retailer', 'developer', 'lender', 'insurer', 'producer', 'charity', 'campaign', 'club']);

/** Plural nouns for unnamed groups of people ("Critics argue", "Residents said"). */
const PEOPLE_PLURALS = new Set(['critics', 'experts', 'analysts', 'observers', 'officials', 'residents', 'sources', 'insiders',
  'diplomats', 'witnesses', 'scientists', 'researchers', 'economists', 'activists', 'campaigners', 'opponents', 'supporters',
  'locals', 'commentators', 'people', 'others', 'traders', 'farmers', 'workers', 'parents', 'teachers', 'doctors', 'villagers',
  'protesters', 'demonstrators', 'investors', 'voters', 'members', 'lawmakers', 'legislators', 'officers', 'aides', 'advisers',
  'growers', 'fans', 'players', 'staff', 'employees', 'students', 'users', 'customers', 'neighbours', 'neighbors', 'forecasters']);

/** A speaker written at tokens [first, end). */
export const resolved = (ctx: AttributionContext, entity: Entity | null, first: number, end: number, name?: string): Resolved => ({
  entity,
  name: entity ? entity.name : name ?? null,
  start: ctx.tokens.start(first),
  end: ctx.tokens.end(end - 1),
});

/** An unnamed source ("a senior official", "two people familiar with the talks"): a new anonymous entity. */
function anonymous(ctx: AttributionContext, first: number, end: number): Resolved {
  const { tokens, text } = ctx;
  let stop = first;
  while (stop < end && !PREPOSITIONS.has(tokens.norm(stop)) && !(stop > first && gapHasComma(ctx, stop - 1, stop))) stop++;
  if (stop === first) stop = Math.min(end, first + 1);
  const phrase = text.slice(tokens.start(first), tokens.end(stop - 1));
  const name = INDEFINITE.has(tokens.norm(first)) || DETS.has(tokens.norm(first)) ? phrase[0].toLowerCase() + phrase.slice(1) : phrase;
  const head = tokens.norm(stop - 1);
  const entity = ctx.registry.create(name, 'anonymous', first, [head.replace(/s$/, ''), head]);
  return resolved(ctx, entity, first, stop);
}

/** The speaker a noun-phrase region names: [first, end) token indices within one sentence. */
export function resolveRegion(ctx: AttributionContext, first: number, end: number, opts: { source?: boolean } = {}): Resolved {
  const { tokens, text, registry } = ctx;
  while (end > first && (AUX_ADV.has(tokens.norm(end - 1)) || /ly$/.test(tokens.norm(end - 1)) && !tokens.startsUpper(end - 1))) end--;
  while (first < end && (tokens.norm(first) === 'and' || tokens.norm(first) === 'but')) first++;
  if (end <= first) return NOBODY;
  const regionText = text.slice(tokens.start(first), tokens.end(end - 1));
  const isAnon = ANONYMOUS.test(regionText);
  // Chunks between commas, dashes and brackets.
  const chunks: Array<[number, number]> = [];
  let from = first;
  for (let k = first + 1; k <= end; k++) {
    if (k === end || gapHasComma(ctx, k - 1, k)) {
      chunks.push([from, k]);
      from = k;
    }
  }
  const kept = chunks.filter(([a, b]) => !adverbialChunk(tokens, a, b));
  if (kept.length === 0) return isAnon ? anonymous(ctx, first, end) : NOBODY;
  // 1. A named person (not possessive, not inside a prepositional phrase): the last in its chunk.
  let org: Resolved | null = null;
  for (const [a, b] of kept) {
    let person: Resolved | null = null;
    let afterPrep = false;
    for (let k = a; k < b; k++) {
      if (PREPOSITIONS.has(tokens.norm(k))) afterPrep = true;
      const m = registry.mentionAt.get(k);
      if (!m || m.possessive || afterPrep) continue;
      if (m.entity.kind === 'named') person = resolved(ctx, m.entity, k, Math.min(m.end, b));
      else if (m.entity.kind === 'organisation' && !org) org = resolved(ctx, m.entity, k, Math.min(m.end, b));
    }
    if (person) return person;
  }
  const [a0, b0] = kept[0];
  const w0 = tokens.norm(a0);
  // 2. Pronouns.
  if (PRONOUNS.has(w0) && b0 - a0 === 1) {
    const e = resolvePronoun(ctx, w0, a0);
    return e ? resolved(ctx, e, a0, b0) : NOBODY;
  }
  // Possessive pronoun ("its organisers") names nobody we can check.
  if ((w0 === 'its' || w0 === 'their' || w0 === 'his' || w0 === 'her') && !isAnon) return NOBODY;
  // 3. Sources that are documents: look for "by X", "from X" or "X's".
  let head = a0;
  while (head + 1 < b0 && !PREPOSITIONS.has(tokens.norm(head + 1))) head++;
  const headWord = tokens.norm(head).replace(/'s?$/, '');
  if (DOCUMENT_WORDS.has(headWord) || opts.source) {
    for (let k = a0; k < end; k++) {
      if ((tokens.norm(k) === 'by' || tokens.norm(k) === 'from') && k + 1 < end) {
        const r = resolveRegion(ctx, k + 1, end);
        if (r.name) return r;
      }
    }
    for (let k = a0; k < b0; k++) {
      if (/'s?$/.test(tokens.norm(k)) && /['’]/.test(tokens.text(k))) {
        const r = resolveDefinite(ctx, a0, k + 1);
        if (r.name) return r;
      }
    }
    if (DOCUMENT_WORDS.has(headWord)) return org ?? NOBODY;
  }
  if (org && !isAnon) return org;
  // 4. Unnamed people.
  if (isAnon || INDEFINITE.has(w0) || /^\d/.test(w0) || PEOPLE_PLURALS.has(headWord) && !registry.mentionAt.get(head)) return anonymous(ctx, a0, b0);
  // 5. "the minister", "the company": the last entity with that role.
  if (w0 === 'the' || w0 === 'this' || tokens.startsUpper(a0) && b0 - a0 <= 4) {
    const r = resolveDefinite(ctx, a0, head + 1);
    if (r.name) return r;
  }
  if (org) return org;
  // 6. A bare plural ("officials", "county officials and growers"): unnamed people.
  if (/s$/.test(headWord) && !tokens.startsUpper(head)) return anonymous(ctx, a0, b0);
  // Unknown capitalised word used as a speaker ("Havenbond said").
  if (tokens.startsUpper(a0) && b0 - a0 <= 3 && !PRONOUNS.has(w0) && !DETS.has(w0)) {
    const name = text.slice(tokens.start(a0), tokens.end(b0 - 1)).replace(/^(?:The|the)\s+/, '');
    const entity = registry.lookup(name, a0) ?? registry.create(name, ORG_WORDS.has(key(name).split(' ').pop()!) ? 'organisation' : 'named', a0);
    return resolved(ctx, entity, a0, b0);
  }
  return NOBODY;
}

/** "the minister", "the French President", "the council's": link the head noun to a known entity. */
export function resolveDefinite(ctx: AttributionContext, first: number, end: number): Resolved {
  const { tokens, text, registry } = ctx;
  const head = tokens.norm(end - 1).replace(/'s?$/, '');
  const kinds = ROLE_NOUNS.has(head) ? undefined : ORG_WORDS.has(head) ? (['organisation'] as const) : undefined;
  const modifiers: string[] = [];
  for (let k = first; k < end - 1; k++) if (!ARTICLES.has(tokens.norm(k))) modifiers.push(tokens.norm(k).replace(/'s?$/, ''));
  const entity = registry.byRoleWord(head, first, kinds ? [...kinds] : undefined, modifiers);
  if (entity) return resolved(ctx, entity, first, end);
  if (GENERIC_ORG.has(head)) {
    const org = registry.lastOrganisation(first);
    if (org) return resolved(ctx, org, first, end);
  }
  if (ORG_WORDS.has(head)) {
    const name = text.slice(tokens.start(first), tokens.end(end - 1)).replace(/['’]s?$/, '');
    return resolved(ctx, registry.create(name.replace(/^The\b/, 'the'), 'organisation', first), first, end);
  }
  if (ROLE_NOUNS.has(head)) return anonymous(ctx, first, end);
  return NOBODY;
}

/** A label with no cue (`Minister: "..."`, `"..." – Spokesman`): a name, else a role. */
export function resolveLabel(ctx: AttributionContext, first: number, end: number): Resolved {
  const r = resolveRegion(ctx, first, end);
  if (r.name) return r;
  return resolveDefinite(ctx, first, end);
}
