/**
 * The outlet registry: who runs a news outlet, looked up by host name or found by name in text.
 *
 * Data lives in rules/outlets/: `*.json` files hold imported entries (state-media-monitor.json,
 * from the State Media Monitor matrix), `*.yaml` files hold our curated entries (`outlets:`) and
 * the typology explanations (`typologies:`). Curated entries are merged over the imported ones
 * they point to with `stateMediaMonitor`.
 *
 * Host lookup uses a small hand-written list of multi-part public suffixes (co.uk, com.cn, ...).
 * The `tldts` package (full Public Suffix List) would be more complete; it is not a dependency.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { builtinRulesDir } from '../paths.js';
import { buildIndexes, nameKey, type OutletIndexes } from './indexes.js';
import { OutletMatcher, type OutletMatch } from './match.js';
import { parseYaml, readRegistryCache } from './registry-cache.js';

export type { OutletMatch } from './match.js';

export type OutletKind = 'wire' | 'public-broadcaster' | 'state-media' | 'newspaper' | 'broadcaster' | 'agency';

export interface FactSource {
  /** which fact the source backs: owner, typology, country (or another field name) */
  fact: string;
  source: string;
}

export interface OutletEntry {
  id: string;
  name: string;
  /** matched case-insensitively, except that capitalised words must be capitalised in the text; ALL-CAPS aliases exactly */
  aliases: string[];
  /** matched exactly as written */
  caseSensitiveAliases: string[];
  /** longer phrases that contain a name or alias and cancel the match ("Sputnik V") */
  exceptions: string[];
  hosts: string[];
  url: string | null;
  owner: string | null;
  country: string | null;
  region: string | null;
  /** State Media Monitor typology code (SC, CaPu, CaPr, ISFM, ISF, ISM, IP) or null when the matrix does not cover the outlet */
  typology: string | null;
  /** the matrix marked the code with "?" */
  typologyUncertain: boolean;
  status: string | null;
  notes: string | null;
  /** false: the name is an ordinary word, too short or shared; never looked for in text */
  textMatch: boolean;
  kind: OutletKind | null;
  /** plain-words description of who owns or controls the outlet (curated entries) */
  ownership: string | null;
  /** id of the State Media Monitor entry this entry is merged with */
  stateMediaMonitor: string | null;
  /** where the entry comes from: the curated list or the imported matrix */
  origin: 'curated' | 'state-media-monitor';
  sources: FactSource[];
}

export interface TypologyInfo {
  code: string;
  label: string;
  explanation: string;
  question: string;
  source: string;
}

export interface OutletRegistry {
  readonly entries: readonly OutletEntry[];
  readonly typologies: readonly TypologyInfo[];
  /** problems found while loading (dangling references, conflicting typology) */
  readonly warnings: readonly string[];
  byId(id: string): OutletEntry | undefined;
  byHost(hostOrUrl: string): OutletEntry | undefined;
  /** The first entry with a name or alias that has this name's key (see nameKey: case, accents, a leading "The" aside). */
  byName(name: string): OutletEntry | undefined;
  findInText(text: string): OutletMatch[];
  typology(code: string): TypologyInfo | undefined;
}

// ---------------------------------------------------------------------------------------------
// Host names
// ---------------------------------------------------------------------------------------------

/**
 * Second-level public suffixes under which the registrable domain has three labels. Hand-written
 * for the countries the registry covers; a name not listed falls back to the last two labels.
 */
