import type { TokenList } from '../document/token-list.js';
import { PREPOSITIONS } from './entity-words.js';

/** Word lists and tests shared by more than one part of the attribution pass. */

/** Verbs that take the person told as an object ("told reporters that ..."). */
export const TELL_VERBS = new Set(['tell', 'told', 'tells', 'telling', 'inform', 'informed', 'informs', 'assure', 'assured', 'assures',
  'remind', 'reminded', 'reminds', 'warn', 'warned', 'warns', 'brief', 'briefed', 'show', 'showed', 'shown', 'urge', 'urged']);

export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'him', 'her', 'them']);

export const DETS = new Set(['the', 'a', 'an', 'her', 'his', 'their', 'its', 'our', 'former', 'senior', 'chief', 'deputy', 'local']);

/** One-word chunks that are sentence adverbs or conjunctions, not a speaker. */
const LONE_ADVERBS = new Set(['meanwhile', 'however', 'separately', 'earlier', 'later', 'also', 'still', 'yet', 'but', 'and', 'instead', 'indeed']);

/** Leading chunks that are adverbials, not the speaker ("In a statement,", "Giving evidence on Wednesday,"). */
export function adverbialChunk(tokens: TokenList, first: number, end: number): boolean {
  const w = tokens.norm(first);
  if (PREPOSITIONS.has(w) && w !== 'as') return true;
  if (w === 'who' || w === 'which' || w === 'whose' || w === 'speaking' || w === 'asked' || w === 'giving' || w === 'according') return true;
  if (/^\d/.test(w) && end - first === 1) return true; // an age: "Kevin Nash, 51,"
  if (/ing$/.test(w) && !tokens.startsUpper(first) && end - first > 1) return true;
  if (LONE_ADVERBS.has(w) && end - first === 1) return true;
  return false;
}
