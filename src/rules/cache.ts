import { readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from '../paths.js';
import type { Rule } from './types.js';

/**
 * The built-in packs are parsed and validated at build time into one JSON file, so a run does
 * not pay for YAML parsing. The cache is used only while every pack file still has the size and
 * modification time it had when compiled; an edited pack is parsed from YAML again.
 */
interface CacheFile {
  fingerprint: string;
  rules: Rule[];
}

export function cachePath(): string {
  return join(packageRoot(), 'dist', 'rules.cache.json');
}

export function fingerprint(files: string[]): string {
  return files.map((f) => {
    const s = statSync(f);
    return `${relative(packageRoot(), f)}:${s.size}:${Math.round(s.mtimeMs)}`;
  }).join('|');
}

export function readCache(files: string[]): Rule[] | null {
  let cache: CacheFile;
  try {
    cache = JSON.parse(readFileSync(cachePath(), 'utf8')) as CacheFile;
  } catch {
    return null;
  }
  return cache.fingerprint === fingerprint(files) ? cache.rules : null;
}

export function writeCache(files: string[], rules: Rule[]): void {
  const path = cachePath();
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ fingerprint: fingerprint(files), rules } satisfies CacheFile));
  renameSync(tmp, path);
}