const MULTI_PART_SUFFIXES = new Set(
  `co.uk org.uk ac.uk gov.uk me.uk ltd.uk plc.uk net.uk
  com.au net.au org.au gov.au edu.au asn.au
  com.cn net.cn org.cn gov.cn edu.cn ac.cn
  co.jp ne.jp or.jp go.jp ac.jp ad.jp gr.jp
  co.kr or.kr go.kr ne.kr re.kr
  com.br gov.br org.br net.br
  com.tr gov.tr org.tr net.tr edu.tr
  co.in gov.in org.in net.in nic.in ac.in
  co.za gov.za org.za net.za ac.za
  co.nz govt.nz org.nz net.nz ac.nz
  com.mx gob.mx org.mx edu.mx
  com.ar gob.ar gov.ar org.ar
  com.hk gov.hk org.hk
  com.sg gov.sg org.sg edu.sg
  com.my gov.my org.my
  com.pk gov.pk org.pk
  com.bd gov.bd org.bd
  com.eg gov.eg org.eg
  com.sa gov.sa org.sa
  com.qa gov.qa org.qa
  com.kw gov.kw net.kw
  com.bh gov.bh
  com.om gov.om
  co.ae gov.ae net.ae org.ae
  com.jo gov.jo
  com.lb gov.lb
  com.sy gov.sy
  com.iq gov.iq
  com.ye gov.ye
  com.ly gov.ly
  com.dz gov.dz
  com.tn gov.tn
  co.ma gov.ma
  co.il org.il gov.il ac.il
  com.kh gov.kh
  com.mo gov.mo
  com.bn gov.bn
  com.vn gov.vn org.vn
  com.ph gov.ph
  co.id go.id or.id ac.id
  co.th go.th or.th in.th ac.th
  com.tw gov.tw org.tw
  com.la gov.la org.la
  com.np gov.np org.np
  com.mm gov.mm net.mm
  com.af gov.af
  gov.bt
  com.lk gov.lk
  com.kp rep.kp
  com.kz gov.kz
  gov.uz
  gov.tm
  com.az gov.az
  com.ge gov.ge
  com.ua gov.ua org.ua
  com.cy org.cy
  com.mt
  com.mk
  com.ng gov.ng org.ng
  co.ke go.ke
  co.tz go.tz
  co.ug go.ug
  co.zw gov.zw
  co.zm com.zm gov.zm
  com.gh gov.gh org.gh
  com.et gov.et
  co.mz gov.mz
  co.bw gov.bw
  co.ls gov.ls
  co.rw gov.rw
  com.na gov.na
  co.ao gov.ao
  com.pe gob.pe
  com.co gov.co edu.co
  com.ve gob.ve
  com.ec gob.ec
  com.bo gob.bo
  com.py gov.py
  com.uy gub.uy
  com.cu
  com.do gob.do
  com.gt gob.gt org.gt edu.gt
  com.sv gob.sv
  com.ni gob.ni
  com.hn gob.hn edu.hn
  co.cr go.cr ac.cr
  com.pa gob.pa`
    .split(/\s+/)
    .filter(Boolean),
);

/** Lower-cased host name of a URL or bare host, without "www." and port; undefined if none. */
export function normaliseHost(hostOrUrl: string): string | undefined {
  let s = hostOrUrl.trim();
  if (!s) return undefined;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) s = `http://${s}`;
  let host: string;
  try {
    host = new URL(s).hostname;
  } catch {
    return undefined;
  }
  host = host.toLowerCase().replace(/\.$/, '').replace(/^www\d*\./, '');
  return host || undefined;
}

/** The registrable domain of a host ("news.bbc.co.uk" -> "bbc.co.uk"), by the suffix list above. */
export function registrableDomain(host: string): string {
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const lastTwo = labels.slice(-2).join('.');
  const n = MULTI_PART_SUFFIXES.has(lastTwo) ? 3 : 2;
  return labels.slice(-n).join('.');
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number') return String(v);
  return null;
}

function strList(v: Json | undefined): string[] {
  if (!Array.isArray(v)) return [];
  return v.map((x) => (typeof x === 'string' || typeof x === 'number' ? String(x).trim() : '')).filter(Boolean);
}

const KINDS: readonly OutletKind[] = ['wire', 'public-broadcaster', 'state-media', 'newspaper', 'broadcaster', 'agency'];

function toSources(v: Json | undefined): FactSource[] {
  if (!Array.isArray(v)) return [];
  const out: FactSource[] = [];
  for (const s of v) {
    if (isObject(s) && typeof s['fact'] === 'string' && typeof s['source'] === 'string') {
      out.push({ fact: s['fact'], source: s['source'].trim() });
    }
  }
  return out;
}

function normaliseHosts(list: string[]): string[] {
  const out: string[] = [];
  for (const h of list) {
    const n = normaliseHost(h);
    if (n && !out.includes(n)) out.push(n);
  }
  return out;
}

