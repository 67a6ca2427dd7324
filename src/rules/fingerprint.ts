import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { nodeCrypto } from '../builtins.js';

/**
 * What a build-time cache remembers of the files it was built from: a content hash of each, and
 * its size and modification time. A run trusts the cache when every file still has its size and
 * time (one `stat` each, no hashing), and hashes the files only when a time differs: a packed and
 * installed copy keeps the content but not the times, so it still uses the cache after one check.
 */
export interface FileStamps {
  /** name → content hash */
  hashes: Record<string, string>;
  /** name → [size in bytes, mtime in ms] */
  stats: Record<string, [number, number]>;
}

/** Stamps of `files`; `name` is how each is recorded (relative to a root, so the cache can move). */
export function stampFiles(files: readonly string[], name: (file: string) => string): FileStamps {
  const stamps: FileStamps = { hashes: {}, stats: {} };
  for (const f of files) {
    const key = name(f);
    stamps.hashes[key] = hashFile(f);
    const st = statSync(f);
    stamps.stats[key] = [st.size, st.mtimeMs];
  }
  return stamps;
}

/** The files are the ones stamped, with the same content (by size and time, else by hash). */
export function stampsMatch(stamps: FileStamps | undefined, files: readonly string[], name: (file: string) => string): boolean {
  if (!stamps || typeof stamps.hashes !== 'object' || typeof stamps.stats !== 'object') return false;
  const keys = files.map(name);
  if (keys.length !== Object.keys(stamps.hashes).length) return false;
  let unchanged = true;
  for (let k = 0; k < files.length && unchanged; k++) {
    const recorded = stamps.stats[keys[k]];
    if (!recorded) return false;
    const st = statSync(files[k]);
    unchanged = st.size === recorded[0] && st.mtimeMs === recorded[1];
  }
  if (unchanged) return true;
  return files.every((f, k) => stamps.hashes[keys[k]] === hashFile(f));
}

/** node:crypto is loaded only when a file has to be hashed: loading it costs a run ~6 ms. */
function hashFile(file: string): string {
  const { createHash } = nodeCrypto();
  return createHash('sha1').update(readFileSync(file)).digest('hex');
}

/**
 * Write a cache file whole or not at all: a concurrent run never reads half of one. Characters
 * beyond ASCII are written as \u escapes: an all-ASCII file is read into a one-byte string,
 * which reads and parses faster (about 2 ms per cache file at start-up). `tail`, if given, is
 * written as it is (UTF-8) after the JSON and a line break.
 */
export function writeCacheFile(path: string, content: unknown, tail?: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  const json = JSON.stringify(content).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(tmp, tail === undefined ? json : `${json}\n${tail}`);
  renameSync(tmp, path);
}
