import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { packageRoot } from '../paths.js';
import { stampFiles, stampsMatch, writeCacheFile, type FileStamps } from '../rules/fingerprint.js';
// registry.ts imports this module too; the two functions are only called after both have loaded.
import { flattenTrie, unflattenTrie, type FactSource, type FlatTrie, type OutletEntry, type RegistryData } from './registry.js';

/**
 * The built-in registry, parsed, validated and merged at build time into one JSON file, so a
 * run neither loads a YAML parser nor re-normalises 1,170 entries. Valid only while every data
 * file keeps the content it had when cached.
 *
 * Reading this file is a good part of start-up, so entries are stored as rows: the field names
 * once (`fields`), then one array of values per entry, with its sources packed (see
 * packSources). Written as objects, the repeated field names and per-fact sources were well
 * over half of the file.
 */
interface RegistryCache {
  /** the data files it was built from, by name */
  stamps: FileStamps;
  /** every field of an entry, in order */
  fields: string[];
  /** one row per entry: its values in the order of `fields`, `sources` packed */
  rows: unknown[][];
  data: Omit<RegistryData, 'entries' | 'tries'>;
  /** the name tries, if built */
  tries?: { exact: FlatTrie; folded: FlatTrie };
}

/**
 * An entry's sources as runs of facts that share one source: [source, fact, fact, ...]. Imported
 * entries cite the same matrix line for owner, typology and country.
 */
type PackedSources = Array<[string, ...string[]]>;

function packSources(sources: readonly FactSource[]): PackedSources {
  const runs: PackedSources = [];
  for (const { fact, source } of sources) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[0] === source) last.push(fact);
    else runs.push([source, fact]);
  }
  return runs;
}

function unpackSources(runs: PackedSources): FactSource[] {
  const sources: FactSource[] = [];
  for (const run of runs) for (let k = 1; k < run.length; k++) sources.push({ fact: run[k], source: run[0] });
  return sources;
}

/** The fields of an entry, in the order toEntry (registry.ts) gives them. */
const ENTRY_FIELDS = [
  'id', 'name', 'aliases', 'caseSensitiveAliases', 'exceptions', 'hosts', 'url', 'owner', 'country', 'region', 'typology',
  'typologyUncertain', 'status', 'notes', 'textMatch', 'kind', 'ownership', 'stateMediaMonitor', 'origin', 'sources',
] as const satisfies ReadonlyArray<keyof OutletEntry>;

/**
 * An entry from its row. Written out as one object literal: filling an object field by field
 * from the names in `fields` took longer than parsing the entries as JSON objects.
 */
function fromRow(r: unknown[]): OutletEntry {
  // The row's layout was checked against ENTRY_FIELDS; its values are as toEntry made them.
  const v = r as any[];
  return {
    id: v[0], name: v[1], aliases: v[2], caseSensitiveAliases: v[3], exceptions: v[4], hosts: v[5], url: v[6], owner: v[7],
    country: v[8], region: v[9], typology: v[10], typologyUncertain: v[11], status: v[12], notes: v[13], textMatch: v[14],
    kind: v[15], ownership: v[16], stateMediaMonitor: v[17], origin: v[18], sources: unpackSources(v[19] as PackedSources),
  };
}

function cachePath(): string {
  return join(packageRoot(), 'dist', 'outlets.cache.json');
}

export function readRegistryCache(dir: string, files: string[]): RegistryData | null {
  try {
    const cache = JSON.parse(readFileSync(cachePath(), 'utf8')) as RegistryCache;
    // A cache written by an older build has another layout: read the files instead.
    if (!Array.isArray(cache.fields) || !Array.isArray(cache.rows)) return null;
    if (!stampsMatch(cache.stamps, files.map((f) => join(dir, f)), (f) => basename(f))) return null;
    if (cache.fields.join() !== ENTRY_FIELDS.join()) return null;
    const entries = cache.rows.map(fromRow);
    const tries = cache.tries && { exact: unflattenTrie(cache.tries.exact), folded: unflattenTrie(cache.tries.folded) };
    return { ...cache.data, entries, ...(tries ? { tries } : {}) };
  } catch {
    return null;
  }
}

export function writeRegistryCache(dir: string, files: string[], data: RegistryData): void {
  const { entries, tries, ...rest } = data;
  const fields: string[] = [...ENTRY_FIELDS];
  const rows = entries.map((e) => {
    const keys = Object.keys(e);
    if (keys.length !== fields.length || keys.some((k, i) => k !== fields[i])) throw new Error(`outlet ${e.id}: fields are not ENTRY_FIELDS (registry-cache.ts)`);
    return ENTRY_FIELDS.map((f) => (f === 'sources' ? packSources(e.sources) : e[f]));
  });
  writeCacheFile(cachePath(), { stamps: stampFiles(files.map((f) => join(dir, f)), (f) => basename(f)), fields, rows, data: rest,
    ...(tries ? { tries: { exact: flattenTrie(tries.exact), folded: flattenTrie(tries.folded) } } : {}) } satisfies RegistryCache);
}

/** The YAML parser, loaded only when the registry is read from its files. */
export function parseYaml(text: string): unknown {
  const yaml = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yaml.parse(text);
}
