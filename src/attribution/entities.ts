import type { Document } from '../document/types.js';
import { findAppositives } from './appositives.js';
import { CALENDAR, CONNECTORS, FEMALE_TITLES, MALE_TITLES, OFFICIAL_WORDS, ORG_WORDS, PARTICLES, ROLE_NOUNS, ROLE_SYNONYMS, STOP_CAPS, SUFFIXES, TITLE_WORDS } from './entity-words.js';
import { bare, isAllCaps, isCap, joined, key, possessive } from './name-tokens.js';
import { partitionPoint } from '../text/search.js';

/**
 * People and organisations named in the text, found from runs of capitalised words in one pass,
 * with the roles the text gives them ("Prosecutor Alison Tremayne", "Dekker, the union
 * negotiator"), so later mentions ("Tremayne", "the prosecutor", "she") can be linked to them.
 */
export type EntityKind = 'named' | 'organisation' | 'anonymous';

export interface Entity {
  id: number;
  name: string;
  kind: EntityKind;
  /** Lower-case role and head words ("minister", "negotiator", "ministry"). */
  roles: Set<string>;
  gender: 'm' | 'f' | null;
  /** Token index of the first mention. */
  first: number;
  /** Official roles (government, ministry, police...) — used for the independent-voice check. */
  official: boolean;
  /** Quoted or reported at least once. */
  speaker: boolean;
}

export interface Mention {
  entity: Entity;
  /** Token range [first, end). */
  first: number;
  end: number;
  possessive: boolean;
}

/** A run of capitalised words (token range [first, end)) that may name someone. */
interface CapitalRun {
  first: number;
  end: number;
  possessive: boolean;
  afterThe: boolean;
  atStart: boolean;
}

/** Candidates a role word checks, newest first (see byRoleWord). */
const ROLE_WINDOW = 40;

export class EntityRegistry {
  readonly entities: Entity[] = [];
  /** Mention starting at a token index. */
  readonly mentionAt = new Map<number, Mention>();
  private readonly byFull = new Map<string, Entity>();
  private readonly bySurname = new Map<string, Entity[]>();
  private readonly byRole = new Map<string, Entity[]>();
  private readonly orgByFirst = new Map<string, Entity>();
  /** Lookup keys of names already keyed: a long text repeats its names, and key() is several passes over each. */
  private readonly keys = new Map<string, string>();

  constructor(private readonly doc: Document) {
    this.scan();
  }

  create(name: string, kind: EntityKind, first: number, roles: Iterable<string> = []): Entity {
    const entity: Entity = { id: this.entities.length, name, kind, roles: new Set(), gender: null, first, official: false, speaker: false };
    this.entities.push(entity);
    if (kind !== 'anonymous') this.byFull.set(this.keyOf(name), entity);
    for (const r of roles) this.addRole(entity, r);
    if (kind === 'organisation') for (const w of this.keyOf(name).split(' ')) this.addRole(entity, w);
    return entity;
  }

  addRole(entity: Entity, role: string): void {
    const r = bare(role.toLowerCase());
    if (r.length < 2 || STOP_CAPS.has(r) && !ORG_WORDS.has(r)) return;
    if (entity.roles.has(r)) return;
    entity.roles.add(r);
    if (OFFICIAL_WORDS.has(r)) entity.official = true;
    const list = this.byRole.get(r) ?? [];
    list.push(entity);
    this.byRole.set(r, list);
  }

  /** The entity a role word refers to: the last one before `at` with that role, else the first after (headlines). */
  byRoleWord(role: string, at: number, kinds?: EntityKind[], modifiers: string[] = []): Entity | undefined {
    let best: Entity | undefined;
    let bestSeen = -1;
    let bestModified = false;
    let after: Entity | undefined;
    for (const r of [role, ...(ROLE_SYNONYMS[role] ?? [])]) {
      const list = this.byRole.get(r);
      if (!list) continue;
      // Newest first, and only the last few: a reference points back a short way (keeps long texts linear).
      for (let k = list.length - 1, checked = 0; k >= 0 && checked < ROLE_WINDOW; k--) {
        const e = list[k];
        if (kinds && !kinds.includes(e.kind)) continue;
        checked++;
        // "the French minister", "Harlow boss": a modifier the entity also carries decides between candidates.
        const modified = modifiers.some((m) => e.roles.has(m));
        const seen = this.lastMentionBefore(e, at);
        if (seen === undefined) {
          if (!after || e.first < after.first) after = e;
          continue;
        }
        if ((modified && !bestModified) || (modified === bestModified && seen > bestSeen)) {
          best = e;
          bestSeen = seen;
          bestModified = modified;
        }
      }
    }
    return best ?? after;
  }

  private readonly mentionsOf = new Map<number, number[]>();