function toEntry(o: JsonObject, origin: OutletEntry['origin'], file: string, matrixSource: string | null): OutletEntry {
  const id = str(o['id']);
  const name = str(o['name']);
  if (!id || !name) throw new Error(`${file}: an outlet without id or name: ${JSON.stringify(o).slice(0, 120)}`);
  const kind = str(o['kind']);
  if (kind !== null && !(KINDS as readonly string[]).includes(kind)) {
    throw new Error(`${file}: ${id}: unknown kind "${kind}" (expected ${KINDS.join(', ')})`);
  }
  const sources = toSources(o['sources']);
  if (matrixSource && sources.length === 0) {
    const line = typeof o['line'] === 'number' ? `, line ${o['line']}` : '';
    for (const fact of ['owner', 'typology', 'country']) sources.push({ fact, source: `${matrixSource}${line}` });
  }
  return {
    id,
    name,
    aliases: strList(o['aliases']),
    caseSensitiveAliases: strList(o['caseSensitiveAliases']),
    exceptions: strList(o['exceptions']),
    hosts: normaliseHosts(strList(o['hosts'])),
    url: str(o['url']),
    owner: str(o['owner']),
    country: str(o['country']),
    region: str(o['region']),
    typology: str(o['typology']),
    typologyUncertain: o['typologyUncertain'] === true,
    status: str(o['status']),
    notes: str(o['notes']),
    textMatch: o['textMatch'] !== false,
    kind: kind as OutletKind | null,
    ownership: str(o['ownership']),
    stateMediaMonitor: str(o['stateMediaMonitor']),
    origin,
    sources,
  };
}

function toTypology(o: JsonObject, file: string, defaultSource: string | null): TypologyInfo {
  const code = str(o['code']);
  const label = str(o['label']);
  const explanation = str(o['explanation']);
  const question = str(o['question']);
  const source = str(o['source']) ?? defaultSource;
  if (!code || !label || !explanation || !question || !source) {
    throw new Error(`${file}: typology entries need code, label, explanation, question and source (${code ?? '?'})`);
  }
  return { code, label, explanation, question, source };
}

/** rules/outlets/ in slant's own package folder. */
export function defaultOutletDir(): string {
  return path.join(builtinRulesDir(), 'outlets');
}

/** The registry's data files, in load order. */
export function registryFiles(root: string): string[] {
  return readdirSync(root).filter((f) => /\.(json|ya?ml)$/i.test(f)).sort();
}

/** What the registry's files hold, parsed and merged. */
export interface RegistryData {
  entries: OutletEntry[];
  typologies: TypologyInfo[];
  warnings: string[];
  /** Matrix ids whose entry was replaced by a curated one: matrix id → curated id. */
  replacedBy: Record<string, string>;
}

/**
 * What a registry is made from: the parsed files, or the build-time cache, which makes an entry
 * only when it is asked for (a run needs the few it finds) and brings its indexes ready-made.
 */
export interface RegistrySource extends Omit<RegistryData, 'entries'> {
  count: number;
  /** Entry i; the same object every time. */
  entry(i: number): OutletEntry;
  indexes?: OutletIndexes;
}

export function loadOutletRegistry(dir?: string): OutletRegistry {
  const root = dir ?? defaultOutletDir();
  const files = registryFiles(root);
  const cached = dir === undefined ? readRegistryCache(root, files) : null;
  return buildRegistry(cached ?? sourceOf(readRegistryData(root, files)));
}

function sourceOf({ entries, ...rest }: RegistryData): RegistrySource {
  return { ...rest, count: entries.length, entry: (i) => entries[i] };
}

