import { formatMessage, type Finding } from '../findings/types.js';
import type { Detector } from './types.js';

/**
 * Whole-article checks on who is heard (start/end null): every quotation from one voice
 * (`single-source`), every voice speaking for an authority (`no-independent-voice`), most voices
 * unnamed (`anonymous-majority`). Counts of named, anonymous and organisational voices go in `data`.
 */
export const documentAttribution: Detector = {
  meta: { name: 'document-attribution', description: 'Whole-article checks on the balance of sources.' },
  create(rules) {
    return (ctx) => {
      const a = ctx.attribution;
      if (!a) return [];
      const { summary } = a;
      const counts = {
        voices: summary.voices.length, named: summary.named, anonymous: summary.anonymous,
        organisations: summary.organisations, quotations: summary.directQuotes,
        reported: a.quotes.length - summary.directQuotes,
      };
      const findings: Finding[] = [];
      const add = (check: string, detail: string, extra: Record<string, string | number | boolean | null> = {}) => {
        for (const rule of rules) {
          if (rule.options.check !== check) continue;
          findings.push({ rule, start: null, end: null, voice: 'outlet', suggestion: rule.suggestion, message: formatMessage(rule.message, detail), data: { ...counts, ...extra } });
        }
      };
      const quoters = summary.voices.filter((v) => v.quotes > 0);
      if (summary.directQuotes >= 2 && quoters.length === 1 && summary.attributedDirect === summary.directQuotes) {
        add('single-source', `${summary.directQuotes} quotations, all from ${quoters[0].name}`, { speaker: quoters[0].name });
      }
      const heard = summary.entities;
      if (heard.length >= 2 && a.quotes.length >= 3 && heard.every((e) => e.official)) {
        add('no-independent-voice', summary.voices.map((v) => v.name).join(', '));
      }
      if (summary.anonymous >= 2 && summary.anonymous * 2 > summary.voices.length) {
        add('anonymous-majority', `${summary.anonymous} of ${summary.voices.length} voices`);
      }
      return findings;
    };
  },
};
