import { attribute } from '../attribution/extract.js';
import { formatMessage, type Finding } from '../findings/types.js';
import type { Detector } from './types.js';

/**
 * Reporting verbs that frame what they introduce: endorsing ("noted"), doubting ("claimed"),
 * culpability ("admitted"), emotive ("slammed"). The word lists are the rules' `match`, their class
 * is `options.class`; neutral verbs (`report: false`) are listed with the quotations, never flagged.
 * A cue counts when it introduces a quotation or reported speech, or, for verbs with
 * `options.object`, whenever it is used as a verb ("slammed the plan").
 */
export const reportingVerb: Detector = {
  meta: { name: 'reporting-verb', description: 'Flags reporting verbs that endorse, doubt, blame or dramatise what a source said.' },
  create(rules) {
    return (ctx) => {
      const attribution = ctx.attribution ?? attribute(ctx.doc, rules, ctx.residue ?? []);
      const findings: Finding[] = [];
      const { text } = ctx.doc;
      const ruleSet = new Set(rules);
      for (const use of attribution.cues) {
        const { entry } = use.cue;
        if (!entry.report || !ruleSet.has(entry.rule)) continue;
        const quote = use.quote >= 0 ? attribution.quotes[use.quote] : null;
        if (!quote && !(entry.object && !use.cue.noun)) continue;
        const matched = text.slice(use.start, use.end);
        findings.push({
          rule: entry.rule,
          start: use.start,
          end: use.end,
          message: formatMessage(entry.rule.message, matched),
          suggestion: entry.rule.suggestion,
          voice: 'outlet',
          speaker: quote?.speaker ?? null,
          data: { class: entry.cls, speaker: quote?.speaker ?? null, quoteKind: quote?.kind ?? null },
        });
      }
      return findings;
    };
  },
};
