/**
 * Imports the State Media Monitor matrix (ASD at GMF, state-media-profiles, MIT licence) into
 * rules/outlets/state-media-monitor.json: one entry per data row, with stable ids, host names,
 * the typology code and a `textMatch` flag that says whether the outlet's name may be matched as a
 * phrase in article text.
 *
 * Usage (from the repository root, after `npm run build`):
 *   node dist/scripts/import-state-media.js [CSV] [--out FILE] [--imported TEXT]
 *
 * CSV defaults to ../shared/data/state-media-matrix.csv. `--imported` records where the data file
 * came from (a date or a commit of the upstream repository); without it the field is omitted,
 * never filled with today's date, so re-running the import on the same file gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

// ---------------------------------------------------------------------------------------------
// Output shape
// ---------------------------------------------------------------------------------------------

export interface MatrixOutlet {
  id: string;
  name: string;
  /** the "Main assets" cell exactly as written, when `name` had to be cleaned */
  nameAsWritten?: string;
  aliases: string[];
  hosts: string[];
  url: string | null;
  owner: string | null;
  country: string | null;
  region: string | null;
  typology: string | null;
  /** the "Typology" cell as written, when it differs from `typology` (e.g. "ISFM?") */
  typologyAsWritten?: string;
  /** the matrix marks the code with "?" */
  typologyUncertain?: boolean;
  status: string | null;
  notes: string | null;
  textMatch: boolean;
  /** line of the CSV file the entry comes from (1 = header) */
  line: number;
}

export interface MatrixFile {
  source: {
    name: string;
    repository: string;
    file: string;
    licence: string;
    attribution: string;
    imported?: string;
    sha256: string;
  };
  outlets: MatrixOutlet[];
}

// ---------------------------------------------------------------------------------------------
// Word lists (ours). Kept small and explicit; see rules/outlets/README.md for what they do.
// ---------------------------------------------------------------------------------------------

export const KNOWN_TYPOLOGY = ['SC', 'CaPu', 'CaPr', 'ISFM', 'ISF', 'ISM', 'IP'] as const;

/** Ordinary English words that appear in outlet names; a name made only of these is not matched. */
const COMMON_WORDS = new Set(
  `a an the of and or in on at to for from by with as is it its this that these those here there
  now today tonight tomorrow yesterday day daily night morning evening week weekly month monthly
  year annual time times age era hour minute moment life living live world global international
  national nation state states central local regional region country city town village metro
  capital public private people peoples person citizen citizens voice voices word words news
  newspaper paper papers print post press mail express herald star stars sun moon sky mirror
  chronicle tribune observer guardian independent standard telegraph journal gazette record
  bulletin courier dispatch monitor globe planet earth review report reporter reports story stories
  info information informer focus outlook vision view views insight pulse echo spotlight update
  updates alert flash direct prime gold silver light new old first second third one two three four
  five six seven eight nine ten eleven twelve hundred thousand number numbers once twice rising
  east west south north eastern western southern northern middle orient oriental business economy
  economic economics finance financial money market markets trade industry bank capital investor
  legal law justice court military army navy force forces defence defense security police war peace
  science technology tech culture cultural art arts music show shows entertainment sport sports game
  games play player team club cup league champion health family home house women woman men man
  youth kids children child school university student students education learning union republic
  democracy democrat freedom free liberty truth true fact facts real open plus max mix hits hit
  classic retro love power energy auto car travel weather heart soul mind space nature sea ocean
  river mountain island islands bay gulf coast land peninsula mercury vanguard pioneer
  sentinel spectator examiner inquirer enquirer leader leaders messenger herald times today
  community channel channels network networks broadcasting broadcast broadcaster broadcasters
  corporation company group media service services agency agencies office radio television tv video
  film films cinema online digital web net link line lines box soap talk chat question answer zone
  point big small good best great top high low hot cool smart quick fast more most all every
  future past history heritage tradition modern current trend style fashion pride hope faith dawn
  sunrise sunset spring summer autumn winter gate bridge road street square park garden tower palace
  government ministry council assembly parliament congress senate federal general common civil
  social political special official main major key royal king queen crown empire worker workers
  labour labor farmer farmers rural urban continental horizons horizon diary digest weekend
  sunday saturday monday friday outlook review era box soap days fresh`.split(/\s+/).filter(Boolean),
);

