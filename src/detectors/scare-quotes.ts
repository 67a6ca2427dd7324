import { formatMessage, type Finding } from '../findings/types.js';
import type { Detector } from './types.js';

/** Words before quote marks that introduce a name or a quoted term, not distance ("a film called “Dawn”"). */
const NAMING_WORDS = new Set(['called', 'dubbed', 'titled', 'entitled', 'named', 'term', 'word', 'phrase', 'slogan',
  'hashtag', 'motto', 'operation', 'codenamed', 'nicknamed', 'as', 'headline', 'book', 'film', 'song', 'album', 'show']);

/**
 * Quote marks around a word or two that nobody is quoted as saying: the outlet keeps its
 * distance from the word ("the “experts”"). Titles and names (capitalised) are left alone.
 */
export const scareQuotes: Detector = {
  meta: { name: 'scare-quotes', description: 'Short quoted terms with no speaker that read as distancing.' },
  create(rules) {
    const rule = rules[0];
    if (!rule) return () => [];
    return ({ doc }) => {
      const findings: Finding[] = [];
      const { text } = doc;
      for (const q of doc.quotations) {
        if (q.role !== 'term' || q.depth !== 1 || q.words > 3 || q.unclosed) continue;
        const inner = text.slice(q.start, q.end);
        if (!/^\p{Ll}/u.test(inner)) continue; // names and titles start with a capital
        const before = /([\p{L}-]+)[\s,:]*$/u.exec(text.slice(Math.max(0, q.outer.start - 30), q.outer.start));
        if (before && NAMING_WORDS.has(before[1].toLowerCase())) continue;
        if (before && before[1].toLowerCase() === 'so-called') continue; // the so-called rule has it
        findings.push({ rule, start: q.outer.start, end: q.outer.end, message: formatMessage(rule.message, inner), suggestion: rule.suggestion, voice: 'outlet' });
      }
      return findings;
    };
  },
};
