import { spanAt } from '../document/build.js';
import { findDateline, type Dateline } from '../detectors/dateline.js';
import type { Document, Span } from '../document/types.js';
import type { ReportOutlet, ReportProvenance } from '../report/types.js';
import { findFullDate, isoDatePart } from './dates.js';
import { EMPTY_LOOKUP, unknownOutlet, type OutletFacts, type OutletLookup } from './lookup.js';
import { findResidue, insideResidue, type ResidueHint, type ResidueSpan } from './residue.js';
import { foldForUnicodeCase } from '../text/fold-case.js';

export type OutletRole = ReportOutlet['role'];

/** origin > republisher > publisher > primary-source > mentioned */
export const ROLE_RANK: Record<OutletRole, number> = { origin: 5, republisher: 4, publisher: 3, 'primary-source': 2, mentioned: 1 };

/** What an HTML page says about itself (see ../input/html.ts). */
export interface PageMeta {
  /** The address the page was fetched from, when it was fetched. */
  url: string | null;
  canonical: string | null;
  title: string | null;
  /** `og:site_name`. */
  siteName: string | null;
  /** JSON-LD `publisher` name. */
  publisher: string | null;
  /** JSON-LD `author` names, then `<meta name="author">`, then Readability's byline, as written. */
  authors: string[];
  /** `article:published_time` or JSON-LD `datePublished`, as written. */
  published: string | null;
  /** `<time datetime>` inside the article. */
  articleTime: string | null;
  /** Lines of the extracted text known from the markup to be residue (`<figcaption>`). */
  residueHints: ResidueHint[];
}

export type NoticeKind = 'republication' | 'source' | 'published-by' | 'copyright' | 'byline-outlet' | 'disclaimer';

/** A provenance line or phrase in the text: a republication notice, "Source: X", a copyright line... */
export interface Notice extends Span {
  kind: NoticeKind;
  outlet: string | null;
  role: OutletRole | null;
}

/** Everything the provenance reader finds; offsets are UTF-16 indices into the document text. */
export interface ProvenanceRead {
  report: ReportProvenance;
  residue: ResidueSpan[];
  dateline: Dateline | null;
  notices: Notice[];
  bylineSpan: Span | null;
  dateSpan: Span | null;
  /** An author-view disclaimer ("the author's own") in a text that names no author. */
  authorlessDisclaimer: Span | null;
}

export interface ReadOptions {
  page?: PageMeta | null;
  outlets?: OutletLookup;
  /** Residue computed beforehand (otherwise computed here). */
  residue?: ResidueSpan[];
}

/** Residue of a document: computed once, before the detectors run. */
export function computeResidue(doc: Document, page?: PageMeta | null): ResidueSpan[] {
  return findResidue(doc.text, doc.paragraphs, { skip: doc.title, hints: page?.residueHints });
}

// ---------------------------------------------------------------------------------------------
// Patterns (ours)
// ---------------------------------------------------------------------------------------------

const WORD = String.raw`[\p{Lu}][\p{L}\p{M}'’.-]*`;
const PARTICLE = String.raw`(?:de|da|del|della|di|du|van|von|der|den|al|el|bin|ibn|le|la|dos|das|ter|y)`;
const NAME = String.raw`${WORD}(?:\s+(?:${PARTICLE}\s+)*${WORD}){0,4}`;
let namesRe: RegExp | undefined;
/** A list of personal names ("Ana Ruiz and Li Wei"). Compiled on first use: ~1 ms, and most texts have no byline. */
const isNames = (s: string): boolean => (namesRe ??= new RegExp(String.raw`^${NAME}(?:(?:\s*,\s*|\s+(?:and|&)\s+)${NAME})*$`, 'u')).test(s);
const NOT_NAMES = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Then|Now|Law|Contrast|Comparison|Far|Mid|Noon|Dawn|Night|Morning|Evening|Late|Early|Christmas|Easter)\b/;
const ROLE_WORDS = /\b(?:staff|writer|correspondent|reporter|editor|contributor|columnist|bureau|desk|chief|senior|special)\b/i;
const OUTLET_WORDS = /\b(?:press|news|agency|times|post|herald|tribune|journal|daily|gazette|review|wire|tv|radio|network|broadcasting|courier|chronicle|sentinel|ledger|weekly|observer|guardian|telegraph|express|mail|standard|record|report|magazine|media)\b/i;

