import type { Document, Token } from '../document/types.js';

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

/** Words that make a capitalised run an organisation. */
export const ORG_WORDS = new Set([
  'ministry', 'department', 'authority', 'authorities', 'council', 'committee', 'commission', 'agency', 'office', 'bureau',
  'service', 'services', 'institute', 'institution', 'foundation', 'association', 'union', 'federation', 'party', 'company',
  'corporation', 'corp', 'inc', 'ltd', 'plc', 'llc', 'co', 'bank', 'fund', 'university', 'college', 'school', 'schools',
  'hospital', 'court', 'police', 'army', 'navy', 'government', 'parliament', 'assembly', 'station', 'board', 'trust',
  'network', 'league', 'club', 'organisation', 'organization', 'society', 'centre', 'center', 'coalition', 'alliance',
  'employers', 'industries', 'group', 'times', 'post', 'courier', 'herald', 'tribune', 'broadcaster', 'television', 'radio',
  'press', 'news', 'reuters', 'agencies', 'administration', 'cabinet', 'senate', 'congress', 'kremlin', 'pentagon',
  'secretariat', 'directorate', 'inspectorate', 'regulator', 'watchdog', 'forces', 'guard', 'church', 'nations',
  'democrats', 'republicans', 'greens', 'conservatives', 'liberals', 'socialists', 'labour', 'tories', 'firm', 'team',
  'laboratory', 'laboratories', 'lab', 'labs', 'airlines', 'airways', 'motors', 'holdings', 'systems', 'technologies',
  'partners', 'studio', 'studios', 'magazine', 'journal', 'gazette', 'daily', 'observer', 'guardian', 'telegraph',
  'xinhua', 'afp', 'ap', 'tass', 'bbc', 'cnn', 'nato', 'un', 'eu', 'who', 'imf', 'opec', 'energy', 'power', 'oil', 'gas',
  'petroleum', 'mining', 'pharmaceuticals', 'pharma', 'foods', 'steel', 'telecom', 'media', 'capital', 'ventures',
  'solutions', 'logistics', 'shipping', 'electric', 'bancorp', 'insurance', 'airport', 'railways', 'rail', 'museum',
]);

/** Official bodies and roles: a voice with one of these speaks for an authority. */
const OFFICIAL_WORDS = new Set([
  'minister', 'ministry', 'government', 'official', 'officials', 'spokesman', 'spokeswoman', 'spokesperson', 'president',
  'mayor', 'governor', 'department', 'authority', 'authorities', 'police', 'army', 'military', 'state', 'agency',
  'council', 'commission', 'secretary', 'ambassador', 'embassy', 'kremlin', 'administration', 'cabinet', 'chancellor',
  'premier', 'prime', 'officer', 'general', 'commander', 'prosecutor', 'regulator', 'directorate', 'aide',
]);

/** Titles and roles written before a name ("Minister", "Dr", "Judge"). */
export const TITLE_WORDS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'reverend', 'father', 'sister',
  'minister', 'president', 'vice', 'mayor', 'judge', 'justice', 'prosecutor', 'senator', 'sen', 'rep', 'representative',
  'governor', 'gov', 'chancellor', 'secretary', 'general', 'gen', 'chief', 'director', 'chairman', 'chairwoman', 'chair',
  'leader', 'spokesman', 'spokeswoman', 'inspector', 'detective', 'det', 'sheriff', 'commissioner', 'ambassador', 'coach',
  'captain', 'capt', 'manager', 'king', 'queen', 'prince', 'princess', 'pope', 'bishop', 'archbishop', 'rabbi', 'imam',
  'colonel', 'col', 'lt', 'lieutenant', 'major', 'maj', 'sergeant', 'sgt', 'officer', 'constable', 'premier', 'prime',
  'deputy', 'speaker', 'councillor', 'cllr', 'alderman', 'admiral', 'commander', 'superintendent', 'supt', 'chef',
  'economist', 'mp', 'mep', 'ceo', 'cfo',
]);

const MALE_TITLES = new Set(['mr', 'sir', 'lord', 'father', 'king', 'prince', 'chairman', 'spokesman']);
const FEMALE_TITLES = new Set(['mrs', 'ms', 'miss', 'dame', 'lady', 'sister', 'queen', 'princess', 'chairwoman', 'spokeswoman']);