/** Words that only say what kind of medium something is (in the languages of the matrix). */
const GENERIC_MEDIA = new Set(
  `radio radyo rádio ràdio radiou radiosi radiosu tv tele télé tv2 television televisión televisão
  télévision televizija televizioni televisio teleradio canal kanal kanali channel fm am hd news
  noticias noticiero nacional nationale national nazionale nacionale publica pública público publico
  public diario daily journal gazeta gazette press presse prensa agency agencia agência agence
  network red rede service servicio corporation corporacion corporación info online web portal
  de del du des la le les el los las da do di y e et und i the of and al el online first one uno
  prva prvi pervyy primer premier 1st gobierno congreso universidad legislativa legislativo asamblea`.split(/\s+/).filter(Boolean),
);

/**
 * All-caps names of 2-3 letters are matched in text only if listed here: most short acronyms mean
 * something else in news text (DR Congo, HR, MRT, KTV, AKP, RSS, ...). These are outlets that news
 * text names by their acronym and whose acronym has no more common meaning in English text.
 */
const SHORT_ACRONYMS_ALLOWED = new Set(
  `DW RT ČT ČRo SRo ARD ZDF ORF RAI NRK SVT YLE NHK KBS TRT EFE CTK ČTK BTA MTI RTP RTÉ RTE RUV
  VRT TVP ERR LTV BNT SRF RSI QNA WAM IHA`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Names and acronyms that are not matched in text because, as written, they more often mean
 * something else in news text: places, parties, people's names, ordinary words of other languages,
 * products. (Checked by hand against the matrix; extend when a false match turns up.)
 */
const AMBIGUOUS = new Set(
  `Today Star Gold Mir Ria Anis Sabah Hayat Javan Watan Quds Khorasan Felestin Svoboda Gunes Prva
  Prvi Liter Eurostar Domingo Horizons Informer Noticias Desafio Erina Zvezda Vesti Respublika
  Turkiye Türkiye Ukraina Qazaqstan Oʻzbekiston Turkmenistan Azerbaijan Iran
  AKP LNR RSS PIA NPO RTI LBS ENA TAP STA APS ACP APP NBC ABC CBC MTV ATV STV ETV MBC NBT IOL ONA TDH
  RPA TPA VOC ANP AIP ABP ACN AGN TBC NTA PTS RCG WAL EBS BRT BNR BTV GTV TVM HTV KTV SBS BBS BSS
  KBC MRT ETB NTK RTB TVT TVG VTC VTV VON TAK TVN TVB TVK RTV RTM PTV PBC PBS EPRS IMER LENA LINA
  PETRA ONT OTR SPR TNH LR HR MR DR IT US UK UN EU`
    .split(/\s+/)
    .filter(Boolean),
);

/** Countries and places that appear as one-word outlet names (besides the Country column). */
const PLACES = new Set(
  `Iran Turkiye Türkiye Turkey Ukraina Ukraine Qazaqstan Kazakhstan Oʻzbekiston Uzbekistan
  Turkmenistan Azerbaijan Khorasan Quds Felestin Palestine Sabah Afghanistan`
    .split(/\s+/)
    .filter(Boolean),
);

/** Articles and prepositions (English and the other languages of the matrix's names). */
const FUNCTION_WORDS = new Set(
  `the a an of and in on at for to by with de del du des la le les el los las da do di y e et und i al
  en`.split(/\s+/).filter(Boolean),
);

/** Category prefixes the matrix puts before some asset names ("Print: The Herald"). */
const FORMAT_PREFIX = /^(?:news agency|print media|print|television|radio|online|news portals)\s*:\s*/i;

const LANGUAGE_WORDS = new Set(
  `english arabic chinese french german japanese korean russian spanish portuguese persian turkish
  urdu italian greek polish serbian georgian hindi`.split(/\s+/),
);

/** Parenthesised parts that are glosses or data errors, not names the outlet goes by. */
const NOT_AN_ALIAS = new Set([
  'Focus on Crimea events', // a description of Krym Realii
  'Voice of America in Russian', // a gloss of Golos Ameriki
  'Zhōngguó Qīngnián Bào', // in "China Daily (...)": that is China Youth Daily's name, listed on its own row
  'Canal 7',
  'Channel 30',
]);

/** Names the matrix gives in a shortened or run-together form, with the name the outlet uses. */
const KNOWN_FULL_NAMES: Record<string, string[]> = {
  'Kurier dailies - Lubelsk': ['Kurier Lubelski'],
};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’ʼ]/g, "'")
    .toLowerCase();
}

