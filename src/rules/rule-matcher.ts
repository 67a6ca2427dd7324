import { cachedMatcher } from './cache.js';
import { PhraseMatcher } from './phrase-matcher.js';
import type { Rule } from './types.js';

/**
 * Identifies the phrase trie of a list of rules: the same ids from the same places mean the same
 * phrases. `name` tells apart the tries that different code makes of the rules.
 */
export function ruleMatcherKey(name: string, rules: readonly Rule[]): string {
  return `${name}:${rules.map((r) => `${r.id}@${r.source}`).join('|')}`;
}

/**
 * The phrase trie of these rules' `match` phrases, a payload for each rule: loaded ready-made from
 * the build-time cache when the rules are the built-in ones, built phrase by phrase otherwise.
 * The payloads are registered first, in the rules' order: a cached trie refers to them by it.
 */
export function ruleMatcher<T>(name: string, rules: readonly Rule[], payloadOf: (rule: Rule) => T, useCache = true): PhraseMatcher<T> {
  const payloads = rules.map(payloadOf);
  const cached = useCache ? cachedMatcher(ruleMatcherKey(name, rules)) : undefined;
  if (cached) return new PhraseMatcher<T>(cached, payloads);
  const matcher = new PhraseMatcher<T>();
  for (const payload of payloads) matcher.register(payload);
  rules.forEach((rule, k) => {
    for (const phrase of rule.match) matcher.add(phrase, payloads[k], { inflect: rule.inflect, caseSensitive: rule.caseSensitive });
  });
  return matcher;
}