/** Capitalised words that start a sentence without being names. */
const STOP_CAPS = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'to', 'for', 'of', 'by', 'with', 'from', 'according', 'but', 'and', 'or', 'if',
  'when', 'while', 'after', 'before', 'under', 'over', 'giving', 'speaking', 'asked', 'this', 'that', 'these', 'those',
  'it', 'he', 'she', 'they', 'we', 'i', 'you', 'our', 'their', 'his', 'her', 'its', 'my', 'your', 'there', 'here', 'some',
  'many', 'most', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'meanwhile', 'however',
  'still', 'yet', 'so', 'as', 'also', 'without', 'within', 'since', 'until', 'despite', 'although', 'though', 'because',
  'last', 'next', 'earlier', 'later', 'now', 'then', 'today', 'yesterday', 'tomorrow', 'such', 'every', 'each', 'all',
  'both', 'no', 'not', 'what', 'who', 'which', 'where', 'why', 'how', 'do', 'does', 'did', 'is', 'are', 'was', 'were',
  'be', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must', 'let', 'more', 'less',
  'few', 'several', 'other', 'another', 'among', 'during', 'about', 'around', 'like', 'unlike', 'instead', 'once',
  'sadly', 'fortunately', 'unfortunately', 'indeed', 'yes', 'no', 'contrast', 'needless', 'of', 'just', 'only', 'even',
  'local', 'former', 'senior', 'new', 'old', 'young', 'top', 'residents', 'critics', 'experts', 'analysts', 'officials',
  'sources', 'police', 'parents', 'farmers', 'traders', 'workers', 'people', 'forecasters', 'scientists', 'researchers',
]);

const CALENDAR = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'christmas', 'easter',
]);

const CONNECTORS = new Set(['of', 'and', 'for', '&']);
const PARTICLES = new Set(['van', 'de', 'der', 'den', 'von', 'al', 'el', 'bin', 'ibn', 'da', 'di', 'du', 'la', 'le', 'dos', 'das', 'del', 'ter', 'st']);
const SUFFIXES = new Set(['kc', 'qc', 'jr', 'sr', 'mp', 'mep', 'ii', 'iii', 'phd', 'md']);

export function isCap(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text);
}

/** All-capitals tokens of two or more letters are acronyms or datelines, not parts of a person's name. */
function isAllCaps(t: Token): boolean {
  return t.text.length > 1 && !/\p{Ll}/u.test(t.text);
}

function possessive(t: Token): boolean {
  return /['’]s?$/.test(t.text) && /['’]/.test(t.text);
}