  private lastMentionBefore(e: Entity, at: number): number | undefined {
    const list = this.mentionsOf.get(e.id);
    if (!list || list[0] >= at) return e.first < at ? e.first : undefined;
    return list[partitionPoint(list.length, (i) => list[i] < at) - 1];
  }

  noteMention(e: Entity, at: number): void {
    const list = this.mentionsOf.get(e.id) ?? [];
    if (list.length === 0 || list[list.length - 1] < at) list.push(at);
    this.mentionsOf.set(e.id, list);
  }

  bySurnameBefore(word: string, at: number): Entity | undefined {
    const list = this.bySurname.get(word);
    if (!list) return undefined;
    // A bare surname keeps pointing at the first person who bore it ("McBride" after "her father, Duncan McBride").
    let best: Entity | undefined;
    for (const e of list) if (e.first < at && !best) best = e;
    return best ?? list[0];
  }

  /** The organisation the story is about so far: most mentioned before `at` (for "the company"). */
  lastOrganisation(at: number): Entity | undefined {
    let best: Entity | undefined;
    let bestCount = 0;
    for (const e of this.entities) {
      if (e.kind !== 'organisation') continue;
      const list = this.mentionsOf.get(e.id) ?? [];
      const count = partitionPoint(list.length, (i) => list[i] < at);
      if (count > bestCount) {
        best = e;
        bestCount = count;
      }
    }
    return best;
  }

  /** Look a written name up: full name, then surname. */
  lookup(name: string, at: number): Entity | undefined {
    const k = this.keyOf(name);
    return this.byFull.get(k) ?? this.bySurnameBefore(k.split(' ').pop() ?? k, at);
  }

  private keyOf(name: string): string {
    let k = this.keys.get(name);
    if (k === undefined) {
      k = key(name);
      this.keys.set(name, k);
    }
    return k;
  }

  private scan(): void {
    const { tokens, text, sentences } = this.doc;
    const pending: CapitalRun[] = [];
    for (const s of sentences) {
      let i = s.firstToken;
      while (i < s.endToken) {
        const norm = tokens.norm(i);
        if (!tokens.startsUpper(i) || (i === s.firstToken && STOP_CAPS.has(norm))) {
          i++;
          continue;
        }
        // A month or a day starts a name only when another capitalised word follows ("Jan Kral", not "in May").
        if (CALENDAR.has(norm) && !(i + 1 < s.endToken && tokens.startsUpper(i + 1) && joined(text, tokens, i, i + 1) && !CALENDAR.has(tokens.norm(i + 1)))) {
          i++;
          continue;
        }
        // Grow the run: capitalised words, particles, and connectors followed by a capital.
        let j = i + 1;
        let endsPossessive = possessive(tokens.text(i));
        while (!endsPossessive && j < s.endToken && joined(text, tokens, j - 1, j)) {
          const u = tokens.norm(j);
          if (tokens.startsUpper(j) && !(CALENDAR.has(u) && !/^\p{Lu}\p{Ll}/u.test(tokens.text(j - 1)))) {
            j++;
            endsPossessive = possessive(tokens.text(j - 1));
            continue;
          }
          if ((CONNECTORS.has(u) || PARTICLES.has(u)) && j + 1 < s.endToken && tokens.startsUpper(j + 1) && joined(text, tokens, j, j + 1)) {
            j += 2;
            endsPossessive = possessive(tokens.text(j - 1));
            continue;
          }
          break;
        }
        const prev = i > s.firstToken ? tokens.norm(i - 1) : '';
        pending.push({ first: i, end: j, possessive: endsPossessive, afterThe: prev === 'the', atStart: i === s.firstToken });
        i = j;
      }
    }
    // Multi-word runs first, so a later surname or a sentence-initial word can be linked to them.
    for (const run of pending) if (run.end - run.first > 1) this.classify(run);
    for (const run of pending) if (run.end - run.first === 1) this.classify(run);
    findAppositives(this, this.doc);
  }