export function slugify(s: string, max = 60): string {
  let slug = fold(s)
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > max) {
    slug = slug.slice(0, max);
    const cut = slug.lastIndexOf('-');
    if (cut > max / 2) slug = slug.slice(0, cut);
  }
  return slug;
}

/** Words of a phrase, as the registry's matcher cuts them (letters, digits, inner apostrophes). */
export function words(s: string): string[] {
  return s.match(/[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*/gu) ?? [];
}

const PLATFORM_HOSTS = new Set([
  'facebook.com', 'youtube.com', 'twitter.com', 'x.com', 'instagram.com', 't.me', 'vk.com', 'ok.ru',
  'tiktok.com', 'linkedin.com', 'rutube.ru', 'blogspot.com', 'wordpress.com', 'medium.com',
  'google.com', 'soundcloud.com',
]);

export function hostOf(url: string): string | null {
  const u = url.trim();
  if (!u) return null;
  try {
    const parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(u) ? u : `http://${u}`);
    const host = parsed.hostname.toLowerCase().replace(/\.$/, '').replace(/^www\d*\./, '');
    return host || null;
  } catch {
    return null;
  }
}

function isAcronymLike(word: string): boolean {
  // two or more capitals and no run of two lower-case letters: RT, CGTN, ČRo, CyBC, RTVFBiH, RTS1
  const caps = word.match(/\p{Lu}/gu)?.length ?? 0;
  return caps >= 2 && !/\p{Ll}{3,}/u.test(word);
}

function isGenericWord(w: string): boolean {
  const f = fold(w);
  if (/^\d+$/.test(f)) return true;
  if (GENERIC_MEDIA.has(f)) return true;
  const letters = f.replace(/\d+/g, '');
  return letters !== f && (letters === '' || GENERIC_MEDIA.has(letters));
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/** Decides whether a phrase may be looked for in article text (before collision checks). */
export function matchable(phrase: string, places: Set<string>): Verdict {
  const ws = words(phrase);
  if (ws.length === 0) return { ok: false, reason: 'no words' };
  if (AMBIGUOUS.has(phrase.trim())) return { ok: false, reason: 'ambiguous (hand list)' };
  if (ws.length === 1) {
    const w = ws[0];
    if (isAcronymLike(w)) {
      const letters = w.replace(/[^\p{L}]/gu, '');
      if (letters.length < 2) return { ok: false, reason: 'too short' };
      if (COMMON_WORDS.has(fold(w))) return { ok: false, reason: 'acronym is a common word' };
      if (letters.length <= 3 && !SHORT_ACRONYMS_ALLOWED.has(w)) {
        return { ok: false, reason: 'short acronym with other meanings' };
      }
      return { ok: true };
    }
    if (isGenericWord(w)) return { ok: false, reason: 'generic word or number' };
    if (COMMON_WORDS.has(fold(w))) return { ok: false, reason: 'ordinary English word' };
    if (places.has(fold(w))) return { ok: false, reason: 'place name' };
    if (w.replace(/[^\p{L}]/gu, '').length < 4) return { ok: false, reason: 'too short' };
    return { ok: true };
  }
  // "Daily News", "Radio Nacional", "Canal 12": only words that say what kind of medium it is.
  const content = ws.filter((w) => !FUNCTION_WORDS.has(fold(w)));
  if (content.every(isGenericWord)) return { ok: false, reason: 'only generic media words or numbers' };
  // "The Star", "The Mirror", "Global Times", "Money FM": ordinary words that many outlets share
  // or that occur in running text. Three or more content words make a distinctive phrase.
  const ordinary = (w: string) => isGenericWord(w) || COMMON_WORDS.has(fold(w));
  if (content.length <= 2 && content.every(ordinary)) return { ok: false, reason: 'ordinary words' };
  return { ok: true };
}

interface Cleaned {
  name: string;
  /** phrases the name is made of, for aliases: outside and inside parentheses, prefix removed */
  parts: string[];
  fixes: string[];
}

/** Cleans a "Main assets" cell: category prefix, stray "*", unbalanced parentheses. */
export function cleanName(raw: string): Cleaned {
  const fixes: string[] = [];
  let name = raw.replace(/\s+/g, ' ').trim();
  if (/\*$/.test(name)) {
    name = name.replace(/\s*\*+$/, '');
    fixes.push('trailing "*" removed');
  }
  if (FORMAT_PREFIX.test(name)) {
    name = name.replace(FORMAT_PREFIX, '');
    fixes.push('category prefix removed');
  }
  const open = (name.match(/\(/g) ?? []).length;
  const close = (name.match(/\)/g) ?? []).length;
  if (open > close) {
    name = name + ')'.repeat(open - close);
    fixes.push('closing parenthesis added');
  } else if (close > open && !name.includes('(')) {
    name = name.replace(/\)/g, '').trim();
    fixes.push('stray ")" removed');
  }
  const parts: string[] = [];
  const m = /^(.*?)\s*\((.*)\)\s*$/.exec(name);
  if (m) {
    const outer = m[1].trim();
    let inner = m[2].trim().replace(FORMAT_PREFIX, '');
    const innerWords = words(inner).map(fold);
    const isLanguage = innerWords.length === 1 && LANGUAGE_WORDS.has(innerWords[0]);
    const isEdition = /\bedition$/i.test(inner);
    const isControl = /^control\b/i.test(inner);
    // "SABA (Control of ...)": two rival outlets under one name; the bare name is ambiguous.
    if (outer && !isControl) parts.push(outer);
    if (inner && !isLanguage && !isEdition && !isControl && !NOT_AN_ALIAS.has(inner)) {
      inner = inner.replace(/\)+$/, '');
      parts.push(inner);
    }
  } else {
    const dailies = /^(.*?)\s+dailies\s*-\s*(.+)$/i.exec(name);
    if (dailies) parts.push(`${dailies[1]} ${dailies[2]}`);
    const dash = /^(.+?)\s*-\s+(.+)$/.exec(name);
    if (!dailies && dash && /^[A-Z]{2,}$/.test(dash[1])) parts.push(dash[1]);
  }
  const known = KNOWN_FULL_NAMES[raw.trim()];
  if (known) parts.splice(0, parts.length, ...known);
  return { name, parts, fixes };
}

