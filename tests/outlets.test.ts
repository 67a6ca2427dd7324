import { describe, it, expect } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadOutletRegistry, registrableDomain, normaliseHost, type OutletEntry } from '../src/outlets/registry.js';
import { importMatrix, matchable, type MatrixFile } from '../scripts/import-state-media.js';
import { WordCursor } from '../src/outlets/words.js';

const registry = loadOutletRegistry();
const rulesDir = fileURLToPath(new URL('../rules/outlets/', import.meta.url));
const matrixJson = JSON.parse(readFileSync(`${rulesDir}state-media-monitor.json`, 'utf8')) as MatrixFile;
const csvPath = fileURLToPath(new URL('../../shared/data/state-media-matrix.csv', import.meta.url));
const haveCsv = existsSync(csvPath);

const ids = (text: string) => registry.findInText(text).map((m) => m.entry.id);

describe('loading', () => {
  it('loads without warnings: every stateMediaMonitor reference resolves', () => {
    expect(registry.warnings).toEqual([]);
    expect(registry.entries.length).toBeGreaterThan(1156);
  });

  it('merges curated entries over the matrix: typology from the matrix, hosts united', () => {
    const bbc = registry.byId('curated/bbc');
    expect(bbc?.typology).toBe('IP');
    expect(bbc?.origin).toBe('curated');
    expect(registry.byId('united-kingdom/bbc')).toBe(bbc);
    const rt = registry.byId('curated/rt');
    expect(rt?.typology).toBe('SC');
    expect(rt?.country).toBe('Russia');
    expect(rt?.sources.some((s) => s.fact === 'typology' && /state-media-matrix\.csv/.test(s.source))).toBe(true);
  });

  it('curated entries outside the matrix carry no invented typology, and say who owns them and where that comes from', () => {
    const curated = registry.entries.filter((e) => e.origin === 'curated');
    expect(curated.length).toBeGreaterThanOrEqual(40);
    for (const e of curated) {
      expect(e.kind).not.toBeNull();
      expect(e.sources.some((s) => s.fact === 'owner')).toBe(true);
      if (e.stateMediaMonitor === null) {
        expect(e.typology).toBeNull();
        expect(e.ownership).toEqual(expect.any(String));
      } else {
        expect(e.typology).toBe(registry.byId(e.stateMediaMonitor)?.typology);
      }
      if (e.kind === 'state-media') expect(e.typology).toBe('SC');
    }
  });

  it('ships no third-party ratings', () => {
    const text = readFileSync(`${rulesDir}curated.yaml`, 'utf8') + JSON.stringify(matrixJson);
    expect(text).not.toMatch(/newsguard|media bias\s*\/?\s*fact check|mbfc/i);
  });
});

describe('byHost', () => {
  it('matches the exact host first (without www.)', () => {
    expect(registry.byHost('https://www.bbc.co.uk/news/world-123')?.id).toBe('curated/bbc');
    expect(registry.byHost('de.rt.com')?.id).toBe('russia/rt-deutsch--de-rt-com');
    expect(registry.byHost('military.people.com.cn')?.id).toBe('china/peoples-daily-renmin-ribao--military-people-com-cn');
    expect(registry.byHost('WWW3.NHK.OR.JP')?.id).toBe('curated/nhk');
  });

  it('falls back to the registrable domain, never to a public suffix', () => {
    expect(registry.byHost('https://sport.people.com.cn/x.html')?.id).toBe('curated/peoples-daily');
    expect(registry.byHost('news.bbc.co.uk')?.id).toBe('curated/bbc');
    expect(registry.byHost('espanol.rt.com:443')?.id).toBe('curated/rt');
    expect(registry.byHost('example.co.uk')).toBeUndefined();
    expect(registry.byHost('co.uk')).toBeUndefined();
    expect(registry.byHost('not a url at all')).toBeUndefined();
  });

  it('computes registrable domains with multi-part suffixes', () => {
    expect(registrableDomain('a.b.bbc.co.uk')).toBe('bbc.co.uk');
    expect(registrableDomain('news.cctv.com')).toBe('cctv.com');
    expect(registrableDomain('www.aa.com.tr')).toBe('aa.com.tr');
    expect(registrableDomain('edition.cnn.com')).toBe('cnn.com');
    expect(normaliseHost('HTTPS://WWW.Reuters.com/world/')).toBe('reuters.com');
  });
});