/** Parse and merge the registry's files (the slow path: YAML, validation, merging). */
export function readRegistryData(root: string, files: string[]): RegistryData {
  const warnings: string[] = [];
  const imported: OutletEntry[] = [];
  const curated: OutletEntry[] = [];
  const typologies: TypologyInfo[] = [];

  for (const f of files) {
    const full = path.join(root, f);
    const isJson = /\.json$/i.test(f);
    const data: unknown = isJson ? JSON.parse(readFileSync(full, 'utf8')) : parseYaml(readFileSync(full, 'utf8'));
    if (!isObject(data)) continue;
    const src = isObject(data['source']) ? data['source'] : null;
    if (Array.isArray(data['outlets'])) {
      const origin: OutletEntry['origin'] = isJson ? 'state-media-monitor' : 'curated';
      const matrixSource =
        origin === 'state-media-monitor' && src ? `${str(src['name']) ?? 'imported'} (${str(src['file']) ?? f})` : null;
      for (const o of data['outlets']) {
        if (!isObject(o)) throw new Error(`${f}: outlets must be objects`);
        (origin === 'curated' ? curated : imported).push(toEntry(o, origin, f, matrixSource));
      }
    }
    if (Array.isArray(data['typologies'])) {
      const defaultSource = src ? str(src['name']) : null;
      for (const t of data['typologies']) {
        if (!isObject(t)) throw new Error(`${f}: typologies must be objects`);
        typologies.push(toTypology(t, f, defaultSource));
      }
    }
  }

  // merge curated entries over the matrix entries they name
  const importedById = new Map(imported.map((e) => [e.id, e]));
  const replaced = new Map<string, OutletEntry>();
  const merged: OutletEntry[] = [];
  for (const c of curated) {
    const ref = c.stateMediaMonitor;
    const m = ref ? importedById.get(ref) : undefined;
    if (ref && !m) {
      warnings.push(`${c.id}: stateMediaMonitor "${ref}" is not in the imported entries`);
      merged.push(c);
      continue;
    }
    if (!m) {
      merged.push(c);
      continue;
    }
    if (c.typology !== null && c.typology !== m.typology) {
      warnings.push(`${c.id}: typology ${c.typology} differs from the matrix (${m.typology}); the matrix's is used`);
    }
    const hosts = [...c.hosts];
    for (const h of m.hosts) if (!hosts.includes(h)) hosts.push(h);
    const sources = [...c.sources];
    for (const s of m.sources) {
      if (!sources.some((x) => x.fact === s.fact)) sources.push(s);
    }
    const entry: OutletEntry = {
      ...c,
      hosts,
      url: c.url ?? m.url,
      owner: c.owner ?? m.owner,
      country: c.country ?? m.country,
      region: c.region ?? m.region,
      typology: m.typology,
      typologyUncertain: m.typologyUncertain,
      status: c.status ?? m.status,
      notes: c.notes ?? m.notes,
      sources,
    };
    replaced.set(m.id, entry);
    merged.push(entry);
  }
  const entries: OutletEntry[] = [...merged, ...imported.filter((e) => !replaced.has(e.id))];
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.id)) warnings.push(`duplicate id ${e.id}`);
    seen.add(e.id);
  }
  return { entries, typologies, warnings, replacedBy: Object.fromEntries([...replaced].map(([id, e]) => [id, e.id])) };
}

function buildRegistry(source: RegistrySource): OutletRegistry {
  const { typologies, warnings, replacedBy } = source;
  let all: OutletEntry[] | undefined;
  const entries = (): OutletEntry[] => (all ??= Array.from({ length: source.count }, (_, i) => source.entry(i)));
  let indexes = source.indexes;
  const getIndexes = (): OutletIndexes => (indexes ??= buildIndexes(entries()));

  let byId: Map<string, OutletEntry> | undefined;
  const getById = (): Map<string, OutletEntry> => {
    if (byId) return byId;
    byId = new Map();
    for (const e of entries()) if (!byId.has(e.id)) byId.set(e.id, e);
    for (const [id, curated] of Object.entries(replacedBy)) byId.set(id, byId.get(curated)!);
    return byId;
  };
  const atHost = (host: string): OutletEntry | undefined => {
    const i = getIndexes().hosts.get(host);
    return i === undefined ? undefined : source.entry(i);
  };

  let matcher: OutletMatcher | undefined;

  const typologyIndex = new Map<string, TypologyInfo>();
  for (const t of typologies) typologyIndex.set(t.code.toLowerCase(), t);

  return {
    get entries() {
      return entries();
    },
    typologies,
    warnings,
    byId: (id) => getById().get(id),
    byHost(hostOrUrl) {
      const host = normaliseHost(hostOrUrl);
      if (!host) return undefined;
      const exact = atHost(host);
      if (exact) return exact;
      // walk up to the registrable domain: a.b.bbc.co.uk -> b.bbc.co.uk -> bbc.co.uk (never co.uk)
      const reg = registrableDomain(host);
      const labels = host.split('.');
      const regLabels = reg.split('.').length;
      for (let k = 1; labels.length - k >= regLabels; k++) {
        const hit = atHost(labels.slice(k).join('.'));
        if (hit) return hit;
      }
      return undefined;
    },
    byName(name) {
      const i = getIndexes().names.get(nameKey(name));
      return i === undefined ? undefined : source.entry(i);
    },
    findInText: (text): OutletMatch[] => (matcher ??= new OutletMatcher(getIndexes().match, source.entry)).find(text),
    typology(code) {
      const c = code.trim().replace(/\?$/, '').toLowerCase();
      return typologyIndex.get(c);
    },
  };
}
