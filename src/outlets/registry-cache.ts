import { closeSync, fstatSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { packageRoot } from '../paths.js';
import { stampFiles, stampsMatch, type FileStamps } from '../rules/fingerprint.js';
import { buildIndexes, type OutletIndexes } from './indexes.js';
import { KeyTable } from './key-table.js';
import type { TrieData } from './match.js';
// registry.ts imports this module too; the functions here are only called after both have loaded.
import type { FactSource, OutletEntry, RegistryData, RegistrySource } from './registry.js';

/**
 * The built-in registry, parsed, validated and merged at build time into one file, with its
 * indexes (names to find in text, names and hosts to look up), so a run neither loads a YAML
 * parser nor re-normalises 1,170 entries. Valid only while every data file keeps the content it
 * had when cached.
 *
 * The file is a line with the length of the header, one line of JSON (CacheHeader), then one
 * line per entry: the entry's values in the order of `fields`, `sources` packed (see
 * packSources). A run parses the header, and an entry's line only when that entry is asked for:
 * a run needs a handful of the 1,170, and parsing them all (as rows, or as objects) was most of
 * the registry's start-up. The entry lines are not even read until then: the header says where
 * each one lies, and the file stays open for them (reading its 400 kB cost a run ~1.5 ms).
 */
interface CacheHeader {
  /** the data files it was built from, by name */
  stamps: FileStamps;
  /** every field of an entry, in order */
  fields: string[];
  /** number of entry lines that follow */
  count: number;
  /** where each entry line starts, counted from the first one's start; then where the last one ends */
  offsets: number[];
  data: Omit<RegistryData, 'entries'>;
  /** OutletIndexes as JSON: its KeyTables as their text (see KeyTable.toJSON) */
  indexes: { match: { exact: TrieJson; folded: TrieJson }; names: unknown; hosts: unknown };
}

type TrieJson = Omit<TrieData, 'edges'> & { edges: unknown };

/** The indexes from their JSON form; null when it is not the current layout. */
function reviveIndexes({ match, names, hosts }: CacheHeader['indexes']): OutletIndexes | null {
  const trie = (t: TrieJson): TrieData | null => {
    const edges = KeyTable.fromJSON(t.edges);
    return edges && Array.isArray(t.links) && Array.isArray(t.words) ? { ...t, edges } : null;
  };
  const exact = trie(match.exact);
  const folded = trie(match.folded);
  const n = KeyTable.fromJSON(names);
  const h = KeyTable.fromJSON(hosts);
  return exact && folded && n && h ? { match: { exact, folded }, names: n, hosts: h } : null;
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
 * from the names in `fields` took longer.
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

/** `length` bytes of the file at `position`, or null when it ends before. */
function readAt(fd: number, length: number, position: number): Buffer | null {
  const bytes = Buffer.allocUnsafe(length);
  for (let done = 0; done < length;) {
    const n = readSync(fd, bytes, done, length - done, position + done);
    if (n === 0) return null;
    done += n;
  }
  return bytes;
}

export function readRegistryCache(dir: string, files: string[]): RegistrySource | null {
  let fd: number | null = null;
  try {
    fd = openSync(cachePath(), 'r');
    const lead = readAt(fd, Math.min(32, fstatSync(fd).size), 0);
    const newline = lead === null ? -1 : lead.indexOf(10);
    const headerLength = newline > 0 ? Number(lead!.toString('latin1', 0, newline)) : NaN;
    const headerBytes = Number.isSafeInteger(headerLength) ? readAt(fd, headerLength, newline + 1) : null;
    if (headerBytes === null) return closed(fd);
    // ASCII (see asciiJson), so Latin-1 decoding gives the text as written.
    const header = JSON.parse(headerBytes.toString('latin1')) as CacheHeader;
    // A cache written by an older build has another layout: read the files instead.
    if (!Array.isArray(header.fields) || header.fields.join() !== ENTRY_FIELDS.join()) return closed(fd);
    const { count, offsets } = header;
    const base = newline + 1 + headerLength + 1;
    // A file cut short (or of another layout) does not end where the last entry does.
    if (!Array.isArray(offsets) || offsets.length !== count + 1 || fstatSync(fd).size !== base + offsets[count]) return closed(fd);
    const indexes = reviveIndexes(header.indexes);
    if (!indexes || !stampsMatch(header.stamps, files.map((f) => join(dir, f)), (f) => basename(f))) return closed(fd);
    const made: Array<OutletEntry | undefined> = new Array<OutletEntry | undefined>(count);
    const open = fd;
    const row = (i: number): unknown[] => JSON.parse(readAt(open, offsets[i + 1] - offsets[i] - 1, base + offsets[i])!.toString('latin1')) as unknown[];
    return {
      ...header.data,
      count,
      entry: (i) => (made[i] ??= fromRow(row(i))),
      indexes,
    };
  } catch {
    return fd === null ? null : closed(fd);
  }
}

function closed(fd: number): null {
  closeSync(fd);
  return null;
}

/** JSON with characters beyond ASCII as \u escapes: read into a one-byte string, it parses faster (and has no raw line break). */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function writeRegistryCache(dir: string, files: string[], data: RegistryData): void {
  const { entries, ...rest } = data;
  const fields: string[] = [...ENTRY_FIELDS];
  const rows = entries.map((e) => {
    const keys = Object.keys(e);
    if (keys.length !== fields.length || keys.some((k, i) => k !== fields[i])) throw new Error(`outlet ${e.id}: fields are not ENTRY_FIELDS (registry-cache.ts)`);
    return asciiJson(ENTRY_FIELDS.map((f) => (f === 'sources' ? packSources(e.sources) : e[f])));
  });
  const offsets = [0];
  for (const r of rows) offsets.push(offsets[offsets.length - 1] + r.length + 1);
  // KeyTables write themselves as their text (toJSON).
  const header = {
    stamps: stampFiles(files.map((f) => join(dir, f)), (f) => basename(f)), fields, count: rows.length, offsets, data: rest,
    indexes: buildIndexes(entries),
  } satisfies CacheHeader;
  // Whole or not at all: a concurrent run never reads half a file.
  const path = cachePath();
  const tmp = `${path}.${process.pid}.tmp`;
  const json = asciiJson(header);
  writeFileSync(tmp, `${json.length}\n${json}\n${rows.join('\n')}\n`);
  renameSync(tmp, path);
}

/** The YAML parser, loaded only when the registry is read from its files. */
export function parseYaml(text: string): unknown {
  const yaml = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yaml.parse(text);
}