describe('findInText', () => {
  it('matches aliases: "Russia Today" is RT', () => {
    const m = registry.findInText('Russia Today, the broadcaster now called RT, said so.');
    expect(m.map((x) => [x.entry.id, x.matched])).toEqual([
      ['curated/rt', 'Russia Today'],
      ['curated/rt', 'RT'],
    ]);
  });

  it('needs capitals where the name has them ("in Russia today" is not RT)', () => {
    expect(ids('The president is in Russia today.')).toEqual([]);
  });

  it('matches acronyms case-sensitively and as whole words only', () => {
    expect(ids('the art of the start')).toEqual([]);
    expect(ids('rt and ap in lower case')).toEqual([]);
    expect(ids('the AP reported on Monday')).toEqual(['curated/associated-press']);
    expect(ids('WASHINGTON (AP) — Lawmakers')).toEqual(['curated/associated-press']);
    expect(ids('MOSCOW (Reuters) - A')).toEqual(['curated/reuters']);
  });

  it('never matches entries whose name is not safe to match', () => {
    const unsafe = registry.entries.filter((e) => !e.textMatch);
    expect(unsafe.length).toBeGreaterThan(100);
    const text = unsafe.map((e) => e.name).join('. ');
    for (const m of registry.findInText(text)) expect(m.entry.textMatch).toBe(true);
    expect(ids('Today the Daily News and The Star reported. The Nation wept.')).toEqual([]);
  });

  it('prefers the longest match', () => {
    const m = registry.findInText('RIA Novosti said; RIA FAN said; CNN Turk said; Associated Press of Pakistan said.');
    expect(m.map((x) => [x.entry.id, x.matched])).toEqual([
      ['curated/ria-novosti', 'RIA Novosti'],
      ['russia/ria-fan', 'RIA FAN'],
      ['turkey/cnn-turk', 'CNN Turk'],
      ['curated/associated-press-of-pakistan', 'Associated Press of Pakistan'],
    ]);
  });

  it('gives UTF-16 offsets into the text, handles possessives, curly apostrophes and accents', () => {
    const text = '🙂 “Xinhua’s report”, said People’s Daily and RT Espanol.';
    const m = registry.findInText(text);
    expect(m.map((x) => x.matched)).toEqual(['Xinhua', 'People’s Daily', 'RT Espanol']);
    for (const x of m) expect(text.slice(x.start, x.end)).toBe(x.matched);
    expect(m[2].entry.id).toBe('russia/rt-espanol');
  });

  it('lets exceptions cancel a match ("Sputnik V", "CCTV footage", "Michael Bloomberg")', () => {
    expect(ids('She got the Sputnik V vaccine. CCTV footage showed it. Michael Bloomberg said.')).toEqual([]);
    expect(ids('Sputnik reported; CCTV said; Bloomberg reported.')).toEqual([
      'curated/sputnik',
      'curated/cctv',
      'curated/bloomberg',
    ]);
  });

  it('does not join words across sentence punctuation', () => {
    expect(ids('They spoke of radio. Free Europe was the theme.')).toEqual([]);
    expect(ids('Radio Free Europe/Radio Liberty and RFE/RL')).toEqual(['curated/rferl', 'curated/rferl']);
  });
});

describe('imported matrix (rules/outlets/state-media-monitor.json)', () => {
  it('has one entry per non-blank data row: 1,156 (the CSV has 1,157 data lines, the last one blank)', () => {
    expect(matrixJson.outlets).toHaveLength(1156);
    expect(matrixJson.source.licence).toBe('MIT');
    expect(matrixJson.source.repository).toBe('github.com/ASD-at-GMF/state-media-profiles');
  });

  it('has unique, slug-shaped ids', () => {
    const all = matrixJson.outlets.map((o) => o.id);
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
  });

  it('explains every typology code it uses in typology.yaml', () => {
    const codes = new Set(matrixJson.outlets.map((o) => o.typology).filter((c): c is string => c !== null));
    expect([...codes].sort()).toEqual(['CaPr', 'CaPu', 'IP', 'ISF', 'ISFM', 'ISM', 'SC']);
    for (const code of codes) {
      const info = registry.typology(code);
      expect(info?.explanation.length).toBeGreaterThan(50);
      expect(info?.question).toMatch(/\?/);
      expect(info?.source).toMatch(/State Media Monitor/);
    }
    expect(registry.typology('ISFM?')?.code).toBe('ISFM');
  });

  it('is what the importer makes from the CSV today (skipped when ../shared is absent)', () => {
    if (!haveCsv) {
      console.warn(`SKIPPED: ${csvPath} not found; cannot re-check the import`);
      return;
    }
    const result = importMatrix(readFileSync(csvPath, 'utf8'));
    expect(result.file).toEqual(matrixJson);
    expect(result.dataRows).toBe(1157);
    expect(result.skipped).toBe(1);
  });
});

