import type { Token } from '../document/types.js';
import { formatMessage, type Finding } from '../findings/types.js';
import { PhraseMatcher, phraseWords } from '../rules/phrase-matcher.js';
import type { Rule } from '../rules/types.js';
import { normalizeWord } from '../text/normalize.js';
import type { Detector } from './types.js';

interface Compiled {
  rule: Rule;
  exceptions: string[][];
  notBefore: Set<string>;
  notAfter: Set<string>;
}

/** Phrase lists: the detector for every rule whose `detector` is `lexicon`. */
export const lexicon: Detector = {
  meta: { name: 'lexicon', description: 'Matches the phrases of word-list rules, with inflections, exceptions and context words.' },
  create(rules) {
    const matcher = new PhraseMatcher<Compiled>();
    for (const rule of rules) {
      const compiled: Compiled = {
        rule,
        exceptions: rule.exceptions.map((e) => phraseWords(e).map((w) => normalizeWord(w))),
        notBefore: new Set(rule.notBefore.map((w) => normalizeWord(w))),
        notAfter: new Set(rule.notAfter.map((w) => normalizeWord(w))),
      };
      for (const phrase of rule.match) matcher.add(phrase, compiled, { inflect: rule.inflect, caseSensitive: rule.caseSensitive });
    }
    return ({ doc }) => {
      const findings: Finding[] = [];
      const { tokens, text } = doc;
      for (let i = 0; i < tokens.length;) {
        const match = matcher.matchesAt(tokens, i).find((m) => accepts(m.payload, tokens, m.first, m.end));
        if (!match) {
          i++;
          continue;
        }
        const start = tokens[match.first].start;
        const end = tokens[match.end - 1].end;
        const { rule } = match.payload;
        findings.push({ rule, start, end, message: formatMessage(rule.message, text.slice(start, end)), suggestion: rule.suggestion });
        i = match.end;
      }
      return findings;
    };
  },
};

function accepts(c: Compiled, tokens: readonly Token[], first: number, end: number): boolean {
  const sentence = tokens[first].sentence;
  const before = first > 0 && tokens[first - 1].sentence === sentence ? tokens[first - 1].norm : null;
  const after = end < tokens.length && tokens[end].sentence === sentence ? tokens[end].norm : null;
  if (before !== null && c.notAfter.has(before)) return false;
  if (after !== null && c.notBefore.has(after)) return false;
  return !c.exceptions.some((words) => exceptionCovers(words, tokens, first, end));
}

/** True when the exception phrase occurs in the tokens around the match and contains it. */
function exceptionCovers(words: string[], tokens: readonly Token[], first: number, end: number): boolean {
  const length = end - first;
  for (let offset = 0; offset + length <= words.length; offset++) {
    const from = first - offset;
    if (from < 0 || from + words.length > tokens.length) continue;
    let all = true;
    for (let k = 0; k < words.length && all; k++) {
      const norm = tokens[from + k].norm;
      all = words[k] === '*' || norm === words[k] || norm.replace(/'s?$/, '') === words[k];
    }
    if (all) return true;
  }
  return false;
}
