import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from '../paths.js';
import { normalizeWord } from '../text/normalize.js';
import { stampFiles, stampsMatch, writeCacheFile, type FileStamps } from './fingerprint.js';
import { inflections, primeInflections } from './inflect.js';
import { phraseWords, type MatcherData } from './phrase-matcher.js';
import type { Rule } from './types.js';

/**
 * The built-in packs are parsed and validated at build time into one JSON file, so a run does
 * not pay for YAML parsing. The cache is used only while every pack file still has the content
 * it had when compiled; an edited pack is parsed from YAML again.
 */
interface CacheFile {
  /** the pack files it was compiled from, by path relative to the package */
  stamps: FileStamps;
  rules: Rule[];
  /** Inflected forms of every word the packs match, lemma → forms. */
  inflections: Record<string, string[]>;
  /** Ready-made phrase tries of the built-in rules, by the signature of the rule list they serve. */
  matchers: Record<string, MatcherData>;
}

let loaded: CacheFile | null = null;

/** A phrase trie built at build time for exactly this list of rules, if there is one. */
export function cachedMatcher(signature: string): MatcherData | undefined {
  const data = loaded !== null && Object.prototype.hasOwnProperty.call(loaded.matchers, signature) ? loaded.matchers[signature] : undefined;
  // A cache written by an older build has another layout: build the trie instead.
  return data !== undefined && typeof data.forms === 'string' && Array.isArray(data.root) ? data : undefined;
}

export function cachePath(): string {
  return join(packageRoot(), 'dist', 'rules.cache.json');
}

const packageName = (file: string): string => relative(packageRoot(), file);

export function readCache(files: string[]): Rule[] | null {
  let cache: CacheFile;
  try {
    cache = JSON.parse(readFileSync(cachePath(), 'utf8')) as CacheFile;
  } catch {
    return null;
  }
  try {
    if (!stampsMatch(cache.stamps, files, packageName)) return null;
  } catch {
    return null;
  }
  primeInflections(cache.inflections ?? {});
  loaded = cache;
  return cache.rules;
}

/**
 * `extraLemmas`: words code matches against (not from any pack). The lexicon detector's own
 * forms live in its cached trie, so its rules need no entries here.
 */
export function writeCache(files: string[], rules: Rule[], matchers: Record<string, MatcherData> = {}, extraLemmas: string[] = []): void {
  const table: Record<string, string[]> = {};
  for (const lemma of extraLemmas) table[lemma] = inflections(lemma);
  for (const rule of rules) {
    if (rule.detector === 'lexicon') continue;
    for (const phrase of rule.match) {
      for (const word of phraseWords(phrase)) {
        const lemma = normalizeWord(word);
        if (lemma !== '*' && !(lemma in table)) table[lemma] = inflections(lemma);
      }
    }
  }
  writeCacheFile(cachePath(), { stamps: stampFiles(files, packageName), rules, inflections: table, matchers } satisfies CacheFile);
}