describe('importer', () => {
  const csv = [
    'Region,Country,Media company,Main assets,URL,Typology,Status,Notes',
    'Asia,China,China Media Group,China Global Television Network (CGTN),https://www.cgtn.com/,SC,,',
    'Asia,Testland,Daily Co,Today,,isfm?,,Merged from Project',
    'Asia,Testland,Daily Co,Print: The Herald,herald.test,XYZ,Currently Not Functional,',
    'Asia,Testland,Tele Co,Canal 12,https://www.tv.test/path,CaPu,,',
    ',,,,,,,',
  ].join('\n');
  const result = importMatrix(csv);
  const byName = (n: string) => result.file.outlets.find((o) => o.name === n);

  it('derives hosts, aliases, typology and textMatch', () => {
    expect(result.file.outlets).toHaveLength(4);
    const cgtn = byName('China Global Television Network (CGTN)');
    expect(cgtn?.id).toBe('china/china-global-television-network-cgtn');
    expect(cgtn?.hosts).toEqual(['cgtn.com']);
    expect(cgtn?.aliases).toEqual(['CGTN', 'China Global Television Network']);
    expect(cgtn?.textMatch).toBe(true);
    const today = byName('Today');
    expect(today).toMatchObject({ hosts: [], typology: 'ISFM', typologyAsWritten: 'isfm?', typologyUncertain: true, textMatch: false });
    const herald = byName('The Herald');
    expect(herald).toMatchObject({ nameAsWritten: 'Print: The Herald', typology: 'XYZ', status: 'Currently Not Functional', textMatch: false });
    expect(byName('Canal 12')?.textMatch).toBe(false);
    expect(result.warnings.some((w) => /unknown typology code "XYZ"/.test(w))).toBe(true);
    expect(result.warnings.some((w) => /blank row skipped/.test(w))).toBe(true);
  });

  it('applies the textMatch rules to single names', () => {
    expect(matchable('RT', new Set()).ok).toBe(true);
    expect(matchable('IT', new Set()).ok).toBe(false);
    expect(matchable('Sport', new Set()).ok).toBe(false);
    expect(matchable('The Nation', new Set()).ok).toBe(false);
    expect(matchable('Channel 1', new Set()).ok).toBe(false);
    expect(matchable('Granma', new Set()).ok).toBe(true);
    expect(matchable('Radio Free Asia', new Set()).ok).toBe(true);
  });
});

describe('matching words', () => {
  const WORD = /[\p{L}\p{N}\p{M}]+(?:['’ʼ][\p{L}\p{N}\p{M}]+)*/gu;
  const words = (text: string): string[] => {
    const out: string[] = [];
    const c = new WordCursor(text);
    while (c.next()) out.push(text.slice(c.start, c.end));
    return out;
  };

  it('are the words of the documented pattern, a final "\'s" split off', () => {
    const text = "Xinhua's report, O’Brien's and don't; RT’s 'quote' class'90 naïve Ümit 北京 𝐀𝐁 it's ’s";
    const expected = (text.match(WORD) ?? []).flatMap((w) => {
      const m = /^(.*[\p{L}\p{N}])(['’ʼ][sS])$/u.exec(w);
      return m ? [m[1], m[2]] : [w];
    });
    expect(words(text)).toEqual(expected);
  });

  it('finds the same names with the build-time cache as from the data files', () => {
    const cached = registry;
    const fromFiles = loadOutletRegistry(rulesDir);
    const names = registry.entries.flatMap((e) => [e.name, ...e.aliases, ...e.caseSensitiveAliases, ...e.exceptions]);
    const seps = [' ', ', ', '\n', ' - ', "'s ", '’s ', '. '];
    const text = names.map((n, i) => (i % 3 === 0 ? n.toUpperCase() : i % 3 === 1 ? n.toLowerCase() : n) + seps[i % seps.length]).join('the ');
    const key = (r: typeof registry) => r.findInText(text).map((m) => [m.entry.id, m.start, m.end]);
    expect(key(cached)).toEqual(key(fromFiles));
    expect(key(cached).length).toBeGreaterThan(500);
    for (const n of names.slice(0, 400)) expect(cached.byName(n)?.id).toBe(fromFiles.byName(n)?.id);
  });
});

// keep the exported type in use so a rename breaks the type-check
const _typed: OutletEntry | undefined = registry.entries[0];
void _typed;