function normOwner(owner: string): string {
  return fold(owner.replace(/\(.*?\)/g, '').replace(/\*/g, '')).replace(/\s+/g, ' ').trim();
}

function normTypology(raw: string, warn: (m: string) => void): Pick<MatrixOutlet, 'typology' | 'typologyAsWritten' | 'typologyUncertain'> {
  const t = raw.trim();
  if (!t) return { typology: null };
  const uncertain = /\?\s*$/.test(t);
  const core = t.replace(/\?\s*$/, '').trim();
  const known = KNOWN_TYPOLOGY.find((k) => k.toLowerCase() === core.toLowerCase());
  if (!known) {
    warn(`unknown typology code "${t}" kept as written`);
    return { typology: t };
  }
  const out: Pick<MatrixOutlet, 'typology' | 'typologyAsWritten' | 'typologyUncertain'> = { typology: known };
  if (known !== t) out.typologyAsWritten = t;
  if (uncertain) out.typologyUncertain = true;
  return out;
}

function nullIfEmpty(s: string | undefined): string | null {
  const t = (s ?? '').trim();
  return t ? t : null;
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

interface Row {
  [column: string]: string;
}

interface ParsedRecord {
  record: Row;
  info: { lines: number };
}

export interface ImportResult {
  file: MatrixFile;
  warnings: string[];
  dataRows: number;
  skipped: number;
}

export function importMatrix(csvText: string, options: { imported?: string; fileName?: string } = {}): ImportResult {
  const warnings: string[] = [];
  const records = parse(csvText, {
    columns: true,
    bom: true,
    info: true,
    skip_empty_lines: true,
    relax_column_count: true,
  }) as unknown as ParsedRecord[];

  const required = ['Region', 'Country', 'Media company', 'Main assets', 'URL', 'Typology', 'Status', 'Notes'];
  const first = records[0]?.record;
  if (first) {
    for (const col of required) {
      if (!(col in first)) throw new Error(`column "${col}" not found in the CSV header`);
    }
  }

  const places = new Set<string>([...PLACES].map(fold));
  for (const { record } of records) {
    const c = (record['Country'] ?? '').trim();
    if (c) places.add(fold(c));
  }

  interface Draft {
    outlet: MatrixOutlet;
    slug: string;
    parts: string[];
    ownerKey: string;
  }
  const drafts: Draft[] = [];
  let skipped = 0;
  for (const { record, info } of records) {
    const line = info.lines;
    const warn = (m: string) => warnings.push(`line ${line}: ${m}`);
    const values = Object.values(record).map((v) => (v ?? '').trim());
    if (values.every((v) => v === '')) {
      warn('blank row skipped');
      skipped++;
      continue;
    }
    const rawName = (record['Main assets'] ?? '').trim();
    const country = nullIfEmpty(record['Country']);
    if (!rawName) {
      warn('no "Main assets" name; row skipped');
      skipped++;
      continue;
    }
    const cleaned = cleanName(rawName);
    const url = nullIfEmpty(record['URL']);
    const hosts: string[] = [];
    if (url) {
      for (const piece of url.split(/[\s,;]+/).filter(Boolean)) {
        const h = hostOf(piece);
        if (!h) {
          warn(`URL "${piece}" not understood`);
        } else if (PLATFORM_HOSTS.has(h) && !/^(?:[a-z][a-z0-9+.-]*:\/\/)?[^/]+\/?$/i.test(piece)) {
          warn(`URL "${piece}" is a platform page; no host recorded`);
        } else if (!hosts.includes(h)) {
          hosts.push(h);
        }
      }
    }
    const owner = nullIfEmpty(record['Media company']);
    const outlet: MatrixOutlet = {
      id: '',
      name: cleaned.name,
      aliases: [],
      hosts: hosts.sort(),
      url,
      owner,
      country,
      region: nullIfEmpty(record['Region']),
      ...normTypology(record['Typology'] ?? '', warn),
      status: nullIfEmpty(record['Status']),
      notes: nullIfEmpty(record['Notes']),
      textMatch: false,
      line,
    };
    if (cleaned.name !== rawName) outlet.nameAsWritten = rawName;
    if (outlet.typology === null) warn('no typology');
    // A name in a non-Latin script loses letters in the slug ("CGTN Русский" -> "cgtn"): add the host.
    let assetSlug = slugify(cleaned.name) || 'outlet';
    const lostLetters = /[^\p{Script=Latin}\P{L}]/u.test(cleaned.name.normalize('NFKD'));
    if (lostLetters && hosts[0]) assetSlug = `${assetSlug}--${slugify(hosts[0])}`;
    drafts.push({
      outlet,
      slug: `${slugify(country ?? 'unknown')}/${assetSlug}`,
      parts: cleaned.parts,
      ownerKey: normOwner(owner ?? cleaned.name),
    });
  }

  // --- phrases: which entries claim which phrase (to find names shared by different owners)
  const phraseKey = (p: string) => words(p).map(fold).join(' ');
  const claims = new Map<string, Set<string>>();
  const candidatePhrases = (d: Draft): string[] => {
    const list = d.parts.length > 0 ? [...d.parts] : [d.outlet.name];
    return [...new Set(list.map((p) => p.trim()).filter(Boolean))];
  };
  for (const d of drafts) {
    for (const p of [d.outlet.name, ...candidatePhrases(d)]) {
      const k = phraseKey(p);
      if (!k) continue;
      let set = claims.get(k);
      if (!set) claims.set(k, (set = new Set()));
      set.add(d.ownerKey);
    }
  }
  const shared = (p: string) => (claims.get(phraseKey(p))?.size ?? 0) > 1;

  for (const d of drafts) {
    const o = d.outlet;
    const hasParts = d.parts.length > 0;
    const nameOk = !hasParts && !o.name.includes('(') && matchable(o.name, places).ok && !shared(o.name);
    const aliases = hasParts
      ? candidatePhrases(d).filter((p) => p !== o.name && matchable(p, places).ok && !shared(p))
      : [];
    o.aliases = [...new Set(aliases)].sort((a, b) => a.localeCompare(b, 'en'));
    o.textMatch = nameOk || o.aliases.length > 0;
  }

  // --- stable ids: the slug; names that occur more than once get the host (or a number) appended.
  // The entry with the shortest host (the outlet's main site) keeps the bare slug.
  // The entry whose host looks most like the outlet's main site keeps the bare slug: a host that
  // contains the name, then fewer labels, then shorter, then alphabetical.
  const hostRank = (o: MatrixOutlet) => {
    const h = o.hosts[0];
    if (!h) return '~';
    const compact = slugify(o.name).replace(/-/g, '');
    const named = compact && h.replace(/[^a-z0-9]/g, '').includes(compact) ? '0' : '1';
    return `${named}${String(h.split('.').length).padStart(2, '0')}${String(h.length).padStart(3, '0')}${h}`;
  };
  const sortKey = (o: MatrixOutlet) =>
    [hostRank(o), o.owner ?? '', o.typology ?? '', o.status ?? '', o.notes ?? '', o.nameAsWritten ?? o.name, o.url ?? ''].join('\u0000');
  const bySlug = new Map<string, Draft[]>();
  for (const d of drafts) {
    const list = bySlug.get(d.slug) ?? [];
    list.push(d);
    bySlug.set(d.slug, list);
  }
  const used = new Set<string>();
  for (const [slug, group] of [...bySlug].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    group.sort((a, b) => {
      const ka = sortKey(a.outlet);
      const kb = sortKey(b.outlet);
      return ka < kb ? -1 : ka > kb ? 1 : a.outlet.line - b.outlet.line;
    });
    group.forEach((d, i) => {
      let id = slug;
      if (i > 0) {
        const host = d.outlet.hosts[0];
        id = host ? `${slug}--${slugify(host)}` : `${slug}-${i + 1}`;
        let n = 2;
        while (used.has(id)) id = `${slug}--${host ? slugify(host) + '-' : ''}${n++}`;
      }
      used.add(id);
      d.outlet.id = id;
    });
  }

  const outlets = drafts.map((d) => d.outlet).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const file: MatrixFile = {
    source: {
      name: 'State Media Monitor / GMF ASD state-media-profiles',
      repository: 'github.com/ASD-at-GMF/state-media-profiles',
      file: options.fileName ?? 'state-media-matrix.csv',
      licence: 'MIT',
      attribution:
        'State media profiles, Alliance for Securing Democracy at the German Marshall Fund, github.com/ASD-at-GMF/state-media-profiles, MIT licence; typology of the State Media Monitor',
      ...(options.imported ? { imported: options.imported } : {}),
      sha256: createHash('sha256').update(csvText).digest('hex'),
    },
    outlets,
  };
  return { file, warnings, dataRows: records.length, skipped };
}

export function summarise(result: ImportResult): string {
  const { outlets } = result.file;
  const per = new Map<string, number>();
  for (const o of outlets) per.set(o.typology ?? '(none)', (per.get(o.typology ?? '(none)') ?? 0) + 1);
  const order = [...KNOWN_TYPOLOGY, ...[...per.keys()].filter((k) => !(KNOWN_TYPOLOGY as readonly string[]).includes(k)).sort()];
  const lines = [
    `rows read: ${result.dataRows} (skipped: ${result.skipped})`,
    `entries: ${outlets.length}`,
    `per typology: ${order.filter((k) => per.has(k)).map((k) => `${k} ${per.get(k)}`).join(', ')}`,
    `typology marked uncertain ("?"): ${outlets.filter((o) => o.typologyUncertain).length}`,
    `textMatch false: ${outlets.filter((o) => !o.textMatch).length}`,
    `no host: ${outlets.filter((o) => o.hosts.length === 0).length}`,
    `with aliases: ${outlets.filter((o) => o.aliases.length > 0).length}`,
  ];
  return lines.join('\n');
}

function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

function main(argv: string[]): number {
  const root = repoRoot();
  let csvPath: string | undefined;
  let outPath = path.join(root, 'rules', 'outlets', 'state-media-monitor.json');
  let imported: string | undefined;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--out') outPath = path.resolve(argv[++i] ?? '');
    else if (a === '--imported') imported = argv[++i];
    else if (a === '--quiet') quiet = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write('usage: node dist/scripts/import-state-media.js [CSV] [--out FILE] [--imported TEXT] [--quiet]\n');
      return 0;
    } else if (a.startsWith('--')) {
      process.stderr.write(`unknown option ${a}\n`);
      return 2;
    } else csvPath = path.resolve(a);
  }
  csvPath ??= path.resolve(root, '..', 'shared', 'data', 'state-media-matrix.csv');
  if (!existsSync(csvPath)) {
    process.stderr.write(`import-state-media: ${csvPath} not found\n`);
    return 1;
  }
  const text = readFileSync(csvPath, 'utf8');
  const result = importMatrix(text, { imported, fileName: path.basename(csvPath) });
  mkdirSync(path.dirname(outPath), { recursive: true });
  writeFileSync(outPath, JSON.stringify(result.file, null, 2) + '\n');
  if (!quiet) for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
  process.stdout.write(`${summarise(result)}\nwritten: ${path.relative(process.cwd(), outPath)}\n`);
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