/** A run of capitalised words from the start of a string ("The Meridian Post", "Al Jazeera"); compiled on first use. */
let capPhraseRe: RegExp | undefined;
const CAP_PHRASE = String.raw`^(?:[Tt]he[ \t]+)?[\p{Lu}\d][\p{L}\p{M}\d.&'’-]*(?:[ \t]+(?:(?:of|for|the|and|&|de|del|la|le|al|el)[ \t]+)?[\p{Lu}\d][\p{L}\p{M}\d.&'’-]*)*`;

/** The capitalised words at the start of a string, stopping at a sentence end ("Pravda. Translated"). */
function capPhrase(s: string): string | null {
  const m = (capPhraseRe ??= new RegExp(CAP_PHRASE, 'u')).exec(s);
  if (!m) return null;
  return m[0].split(/\.\s/)[0].replace(/[.'’]+$/, '');
}

const PUBLISHED_PREFIX = /^(?:published|posted|first published|publication date|date)\b/i;
const UPDATED_PREFIX = /^(?:updated|last updated|modified|last modified)\b/i;

/**
 * Cues before an outlet's name that say its words are passed on. These two are case-insensitive,
 * tested on text folded by foldForUnicodeCase (flag `u` there is flag `iu` on the text as written).
 */
const BEFORE_CUE = /(?:according to|told|telling|speaking to|spoke to|said to|interviews? with|citing|cited by|quoted by|quoting|reported by|carried by|aired (?:on|by)|broadcast (?:on|by)|in (?:an?|his|her|their) (?:op-?ed|article|column|interview|editorial|commentary|piece|report|statement|post|letter) (?:for|in|with|to|on|published by)|wrote in|writing in|writing for|wrote for|written for|said in|published (?:in|by)|appearing in|appeared in)\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,3}$/u;
/** Cues after an outlet's name ("TASS reported", "EFE news agency reported", "TASS, citing a source, reported"). */
const AFTER_CUE = /^(?:['’]s?\s+(?:[\p{L}-]+\s+){0,2}(?:service|website|site|correspondent|channel|edition|reporter|programme|program|show|newspaper|agency|outlet)\b)?\s*(?:state\s+)?(?:news\s+agency|agency|newspaper|broadcaster|news\s+site|website|outlet|channel|daily)?\s*(?:,[^,.;]{0,80},\s*)?(?:\([^)]*\)\s*)?(?:(?:has|had|have|also|later|earlier|first|then|previously)\s+)*(?:reported|reports|said|says|claimed|claims|quoted|quotes|cited|cites|wrote|writes|published|publishes|announced|stated|alleged|alleges|aired|broadcast|citing|quoting|reporting|revealed|added|noted|described|called)\b/u;
/** A descriptor naming an outlet that the registry may not know: "the newspaper Pravda". */
const DESCRIPTOR = /\b(?:the|a|an|state|state-run|state-owned|official|[\p{L}]+['’]s)[ \t]+(?:[\p{L}-]+[ \t]+){0,2}?(?:newspaper|daily|tabloid|broadcaster|news agency|news site|news website|news portal|magazine|weekly|TV channel|television channel|radio station)[ \t]+(?=[\p{Lu}])/giu;

// ---------------------------------------------------------------------------------------------

interface Line extends Span {
  text: string;
  paragraph: number;
}

interface OutletHit {
  facts: OutletFacts;
  role: OutletRole;
  start: number | null;
  end: number | null;
}

/** Read byline, date, dateline, publisher, republisher, outlets and residue from a document (and page metadata). */
export function readProvenance(doc: Document, options: ReadOptions = {}): ProvenanceRead {
  const { text } = doc;
  const page = options.page ?? null;
  const lookup = options.outlets ?? EMPTY_LOOKUP;
  const residue = options.residue ?? computeResidue(doc, page);
  const lines = linesOf(doc).filter((l) => !insideResidue(residue, l.start, l.end) && !(doc.title && l.start >= doc.title.start && l.end <= doc.title.end));

  const hits: OutletHit[] = [];
  const notices: Notice[] = [];
  const used: Span[] = []; // outlet spans already given a role by a notice
  const addHit = (facts: OutletFacts, role: OutletRole, start: number | null, end: number | null) => {
    hits.push({ facts, role, start, end });
    if (start !== null && end !== null) used.push({ start, end });
  };

  // --- dateline and wire credit
  const dateline = findDateline(text, doc.paragraphs);
  if (dateline?.credit) {
    const at = text.indexOf(dateline.credit, dateline.start);
    const facts = lookup.byName(dateline.credit) ?? firstMention(lookup, dateline.credit)?.facts
      ?? acronymOf(dateline.credit, text, lookup) ?? unknownOutlet(dateline.credit);
    addHit(facts, 'origin', at, at + dateline.credit.length);
  }

  // --- byline
  let byline: string | null = null;
  let bylineSpan: Span | null = null;
  let trailerByline: { names: string; span: Span } | null = null;
  const dateCandidates: Array<{ iso: string; rank: number; span: Span }> = [];

  for (const line of lines) {
    const by = /^By\s+(.{2,160})$/u.exec(line.text);
    if (by && byline === null && line.paragraph < 10) {
      const parsed = parseByline(by[1], lookup);
      if (parsed.names) {
        byline = parsed.names;
        bylineSpan = { start: line.start + 3, end: line.start + 3 + parsed.namesLength };
      }
      if (parsed.outlet) {
        const at = line.start + 3 + parsed.outlet.index;
        addHit(parsed.outlet.facts, 'origin', at, at + parsed.outlet.length);
        notices.push({ kind: 'byline-outlet', start: line.start, end: line.end, outlet: parsed.outlet.facts.name, role: 'origin' });
      }
      if (parsed.date) dateCandidates.push({ iso: parsed.date, rank: 3, span: line });
      if (parsed.names || parsed.outlet) continue;
    }
    const trailer = /^\((?:Reporting|Reported|Writing)\s+by\s+([^;)]+)/u.exec(line.text);
    if (trailer && !trailerByline) {
      const names = trailer[1].split(/\s*,\s*|\s+and\s+/).map((n) => n.replace(/\s+in\s+[\p{Lu}].*$/u, '').trim()).filter(Boolean);
      if (names.length > 0 && names.every(isNames)) {
        trailerByline = { names: joinNames(names), span: { start: line.start, end: line.end } };
      }
      continue;
    }

    // --- date lines: short lines that are mostly a date
    if (line.text.length <= 100) {
      const d = findFullDate(line.text);
      if (d) {
        const rest = (line.text.slice(0, d.index) + ' ' + line.text.slice(d.index + d.length)).trim();
        const restWords = rest.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
        const originally = /\boriginally\s+(?:published|appeared)\b/i.test(line.text);
        let rank = 0;
        if (originally) rank = 0.5;
        else if (PUBLISHED_PREFIX.test(line.text)) rank = 3;
        else if (UPDATED_PREFIX.test(line.text)) rank = 1;
        else if (restWords <= 4 && !/[.!?]["”’]?$/.test(line.text.replace(/\b(?:p\.m|a\.m|[A-Z][a-z]{1,3})\.$/, ''))) rank = 2;
        if (rank > 0) dateCandidates.push({ iso: d.iso, rank, span: { start: line.start, end: line.end } });
      }
    }

    // --- notices
    readNotices(line, lookup, page, notices, addHit);
  }
  if (byline === null && trailerByline) {
    byline = trailerByline.names;
    bylineSpan = trailerByline.span;
  }

  // --- page metadata
  let publisher: string | null = null;
  let republishedBy: string | null = null;
  if (page) {
    const site = page.siteName ?? page.publisher;
    const address = page.canonical ?? page.url;
    const hostFacts = address ? lookup.byHost(address) : null;
    if (site) {
      publisher = site;
      addHit(lookup.byName(site) ?? hostFacts ?? unknownOutlet(site), 'publisher', null, null);
    } else if (hostFacts) {
      publisher = hostFacts.name;
      addHit(hostFacts, 'publisher', null, null);
    }
    const people: string[] = [];
    for (const author of page.authors) {
      const clean = author.replace(/^By\s+/i, '').trim();
      const outlet = lookup.byName(clean);
      if (outlet || (OUTLET_WORDS.test(clean) && !isNames(clean.replace(/^The\s+/, '')))) {
        addHit(outlet ?? unknownOutlet(clean), 'origin', null, null);
      } else if (isNames(clean) && !people.includes(clean)) people.push(clean);
    }
    if (people.length > 0) {
      byline = joinNames(people.flatMap((p) => p.split(/\s*,\s*|\s+and\s+|\s+&\s+/)));
      bylineSpan = null;
    }
    const metaDate = isoDatePart(page.published) ?? isoDatePart(page.articleTime);
    if (metaDate) dateCandidates.push({ iso: metaDate, rank: 10, span: { start: -1, end: -1 } });
  }

  // --- publisher / republisher from notices
  for (const n of notices) {
    if (n.kind === 'published-by' || (n.kind === 'copyright' && n.role === 'publisher')) publisher ??= n.outlet;
    if (n.role === 'republisher' && n.outlet) republishedBy ??= n.outlet;
    if (n.kind === 'republication' && n.role === 'republisher' && n.outlet === null && publisher) {
      n.outlet = publisher;
      republishedBy ??= publisher;
      const site = hits.find((h) => h.role === 'publisher');
      if (site) addHit(site.facts, 'republisher', null, null);
    }
  }

  // --- every other outlet named in the text: role from its context
  for (const m of lookup.findInText(text)) {
    if (used.some((u) => u.start < m.end && m.start < u.end)) continue;
    addHit(m.facts, roleInContext(text, doc, m, residue), m.start, m.end);
  }
  for (const d of descriptorOutlets(text, lookup)) {
    if (used.some((u) => u.start < d.end && d.start < u.end)) continue;
    if (hits.some((h) => h.start !== null && h.start <= d.start && d.end <= h.end!)) continue;
    addHit(d.facts, roleInContext(text, doc, d, residue), d.start, d.end);
  }

  // --- date
  dateCandidates.sort((a, b) => b.rank - a.rank || a.span.start - b.span.start);
  let date: string | null = dateCandidates[0]?.iso ?? null;
  let dateSpan: Span | null = dateCandidates[0] && dateCandidates[0].span.start >= 0 ? dateCandidates[0].span : null;
  if (date === null && dateline?.date) {
    const full = findFullDate(dateline.date);
    date = full ? full.iso : dateline.date;
    dateSpan = { start: dateline.start, end: dateline.end };
  }

  // --- author-view disclaimer without an author
  const disclaimer = notices.find((n) => n.kind === 'disclaimer');
  const authorlessDisclaimer = disclaimer && byline === null ? { start: disclaimer.start, end: disclaimer.end } : null;

  const outlets = mergeHits(hits);
  return {
    report: {
      byline,
      date,
      dateline: dateline ? { place: dateline.place, credit: dateline.credit } : null,
      publisher,
      republishedBy,
      url: page ? (page.canonical ?? page.url) : null,
      outlets,
      residue: residue.map((r) => ({ start: r.start, end: r.end, text: r.text, kind: r.kind })),
    },
    residue,
    dateline,
    notices,
    bylineSpan,
    dateSpan,
    authorlessDisclaimer,
  };
}

function linesOf(doc: Document): Line[] {
  const out: Line[] = [];
  doc.paragraphs.forEach((p, paragraph) => {
    let at = p.start;
    for (const piece of doc.text.slice(p.start, p.end).split('\n')) {
      const lead = piece.length - piece.trimStart().length;
      const t = piece.trim();
      if (t) out.push({ start: at + lead, end: at + lead + t.length, text: t, paragraph });
      at += piece.length + 1;
    }
  });
  return out;
}

/** A credit written as initials ("AA") of an outlet the text names in full ("Anadolu Agency"). */
function acronymOf(credit: string, text: string, lookup: OutletLookup): OutletFacts | null {
  if (!/^\p{Lu}{2,6}$/u.test(credit)) return null;
  const initials = (s: string) => s.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  for (const m of lookup.findInText(text)) {
    if (initials(text.slice(m.start, m.end)) === credit || initials(m.facts.name) === credit) return m.facts;
  }
  return null;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

interface ParsedByline {
  names: string | null;
  namesLength: number;
  outlet: { facts: OutletFacts; index: number; length: number } | null;
  date: string | null;
}

/** "Jane Doe", "A and B, Associated Press", "Ana Ruiz | March 4, 2025", "Li Wei, CGTN". */
function parseByline(rest: string, lookup: OutletLookup): ParsedByline {
  const out: ParsedByline = { names: null, namesLength: 0, outlet: null, date: null };
  const cut = /\s+[|·•]\s+|\s+[-–—]\s+/.exec(rest);
  if (cut) {
    out.date = findFullDate(rest.slice(cut.index))?.iso ?? null;
    rest = rest.slice(0, cut.index);
  }
  rest = rest.replace(/[.,;:\s]+$/, '');
  const segments = rest.split(/\s*,\s*/);
  const names: string[] = [];
  let offset = 0;
  for (const [k, seg] of segments.entries()) {
    const index = rest.indexOf(seg, offset);
    offset = index + seg.length;
    const facts = lookup.byName(seg) ?? (k > 0 ? firstMention(lookup, seg, true)?.facts : undefined);
    if (facts || (k > 0 && (OUTLET_WORDS.test(seg) || /^\p{Lu}{2,6}$/u.test(seg)))) {
      out.outlet ??= { facts: facts ?? unknownOutlet(seg), index, length: seg.length };
      break;
    }
    if (ROLE_WORDS.test(seg)) break;
    const person = seg.replace(/\s+in\s+[\p{Lu}][\p{L} ]*$/u, '');
    // Anything that is not a name, an outlet or a job title means this is a sentence ("By Monday, the river...").
    if (!isNames(person) || NOT_NAMES.test(person)) return { ...out, names: null, namesLength: 0, outlet: null };
    names.push(person);
    out.namesLength = index + person.length;
  }
  if (names.length > 0) out.names = names.join(', ');
  return out;
}

/** The first registry outlet named in a short string; with `whole`, only when it covers the string. */
function firstMention(lookup: OutletLookup, s: string, whole = false) {
  const m = lookup.findInText(s)[0];
  if (!m) return null;
  if (whole && s.replace(/^the\s+/i, '').trim().length > m.end - m.start + 1) return null;
  return m;
}

/** The outlet named at the start of `rest` (a notice's object): registry first, then capitalised words. */
function outletAtStart(rest: string, lookup: OutletLookup): { facts: OutletFacts; index: number; length: number; written: string } | null {
  const lead = /^\s*(?:the\s+)?/i.exec(rest)![0].length;
  const m = lookup.findInText(rest.slice(0, 120)).find((x) => x.start <= lead + 1);
  if (m) return { facts: m.facts, index: m.start, length: m.end - m.start, written: rest.slice(m.start, m.end) };
  // Only now: CAP_PHRASE is costly to compile, and a notice mostly names a known outlet.
  const capStart = rest.length - rest.trimStart().length;
  const written = capPhrase(rest.trimStart()) ?? '';
  if (written.length >= 2) {
    const facts = lookup.byName(written) ?? unknownOutlet(written);
    return { facts, index: capStart, length: written.length, written };
  }
  const word = /^\s*([\p{L}][\p{L}\d.-]{1,30})\s*[.]?\s*$/u.exec(rest);
  if (word) {
    const w = word[1].replace(/\.$/, '');
    return { facts: lookup.byName(w) ?? unknownOutlet(w), index: rest.indexOf(w), length: w.length, written: w };
  }
  return null;
}

/**
 * `hint`: a cheap test for a word every match of `re` contains, so the costly pattern only runs on
 * the few lines that can match (same flags, so case folding agrees).
 */
const NOTICE_FORMS: ReadonlyArray<{ re: RegExp; hint?: RegExp; kind: NoticeKind; role: OutletRole | 'site' | 'copyright' | null }> = [
  { re: /\b(?:originally|first)\s+(?:published|appeared|ran|posted|aired)\s+(?:by|in|on|at)\s+/giu, hint: /originally|first/iu, kind: 'republication', role: 'origin' },
  { re: /\b(?:republished|reprinted|reposted|adapted|excerpted|syndicated)\s+from\s+/giu, hint: /from/iu, kind: 'republication', role: 'origin' },
  { re: /\b(?:re-?published|reprinted|reposted|syndicated)\s+(?:here\s+)?(?:by|on|at)\s+(?!permission|this\b)/giu, hint: /publish|reprint|repost|syndicat/iu, kind: 'republication', role: 'republisher' },
  { re: /\b(?:re-?published|reprinted|reposted)\s+(?:here|on this (?:site|website|page))\b/giu, hint: /publish|reprint|repost/iu, kind: 'republication', role: 'site' },
  { re: /^(?:published by)\s+/giu, kind: 'published-by', role: 'publisher' },
  { re: /^(?:sources?|courtesy(?:\s+of)?|credit)\s*:\s*/giu, kind: 'source', role: 'origin' },
  { re: /^via\s+/giu, kind: 'source', role: 'origin' },
  { re: /^(?:(?:copyright|©|\(c\))\s*)+(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[,\s]*/giu, kind: 'copyright', role: 'copyright' },
];

/** Every disclaimer names views or opinions: lines without either skip the long pattern. */
const DISCLAIMER_HINT = /views|opinions/iu;
const DISCLAIMER = /\b(?:views|opinions)\b.{0,60}\b(?:are|is|remain)\b.{0,30}\b(?:the\s+)?(?:author|writer|contributor|columnist)(?:['’]s?)?(?:\s+own)?\b|\b(?:views|opinions)\b.{0,60}\bthose of the (?:author|writer)/iu;

function readNotices(line: Line, lookup: OutletLookup, page: PageMeta | null, notices: Notice[], addHit: (f: OutletFacts, r: OutletRole, s: number | null, e: number | null) => void): void {
  if (DISCLAIMER_HINT.test(line.text) && DISCLAIMER.test(line.text)) {
    notices.push({ kind: 'disclaimer', start: line.start, end: line.end, outlet: null, role: null });
    return;
  }
  for (const form of NOTICE_FORMS) {
    if (form.hint && !form.hint.test(line.text)) continue;
    form.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = form.re.exec(line.text))) {
      const after = m.index + m[0].length;
      if (form.role === 'site') {
        notices.push({ kind: form.kind, start: line.start + m.index, end: line.start + after, outlet: null, role: 'republisher' });
        continue;
      }
      if (form.kind === 'copyright' && line.text.length > 120) continue;
      if (form.kind === 'source' && line.text.length > 100) continue;
      const found = outletAtStart(line.text.slice(after), lookup);
      if (!found) continue;
      const start = line.start + after + found.index;
      let role: OutletRole;
      if (form.role === 'copyright') {
        // A news agency's own rights notice marks the copy as the agency's; a site's marks the publisher.
        role = found.facts.agency ? 'origin' : 'publisher';
      } else role = form.role!;
      addHit(found.facts, role, start, start + found.length);
      notices.push({ kind: form.kind, start: line.start + m.index, end: line.end, outlet: found.written, role });
    }
  }
  void page;
}

/**
 * The descriptor nouns DESCRIPTOR needs (same flags). A match never crosses a line break, so the
 * long pattern runs only on the lines that hold one of them, not on the whole text.
 */
const DESCRIPTOR_NOUN = /newspaper|daily|tabloid|broadcaster|news agency|news site|news website|news portal|magazine|weekly|TV channel|television channel|radio station/giu;

/** Outlets the registry does not know, named with a descriptor: "the newspaper Pravda". */
function descriptorOutlets(text: string, lookup: OutletLookup): Array<{ facts: OutletFacts; start: number; end: number }> {
  const out: Array<{ facts: OutletFacts; start: number; end: number }> = [];
  DESCRIPTOR_NOUN.lastIndex = 0;
  for (let hit = DESCRIPTOR_NOUN.exec(text); hit; hit = DESCRIPTOR_NOUN.exec(text)) {
    const lineStart = text.lastIndexOf('\n', hit.index) + 1;
    const newline = text.indexOf('\n', hit.index);
    const lineEnd = newline < 0 ? text.length : newline;
    descriptorsInLine(text, lineStart, text.slice(lineStart, lineEnd), lookup, out);
    DESCRIPTOR_NOUN.lastIndex = lineEnd;
  }
  return out;
}

function descriptorsInLine(text: string, lineStart: number, line: string, lookup: OutletLookup, out: Array<{ facts: OutletFacts; start: number; end: number }>): void {
  DESCRIPTOR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DESCRIPTOR.exec(line))) {
    const at = lineStart + m.index + m[0].length;
    const name = capPhrase(text.slice(at, at + 80));
    if (!name) continue;
    if (name.length < 2 || /^(?:The|A|An|In|On|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(name)) continue;
    out.push({ facts: lookup.byName(name) ?? unknownOutlet(name), start: at, end: at + name.length });
  }
}

/** primary-source when the outlet's words are passed on, mentioned otherwise (always mentioned in residue). */
function roleInContext(text: string, doc: Document, m: Span, residue: readonly Span[]): OutletRole {
  if (insideResidue(residue, m.start, m.end)) return 'mentioned';
  const para = spanAt(doc.paragraphs, m.start, m.end);
  const from = Math.max(para?.start ?? 0, m.start - 80);
  const to = Math.min(para?.end ?? text.length, m.end + 120);
  const before = text.slice(from, m.start).split(/[.!?]\s+/).pop() ?? '';
  const after = text.slice(m.end, to);
  if (BEFORE_CUE.test(foldForUnicodeCase(before)) || AFTER_CUE.test(foldForUnicodeCase(after))) return 'primary-source';
  return 'mentioned';
}

function mergeHits(hits: OutletHit[]): ReportOutlet[] {
  const byKey = new Map<string, OutletHit>();
  for (const h of hits) {
    const seen = byKey.get(h.facts.key);
    if (!seen) byKey.set(h.facts.key, { ...h });
    else if (ROLE_RANK[h.role] > ROLE_RANK[seen.role]) byKey.set(h.facts.key, { ...h, start: h.start ?? seen.start, end: h.start === null ? seen.end : h.end });
    else if (seen.start === null && h.start !== null) {
      seen.start = h.start;
      seen.end = h.end;
    }
  }
  return [...byKey.values()].map((h) => ({
    name: h.facts.name,
    role: h.role,
    owner: h.facts.owner,
    country: h.facts.country,
    typology: h.facts.typology,
    typologyLabel: h.facts.typologyLabel,
    typologySource: h.facts.typologySource,
    start: h.start,
    end: h.end,
  }));
}
