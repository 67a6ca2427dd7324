import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageRoot } from '../paths.js';
import { normalizeWord } from '../text/normalize.js';
import { stampFiles, stampsMatch, writeCacheFile, type FileStamps } from './fingerprint.js';
import { inflections, primeInflections } from './inflect.js';
import { phraseWords, type MatcherData } from './phrase-matcher.js';
import type { Rule } from './types.js';

/**
 * The built-in packs are parsed and validated at build time into one file, so a run does not pay
 * for YAML parsing. The cache is used only while every pack file still has the content it had
 * when compiled; an edited pack is parsed from YAML again.
 *
 * The file is one line of JSON (CacheFile), then the text tables of the cached phrase tries
 * (MatcherData) one after the other, as written: a run slices them out of the file's text. As
 * strings inside the JSON (escaped, then parsed and copied) they were two thirds of its bytes.
 */
interface CacheFile {
  /** the pack files it was compiled from, by path relative to the package */
  stamps: FileStamps;
  rules: Rule[];
  /** Inflected forms of every word the packs match, lemma → forms. */
  inflections: Record<string, string[]>;
  /** Ready-made phrase tries of the built-in rules, by the signature of the rule list they serve. */
  matchers: Record<string, CachedMatcher>;
  /** How the tables after the JSON line are encoded: `latin1` when they are ASCII (read faster), else `utf8`. */
  tables: 'latin1' | 'utf8';
}

/** Where a text table lies in the tables after the JSON line: [start, end). */
type Section = [number, number];

interface CachedMatcher {
  root: Section;
  rootFilter: Section;
  forms: Section;
  formsFilter: Section;
  size: number;
}

let loaded: { file: CacheFile; tables: string } | null = null;

/** A phrase trie built at build time for exactly this list of rules, if there is one. */
export function cachedMatcher(signature: string): MatcherData | undefined {
  if (loaded === null || !Object.prototype.hasOwnProperty.call(loaded.file.matchers, signature)) return undefined;
  const { root, rootFilter, forms, formsFilter, size } = loaded.file.matchers[signature];
  const text = (s: Section): string | undefined =>
    Array.isArray(s) && s.length === 2 && s[0] >= 0 && s[0] <= s[1] && s[1] <= loaded!.tables.length ? loaded!.tables.slice(s[0], s[1]) : undefined;
  const [rootText, rootFilterText, formsText, formsFilterText] = [root, rootFilter, forms, formsFilter].map(text);
  // A cache written by an older build has another layout: build the trie instead.
  if (rootText === undefined || rootFilterText === undefined || formsText === undefined || formsFilterText === undefined || typeof size !== 'number') return undefined;
  return { root: rootText, rootFilter: rootFilterText, forms: formsText, formsFilter: formsFilterText, size };
}

export function cachePath(): string {
  return join(packageRoot(), 'dist', 'rules.cache.json');
}

const packageName = (file: string): string => relative(packageRoot(), file);

export function readCache(files: string[]): Rule[] | null {
  let cache: CacheFile;
  let tables: string;
  try {
    const bytes = readFileSync(cachePath());
    const newline = bytes.indexOf(10);
    if (newline < 0) return null;
    // The JSON line is ASCII (see writeCacheFile): Latin-1 decoding gives it as written.
    cache = JSON.parse(bytes.toString('latin1', 0, newline)) as CacheFile;
    tables = bytes.toString(cache.tables === 'utf8' ? 'utf8' : 'latin1', newline + 1);
  } catch {
    return null;
  }
  try {
    if (!stampsMatch(cache.stamps, files, packageName)) return null;
  } catch {
    return null;
  }
  primeInflections(cache.inflections ?? {});
  loaded = { file: cache, tables };
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
  let tables = '';
  const section = (text: string): Section => {
    tables += text;
    return [tables.length - text.length, tables.length];
  };
  const cached: Record<string, CachedMatcher> = {};
  for (const [signature, { root, rootFilter, forms, formsFilter, size }] of Object.entries(matchers)) {
    cached[signature] = { root: section(root), rootFilter: section(rootFilter), forms: section(forms), formsFilter: section(formsFilter), size };
  }
  const file: CacheFile = {
    stamps: stampFiles(files, packageName), rules, inflections: table, matchers: cached,
    tables: /^[\x00-\x7f]*$/.test(tables) ? 'latin1' : 'utf8',
  };
  writeCacheFile(cachePath(), file, tables);
}
