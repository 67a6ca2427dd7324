import type { Entity } from './entities.js';
import { ROLE_NOUNS } from './entity-words.js';
import { gapHasComma, type AttributionContext } from './context.js';
import type { Sentence } from '../document/types.js';
import { DETS, adverbialChunk } from './words.js';

/**
 * Who is in focus: people named as subjects or quoted, in text order, and the pronouns that point
 * back to them ("he", "she", "they").
 */

export function addSalient(ctx: AttributionContext, entity: Entity | null, at: number): void {
  if (!entity || entity.kind === 'anonymous' && !entity.roles.size) return;
  const { tokens, sentences } = ctx;
  ctx.salient.push({ entity, at, paragraph: sentences[tokens.sentence(Math.min(at, tokens.length - 1))].paragraph });
}

/** The entity a pronoun at token `at` points back to: the latest fitting one among the last 30 salient. */
export function resolvePronoun(ctx: AttributionContext, word: string, at: number): Entity | null {
  const { salient } = ctx;
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
}

/** The subject of the sentence is what "he" or "she" most often points back to. */
export function noteSentenceSubject(ctx: AttributionContext, s: Sentence): void {
  const { tokens, inQuote, registry } = ctx;
  let k = s.firstToken;
  // Skip an opening adverbial ("In a statement,", "Giving evidence on Wednesday,").
  if (k < s.endToken && adverbialChunk(tokens, k, k + 2)) {
    while (k + 1 < s.endToken && !gapHasComma(ctx, k, k + 1) && k < s.firstToken + 12) k++;
    k = k + 1 < s.endToken && gapHasComma(ctx, k, k + 1) ? k + 1 : s.endToken;
  }
  for (const stop = Math.min(s.endToken, k + 8); k < stop && !inQuote[k]; k++) {
    const m = registry.mentionAt.get(k);
    if (m) {
      if (!m.possessive && m.entity.kind === 'named') addSalient(ctx, m.entity, k);
      if (!m.possessive) break;
      k = m.end - 1;
      continue;
    }
    const norm = tokens.norm(k);
    if (!tokens.startsUpper(k) && !DETS.has(norm) && !ROLE_NOUNS.has(norm) && !/'s?$/.test(norm)) break;
  }
}
