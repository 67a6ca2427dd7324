import type { TokenList } from '../document/token-list.js';
import type { Document } from '../document/types.js';
import type { Entity, EntityRegistry } from './entities.js';
import { DETS_APPOS, FEMALE_NOUNS, MALE_NOUNS, ORG_WORDS, PREPOSITIONS, ROLE_NOUNS, TITLE_WORDS } from './entity-words.js';
import { bare, commaGap, nounPhrase, onlySpaces } from './name-tokens.js';

/** What a describing noun tells: an organisation ("an environmental group"), or a gender ("her father"). */
function describe(entity: Entity, head: string): void {
  if (entity.kind === 'named' && ORG_WORDS.has(head) && !ROLE_NOUNS.has(head)) entity.kind = 'organisation';
  if (!entity.gender && MALE_NOUNS.has(head)) entity.gender = 'm';
  if (!entity.gender && FEMALE_NOUNS.has(head)) entity.gender = 'f';
}

/** The bare normalised words of tokens [from, to) (no Token objects: this runs for every mention). */
function bareWords(tokens: TokenList, from: number, to: number): string[] {
  const out: string[] = [];
  for (let k = from; k < to; k++) out.push(bare(tokens.norm(k)));
  return out;
}

/** "Dekker, the union negotiator," / "the association's chairman, Hendrik Bos," / "opposition politician Karel Brandis". */
export function findAppositives(registry: EntityRegistry, doc: Document): void {
  const { tokens, text } = doc;
  for (const m of registry.mentionAt.values()) {
    if (m.possessive) continue;
    const sentence = tokens.sentence(m.first);
    // After: ", (the|a|an) words ..." up to a comma, preposition or relative pronoun.
    if (m.end < tokens.length && tokens.sentence(m.end) === sentence && commaGap(text, tokens.end(m.end - 1), tokens.start(m.end))) {
      const words = nounPhrase(tokens, m.end, sentence, text);
      if (words.length > 0 && DETS_APPOS.has(tokens.norm(m.end))) {
        for (const w of words) registry.addRole(m.entity, w);
        describe(m.entity, words[words.length - 1]);
      }
    }
    // Before: "(the|a) role words, NAME" or "Harlow manager NAME".
    const commaBefore = m.first > 0 && tokens.sentence(m.first - 1) === sentence && commaGap(text, tokens.end(m.first - 1), tokens.start(m.first));
    if (commaBefore) {
      // "A spokeswoman for the Port Authority, Anouk Visser": the head is the noun before the preposition.
      let a = m.first - 1;
      while (a > 0 && tokens.sentence(a - 1) === sentence && onlySpaces(text, tokens.end(a - 1), tokens.start(a)) && m.first - a < 10) a--;
      if (DETS_APPOS.has(tokens.norm(a)) || /'s?$/.test(tokens.norm(a))) {
        let h = a;
        while (h + 1 < m.first - 1 && !PREPOSITIONS.has(tokens.norm(h + 1))) h++;
        const words = bareWords(tokens, a, h + 1).filter((w) => !DETS_APPOS.has(w));
        for (const w of words) registry.addRole(m.entity, w);
        if (words.length > 0) describe(m.entity, words[words.length - 1]);
      }
    } else if (m.first > 0 && tokens.sentence(m.first - 1) === sentence) {
      let k = m.first - 1;
      const words: string[] = [];
      while (k >= 0 && tokens.sentence(k) === sentence && words.length < 4) {
        const norm = tokens.norm(k);
        if (PREPOSITIONS.has(norm) || norm === 'who' || /\d/.test(norm)) break;
        if (DETS_APPOS.has(norm)) break;
        words.push(bare(norm));
        if (tokens.startsUpper(k) && k !== m.first - 1) break;
        if (k > 0 && !onlySpaces(text, tokens.end(k - 1), tokens.start(k))) break;
        k--;
      }
      if (words.length > 0 && (ROLE_NOUNS.has(words[0]) || TITLE_WORDS.has(words[0])) && onlySpaces(text, tokens.end(m.first - 1), tokens.start(m.first))) {
        for (const w of words) registry.addRole(m.entity, w);
        describe(m.entity, words[0]);
      }
    }
  }
}
