import { formatMessage, type Finding } from '../findings/types.js';
import type { Detector } from './types.js';

/**
 * A headline that hangs its claim on a vague source: "Economy set to shrink – Analysts",
 * "Sources: minister to quit". The source words are the rule's `match` list.
 */
export const weaselHeadline: Detector = {
  meta: { name: 'weasel-headline', description: 'Headlines credited to a vague source ("– Analysts", "Sources:").' },
  create(rules) {
    const compiled = rules.map((rule) => {
      const words = rule.match.map((w) => w.trim().toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')).join('|');
      const qualifier = '(?:(?:some|many|most|top|leading|senior|western|unnamed|independent|industry|market|government|local)\\s+)*';
      return {
        rule,
        tail: new RegExp(`(?:\\s[-\\u2013\\u2014]{1,2}|:)\\s*(${qualifier}(?:${words}))\\s*$`, 'iu'),
        head: new RegExp(`^(${qualifier}(?:${words}))\\s*:`, 'iu'),
      };
    });
    return ({ doc }) => {
      if (!doc.title) return [];
      const line = doc.text.slice(doc.title.start, doc.title.end);
      const findings: Finding[] = [];
      for (const { rule, tail, head } of compiled) {
        const m = tail.exec(line) ?? head.exec(line);
        if (!m) continue;
        const start = doc.title.start + m.index + m[0].indexOf(m[1]);
        const end = start + m[1].length;
        findings.push({ rule, start, end, voice: 'outlet', suggestion: rule.suggestion, message: formatMessage(rule.message, m[1]) });
      }
      return findings;
    };
  },
};
