import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { packageRoot } from '../paths.js';
import { stampFiles, stampsMatch, type FileStamps } from '../rules/fingerprint.js';
import type { RegistryData } from './registry.js';

/**
 * The built-in registry, parsed, validated and merged at build time into one JSON file, so a
 * run neither loads a YAML parser nor re-normalises 1,170 entries. Valid only while every data
 * file keeps the content it had when cached.
 */
interface RegistryCache {
  /** the data files it was built from, by name */
  stamps: FileStamps;
  data: RegistryData;
}

function cachePath(): string {
  return join(packageRoot(), 'dist', 'outlets.cache.json');
}

export function readRegistryCache(dir: string, files: string[]): RegistryData | null {
  try {
    const cache = JSON.parse(readFileSync(cachePath(), 'utf8')) as RegistryCache;
    return stampsMatch(cache.stamps, files.map((f) => join(dir, f)), (f) => basename(f)) ? cache.data : null;
  } catch {
    return null;
  }
}

export function writeRegistryCache(dir: string, files: string[], data: RegistryData): void {
  const path = cachePath();
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ stamps: stampFiles(files.map((f) => join(dir, f)), (f) => basename(f)), data } satisfies RegistryCache));
  renameSync(tmp, path);
}

/** The YAML parser, loaded only when the registry is read from its files. */
export function parseYaml(text: string): unknown {
  const yaml = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yaml.parse(text);
}