function bare(norm: string): string {
  return norm.replace(/'s?$/, '');
}

/** Only spaces between two tokens (no comma, dash or bracket): they can belong to one name. */
function joined(text: string, a: Token, b: Token): boolean {
  return /^(?:[ \u00a0]+|-)$/.test(text.slice(a.end, b.start));
}

export class EntityRegistry {
  readonly entities: Entity[] = [];
  /** Mention starting at a token index. */
  readonly mentionAt = new Map<number, Mention>();
  private readonly byFull = new Map<string, Entity>();
  private readonly bySurname = new Map<string, Entity[]>();
  private readonly byRole = new Map<string, Entity[]>();
  private readonly orgByFirst = new Map<string, Entity>();

  constructor(private readonly doc: Document) {
    this.scan();
  }

  create(name: string, kind: EntityKind, first: number, roles: Iterable<string> = []): Entity {
    const entity: Entity = { id: this.entities.length, name, kind, roles: new Set(), gender: null, first, official: false, speaker: false };
    this.entities.push(entity);
    if (kind !== 'anonymous') this.byFull.set(key(name), entity);
    for (const r of roles) this.addRole(entity, r);
    if (kind === 'organisation') for (const w of key(name).split(' ')) this.addRole(entity, w);
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
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid] < at) lo = mid;
      else hi = mid - 1;
    }
    return list[lo];
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
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid] < at) lo = mid + 1;
        else hi = mid;
      }
      const count = lo;
      if (count > bestCount) {
        best = e;
        bestCount = count;
      }
    }
    return best;
  }

  /** Look a written name up: full name, then surname. */
  lookup(name: string, at: number): Entity | undefined {
    const k = key(name);
    return this.byFull.get(k) ?? this.bySurnameBefore(k.split(' ').pop() ?? k, at);
  }

  private scan(): void {
    const { tokens, text, sentences } = this.doc;
    const pending: Array<{ first: number; end: number; words: Token[]; possessive: boolean; afterThe: boolean; atStart: boolean }> = [];
    for (const s of sentences) {
      let i = s.firstToken;
      while (i < s.endToken) {
        const t = tokens[i];
        // A month or a day starts a name only when another capitalised word follows ("Jan Kral", not "in May").
        const calendar = CALENDAR.has(t.norm) && !(i + 1 < s.endToken && isCap(tokens[i + 1]) && joined(text, t, tokens[i + 1]) && !CALENDAR.has(tokens[i + 1].norm));
        if (!isCap(t) || calendar || (i === s.firstToken && STOP_CAPS.has(t.norm))) {
          i++;
          continue;
        }
        // Grow the run: capitalised words, particles, and connectors followed by a capital.
        let j = i + 1;
        let endsPossessive = possessive(t);
        while (!endsPossessive && j < s.endToken && joined(text, tokens[j - 1], tokens[j])) {
          const u = tokens[j];
          if (isCap(u) && !(CALENDAR.has(u.norm) && !/^\p{Lu}\p{Ll}/u.test(tokens[j - 1].text))) {
            j++;
            endsPossessive = possessive(u);
            continue;
          }
          if ((CONNECTORS.has(u.norm) || PARTICLES.has(u.norm)) && j + 1 < s.endToken && isCap(tokens[j + 1]) && joined(text, u, tokens[j + 1])) {
            j += 2;
            endsPossessive = possessive(tokens[j - 1]);
            continue;
          }
          break;
        }
        const prev = i > s.firstToken ? tokens[i - 1].norm : '';
        pending.push({ first: i, end: j, words: tokens.slice(i, j), possessive: endsPossessive, afterThe: prev === 'the', atStart: i === s.firstToken });
        i = j;
      }
    }
    // Multi-word runs first, so a later surname or a sentence-initial word can be linked to them.
    for (const run of pending) if (run.end - run.first > 1) this.classify(run);
    for (const run of pending) if (run.end - run.first === 1) this.classify(run);
    this.appositives();
  }

  private classify(run: { first: number; end: number; words: Token[]; possessive: boolean; afterThe: boolean; atStart: boolean }): void {
    const { tokens } = this.doc;
    let words = run.words;
    let first = run.first;
    while (words.length > 1 && SUFFIXES.has(bare(words[words.length - 1].norm))) words = words.slice(0, -1);
    const norms = words.map((w) => bare(w.norm));
    const end = first + words.length;
    const mention = (entity: Entity, f = first, e = end) => {
      this.mentionAt.set(f, { entity, first: f, end: e, possessive: run.possessive });
      this.noteMention(entity, f);
    };
    const nextNorm = run.end < tokens.length && tokens[run.end].sentence === tokens[run.first].sentence ? tokens[run.end].norm : '';

    if (words.length === 1) {
      const w = words[0];
      const known = this.byFull.get(norms[0]) ?? this.bySurnameBefore(norms[0], first + 1);
      if (known) {
        mention(known);
        return;
      }
      if (TITLE_WORDS.has(norms[0]) || isAllCaps(w) && !ORG_WORDS.has(norms[0])) return;
      // A modifier ("the French minister", "Algerian officials"), not a name.
      const next = run.end < tokens.length && tokens[run.end].sentence === tokens[run.first].sentence ? tokens[run.end] : null;
      if (next && !isCap(next) && joined(this.doc.text, w, next) && !run.possessive &&
        (ROLE_NOUNS.has(next.norm) || ORG_WORDS.has(next.norm) || /(?:ian|ese|ish|ch|an|i)$/.test(norms[0]))) return;
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
      let text = this.doc.text.slice(tokens[first].start, tokens[end - 1].end).replace(/['’]s?$/, '');
      if (run.atStart && /^the$/i.test(norms[0])) text = text.replace(/^The\s+/, '');
      const existing = this.byFull.get(key(text));
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
    const caps = nameWords.filter((w) => isCap(w) && !/^\p{Lu}\.?$/u.test(w.text));
    if (caps.length > 2) {
      const cut = nameWords.indexOf(caps[caps.length - 2]);
      let k = cut;
      while (k > 0 && PARTICLES.has(nameWords[k - 1].norm)) k--;
      nameWords = nameWords.slice(k);
    }
    const nameFirst = first + words.indexOf(nameWords[0]);
    const name = this.doc.text.slice(nameWords[0].start, nameWords[nameWords.length - 1].end).replace(/['’]s?$/, '');
    let entity = this.byFull.get(key(name));
    if (!entity && nameWords.length === 1) entity = this.bySurnameBefore(key(name), first + 1);
    if (!entity) {
      entity = this.create(name, 'named', nameFirst);
      const surname = key(name).split(' ').pop()!;
      const list = this.bySurname.get(surname) ?? [];
      list.push(entity);
      this.bySurname.set(surname, list);
    }
    for (const r of roles) this.addRole(entity, r);
    const titles = norms.slice(0, from);
    if (!entity.gender) entity.gender = titles.some((n) => MALE_TITLES.has(n)) ? 'm' : titles.some((n) => FEMALE_TITLES.has(n)) ? 'f' : null;
    mention(entity, first, end);
  }

  /** What a describing noun tells: an organisation ("an environmental group"), or a gender ("her father"). */
  private describe(entity: Entity, head: string): void {
    if (entity.kind === 'named' && ORG_WORDS.has(head) && !ROLE_NOUNS.has(head)) entity.kind = 'organisation';
    if (!entity.gender && MALE_NOUNS.has(head)) entity.gender = 'm';
    if (!entity.gender && FEMALE_NOUNS.has(head)) entity.gender = 'f';
  }

  /** "Dekker, the union negotiator," / "the association's chairman, Hendrik Bos," / "opposition politician Karel Brandis". */
  private appositives(): void {
    const { tokens, text } = this.doc;
    for (const m of this.mentionAt.values()) {
      if (m.possessive) continue;
      const sentence = tokens[m.first].sentence;
      // After: ", (the|a|an) words ..." up to a comma, preposition or relative pronoun.
      if (m.end < tokens.length && tokens[m.end].sentence === sentence && /^\s*,\s*$/.test(text.slice(tokens[m.end - 1].end, tokens[m.end].start))) {
        const words = nounPhrase(tokens, m.end, sentence, text);
        if (words.length > 0 && DETS_APPOS.has(tokens[m.end].norm)) {
          for (const w of words) this.addRole(m.entity, w);
          this.describe(m.entity, words[words.length - 1]);
        }
      }
      // Before: "(the|a) role words, NAME" or "Harlow manager NAME".
      const commaBefore = m.first > 0 && tokens[m.first - 1].sentence === sentence && /^\s*,\s*$/.test(text.slice(tokens[m.first - 1].end, tokens[m.first].start));
      if (commaBefore) {
        // "A spokeswoman for the Port Authority, Anouk Visser": the head is the noun before the preposition.
        let a = m.first - 1;
        while (a > 0 && tokens[a - 1].sentence === sentence && /^[ \u00a0]+$/.test(text.slice(tokens[a - 1].end, tokens[a].start)) && m.first - a < 10) a--;
        if (DETS_APPOS.has(tokens[a].norm) || /'s?$/.test(tokens[a].norm)) {
          let h = a;
          while (h + 1 < m.first - 1 && !PREPOSITIONS.has(tokens[h + 1].norm)) h++;
          const words = tokens.slice(a, h + 1).map((t) => bare(t.norm)).filter((w) => !DETS_APPOS.has(w));
          for (const w of words) this.addRole(m.entity, w);
          if (words.length > 0) this.describe(m.entity, words[words.length - 1]);
        }
      } else if (m.first > 0 && tokens[m.first - 1].sentence === sentence) {
        const gap = text.slice(tokens[m.first - 1].end, tokens[m.first].start);
        let k = m.first - 1;
        const words: string[] = [];
        while (k >= 0 && tokens[k].sentence === sentence && words.length < 4) {
          const t = tokens[k];
          if (PREPOSITIONS.has(t.norm) || t.norm === 'who' || /\d/.test(t.norm)) break;
          if (DETS_APPOS.has(t.norm)) break;
          words.push(bare(t.norm));
          if (isCap(t) && k !== m.first - 1) break;
          if (k > 0 && !/^[ \u00a0]+$/.test(text.slice(tokens[k - 1].end, t.start))) break;
          k--;
        }
        if (words.length > 0 && (ROLE_NOUNS.has(words[0]) || TITLE_WORDS.has(words[0])) && /^[ \u00a0]+$/.test(gap)) {
          for (const w of words) this.addRole(m.entity, w);
          this.describe(m.entity, words[0]);
        }
      }
    }
  }
}

const DETS_APPOS = new Set(['the', 'a', 'an']);
const ROLE_WINDOW = 40;
const MALE_NOUNS = new Set(['father', 'son', 'husband', 'brother', 'man', 'spokesman', 'chairman', 'king', 'prince', 'grandfather', 'uncle', 'nephew', 'boy']);
const FEMALE_NOUNS = new Set(['mother', 'daughter', 'wife', 'sister', 'woman', 'spokeswoman', 'chairwoman', 'queen', 'princess', 'grandmother', 'aunt', 'niece', 'girl']);

/** Role words that stand for one another in later references ("the boss" for a manager). */
const ROLE_SYNONYMS: Record<string, string[]> = {
  boss: ['manager', 'chief', 'head', 'executive', 'coach', 'director', 'chairman', 'leader'],
  chief: ['executive', 'head', 'director', 'boss', 'ceo'],
  head: ['chief', 'director', 'leader'],
  spokesperson: ['spokesman', 'spokeswoman'],
  spokesman: ['spokesperson'],
  spokeswoman: ['spokesperson'],
  minister: ['secretary'],
  coach: ['manager'],
  manager: ['coach'],
  company: ['firm', 'group', 'maker', 'producer', 'operator', 'manufacturer'],
  firm: ['company'],
};
export const PREPOSITIONS = new Set(['for', 'of', 'at', 'with', 'from', 'by', 'in', 'on', 'to', 'into', 'near', 'about', 'under', 'over', 'after', 'before', 'during', 'since', 'than', 'as', 'who', 'which', 'that', 'whose']);

/** Lower-case nouns for people's roles, used to link "the negotiator" back to a name. */
export const ROLE_NOUNS = new Set([
  'minister', 'president', 'mayor', 'judge', 'prosecutor', 'senator', 'governor', 'chancellor', 'secretary', 'spokesman',
  'spokeswoman', 'spokesperson', 'official', 'officer', 'leader', 'chairman', 'chairwoman', 'chair', 'chief', 'director',
  'executive', 'manager', 'negotiator', 'barrister', 'lawyer', 'attorney', 'trustee', 'coach', 'captain', 'player',
  'striker', 'midfielder', 'goalkeeper', 'defender', 'chef', 'owner', 'founder', 'analyst', 'economist', 'scientist',
  'researcher', 'professor', 'doctor', 'author', 'head', 'teacher', 'councillor', 'aide', 'adviser', 'advisor', 'diplomat',
  'ambassador', 'general', 'commander', 'colonel', 'detective', 'inspector', 'witness', 'resident', 'farmer', 'agronomist',
  'engineer', 'activist', 'campaigner', 'politician', 'lawmaker', 'legislator', 'mp', 'representative', 'expert',
  'worker', 'member', 'organiser', 'organizer', 'keeper', 'nurse', 'student', 'boss', 'premier', 'deputy', 'governor',
  'defendant', 'accused', 'victim', 'father', 'mother', 'son', 'daughter', 'wife', 'husband', 'historian', 'curator',
  'volunteer', 'fisherman', 'lecturer', 'surgeon', 'physician', 'epidemiologist', 'specialist', 'consultant', 'ceo',
  'investor', 'trader', 'broker', 'dealer', 'mechanic', 'driver', 'pilot', 'writer', 'journalist', 'editor', 'reporter',
  'dean', 'principal', 'novelist', 'artist', 'architect', 'designer', 'priest', 'bishop', 'pastor', 'rabbi', 'imam',
  'referee', 'umpire', 'winger', 'forward', 'midfield', 'keeper', 'lighthouse', 'skipper', 'veteran', 'director-general',
]);

/** Words of an appositive noun phrase starting at token `from`, up to a comma, preposition or relative pronoun. */
function nounPhrase(tokens: readonly Token[], from: number, sentence: number, text: string): string[] {
  const out: string[] = [];
  for (let k = from; k < tokens.length && tokens[k].sentence === sentence && out.length < 6; k++) {
    const t = tokens[k];
    if (PREPOSITIONS.has(t.norm)) break;
    if (k > from && !/^[ \u00a0]+$/.test(text.slice(tokens[k - 1].end, t.start))) break;
    out.push(bare(t.norm));
  }
  return out.filter((w) => !DETS_APPOS.has(w));
}

/** Normalised form of a name for lookups and for comparing speakers. */
export function key(name: string): string {
  return name
    .normalize('NFC')
    .replace(/['’]s?\b/g, '')
    .toLowerCase()
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