  private classify(run: CapitalRun): void {
    const { tokens } = this.doc;
    let words = tokens.slice(run.first, run.end);
    let first = run.first;
    while (words.length > 1 && SUFFIXES.has(bare(words[words.length - 1].norm))) words = words.slice(0, -1);
    const norms = words.map((w) => bare(w.norm));
    const end = first + words.length;
    const mention = (entity: Entity, f = first, e = end) => {
      this.mentionAt.set(f, { entity, first: f, end: e, possessive: run.possessive });
      this.noteMention(entity, f);
    };
    const nextNorm = run.end < tokens.length && tokens.sentence(run.end) === tokens.sentence(run.first) ? tokens.norm(run.end) : '';

    if (words.length === 1) {
      const w = words[0];
      const known = this.byFull.get(norms[0]) ?? this.bySurnameBefore(norms[0], first + 1);
      if (known) {
        mention(known);
        return;
      }
      if (TITLE_WORDS.has(norms[0]) || isAllCaps(w.text) && !ORG_WORDS.has(norms[0])) return;
      // A modifier ("the French minister", "Algerian officials"), not a name.
      const next = run.end < tokens.length && tokens.sentence(run.end) === tokens.sentence(run.first) ? run.end : -1;
      if (next >= 0 && !tokens.startsUpper(next) && joined(this.doc.text, tokens, first, next) && !run.possessive &&
        (ROLE_NOUNS.has(tokens.norm(next)) || ORG_WORDS.has(tokens.norm(next)) || /(?:ian|ese|ish|ch|an|i)$/.test(norms[0]))) return;
      const org = this.orgByFirst.get(norms[0]);
      if (org) {
        mention(org);
        return;
      }
      if (run.atStart) return; // "Sorghum fetches ...": too weak on its own
      if (ORG_WORDS.has(norms[0]) || run.afterThe) {
        mention(this.create(run.afterThe ? `the ${w.text.replace(/['’]s?$/, '')}` : w.text.replace(/['’]s?$/, ''), 'organisation', first));
        return;
      }
      // A lone proper name (a place, an organisation or a person's surname): kept as a possible speaker.
      mention(this.create(w.text.replace(/['’]s?$/, ''), 'named', first));
      return;
    }

    const hasOrg = norms.some((n) => ORG_WORDS.has(n));
    const titleAt = norms.reduce((at, n, k) => (TITLE_WORDS.has(n) ? k : at), -1);
    const roleNext = ROLE_NOUNS.has(nextNorm);
    // "Minister of Water and Energy Valentin Orsek": a title, then a name at the end, is a person.
    let tail = 0;
    for (let k = norms.length - 1; k > titleAt && !CONNECTORS.has(norms[k]) && !ORG_WORDS.has(norms[k]) && !TITLE_WORDS.has(norms[k]); k--) tail++;
    const titledPerson = titleAt >= 0 && tail >= 2 && !run.afterThe;
    if (!titledPerson && (hasOrg || (run.afterThe && titleAt < 0) || roleNext)) {
      let text = this.doc.text.slice(tokens.start(first), tokens.end(end - 1)).replace(/['’]s?$/, '');
      if (run.atStart && /^the$/i.test(norms[0])) text = text.replace(/^The\s+/, '');
      const existing = this.byFull.get(this.keyOf(text));
      const org = existing ?? this.create(run.afterThe ? `the ${text}` : text, 'organisation', first);
      if (!this.orgByFirst.has(norms[0]) && !STOP_CAPS.has(norms[0])) this.orgByFirst.set(norms[0], org);
      mention(org);
      return;
    }
    // A person: the name is what follows the last title and the last connector.
    let from = titleAt + 1;
    for (let k = words.length - 1; k >= from; k--) if (CONNECTORS.has(norms[k])) {
      from = k + 1;
      break;
    }
    const roles = norms.slice(0, Math.max(0, titleAt + 1)).filter((n) => TITLE_WORDS.has(n) || ORG_WORDS.has(n));
    let nameWords = words.slice(from);
    if (nameWords.length === 0) return;
    // Keep at most two capitalised words, plus particles and initials between them.
    const caps = nameWords.filter((w) => isCap(w.text) && !/^\p{Lu}\.?$/u.test(w.text));
    if (caps.length > 2) {
      const cut = nameWords.indexOf(caps[caps.length - 2]);
      let k = cut;
      while (k > 0 && PARTICLES.has(nameWords[k - 1].norm)) k--;
      nameWords = nameWords.slice(k);
    }
    const nameFirst = first + words.indexOf(nameWords[0]);
    const name = this.doc.text.slice(nameWords[0].start, nameWords[nameWords.length - 1].end).replace(/['’]s?$/, '');
    let entity = this.byFull.get(this.keyOf(name));
    if (!entity && nameWords.length === 1) entity = this.bySurnameBefore(this.keyOf(name), first + 1);
    if (!entity) {
      entity = this.create(name, 'named', nameFirst);
      const surname = this.keyOf(name).split(' ').pop()!;
      const list = this.bySurname.get(surname) ?? [];
      list.push(entity);
      this.bySurname.set(surname, list);
    }
    for (const r of roles) this.addRole(entity, r);
    const titles = norms.slice(0, from);
    if (!entity.gender) entity.gender = titles.some((n) => MALE_TITLES.has(n)) ? 'm' : titles.some((n) => FEMALE_TITLES.has(n)) ? 'f' : null;
    mention(entity, first, end);
  }
}
