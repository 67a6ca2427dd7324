/**
 * The registry's look-up indexes, by entry index. For the built-in registry they are computed at
 * build time and cached in the form used at run time: a run then neither folds 1,170 names with
 * NFKD nor builds tries or maps before its first look-up.
 */
import { KeyTable } from './key-table.js';
import { buildOutletIndex, type OutletIndexData } from './match.js';
import type { OutletEntry } from './registry.js';

export interface OutletIndexes {
  /** names and aliases to find in text */
  match: OutletIndexData;
  /** nameKey of every name and alias → the first entry that has it */
  names: KeyTable;
  /** host name → the first entry that has it */
  hosts: KeyTable;
}

/**
 * The key a name is looked up by: case and accents folded, curly apostrophes straightened, a
 * leading "The", trailing punctuation and extra spaces dropped.
 */
export function nameKey(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[’ʼ]/g, "'").toLowerCase()
    .replace(/^the\s+/, '').replace(/[\s.,;:]+$/, '').replace(/\s+/g, ' ').trim();
}

export function buildIndexes(entries: readonly OutletEntry[]): OutletIndexes {
  const names = KeyTable.empty();
  const hosts = KeyTable.empty();
  entries.forEach((e, i) => {
    for (const n of [e.name, ...e.aliases, ...e.caseSensitiveAliases]) {
      const k = nameKey(n);
      if (k && names.get(k) === undefined) names.add(k, i);
    }
    for (const h of e.hosts) if (hosts.get(h) === undefined) hosts.add(h, i);
  });
  return { match: buildOutletIndex(entries), names, hosts };
}
