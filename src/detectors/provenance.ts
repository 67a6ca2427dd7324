import { formatMessage, type Finding } from '../findings/types.js';
import type { Rule } from '../rules/types.js';
import type { Detector } from './types.js';

/**
 * Provenance detectors. They read what the pipeline computed once per document before the
 * detectors run (`ctx.provenance`: byline, date, notices, outlets; `ctx.residue`), so no
 * detector parses the page twice. Rules choose their message by `kind`.
 */

const byKind = (rules: Rule[]) => (kind: string) => rules.find((r) => r.kind === kind);

const RESIDUE_WORDS: Record<string, string> = {
  caption: 'a photo caption or credit',
  related: 'a link to another article',
  share: 'a share prompt',
  comments: 'a comment prompt',
  newsletter: 'a newsletter prompt',
  cookie: 'a cookie notice',
  advertisement: 'an advertisement marker',
  prompt: 'a click prompt',
  tags: 'a tag list',
};

/** Page residue: one finding per residue span, so it is visible (dimmed) and counted. */
export const residue: Detector = {
  meta: { name: 'residue', description: 'Page furniture left in the copy: captions, related links, share, comment, newsletter and cookie prompts.' },
  create(rules) {
    const rule = rules[0];
    if (!rule) return () => [];
    return ({ provenance }) => (provenance?.residue ?? []).map((r): Finding => ({
      rule, start: r.start, end: r.end, voice: 'outlet', suggestion: rule.suggestion,
      message: formatMessage(rule.message, RESIDUE_WORDS[r.kind] ?? r.kind),
      data: { residueKind: r.kind },
    }));
  },
};

/** No byline, no date: findings about the whole document. */
export const byline: Detector = {
  meta: { name: 'byline', description: 'Says when the article names no author or gives no date.' },
  create(rules) {
    const rule = byKind(rules);
    const noByline = rule('no-byline');
    const noDate = rule('no-date');
    return ({ provenance, doc }) => {
      // Only for article-like texts (a headline or several paragraphs): a lone sentence has no byline to miss.
      if (!provenance || doc.paragraphs.length < 2) return [];
      const out: Finding[] = [];
      const p = provenance.report;
      if (noByline && p.byline === null) {
        const credited = p.outlets.find((o) => o.role === 'origin');
        let message = formatMessage(noByline.message, '');
        if (provenance.authorlessDisclaimer) message += ' A disclaimer speaks of "the author", but no author is named.';
        else if (credited) message += ` The copy is credited to ${credited.name}.`;
        out.push({ rule: noByline, start: null, end: null, voice: 'outlet', suggestion: noByline.suggestion, message, data: { disclaimer: provenance.authorlessDisclaimer !== null } });
      }
      if (noDate && p.date === null) {
        out.push({ rule: noDate, start: null, end: null, voice: 'outlet', suggestion: noDate.suggestion, message: formatMessage(noDate.message, ''), data: {} });
      }
      return out;
    };
  },
};

/** Republication notices, "Source:"/"Via" lines, and other outlets whose words are passed on. */
export const republication: Detector = {
  meta: { name: 'republication', description: 'Republication notices, source lines, and outlets quoted as primary sources.' },
  create(rules) {
    const rule = byKind(rules);
    const republished = rule('republication');
    const primary = rule('primary-source');
    return ({ provenance }) => {
      if (!provenance) return [];
      const out: Finding[] = [];
      if (republished) {
        for (const n of provenance.notices) {
          if (n.kind !== 'republication' && n.kind !== 'source') continue;
          const who = n.outlet ?? 'another outlet';
          const what = n.role === 'republisher' ? `republished by ${who}` : `first published by ${who}`;
          out.push({ rule: republished, start: n.start, end: n.end, voice: 'outlet', suggestion: republished.suggestion,
            message: formatMessage(republished.message, what), data: { outlet: n.outlet, role: n.role } });
        }
      }
      if (primary) {
        for (const o of provenance.report.outlets) {
          if (o.role !== 'primary-source' || o.start === null || o.end === null) continue;
          const typology = o.typology ? ` (${o.typologyLabel ?? o.typology}, per ${o.typologySource ?? 'the registry'})` : '';
          out.push({ rule: primary, start: o.start, end: o.end, voice: 'outlet', suggestion: primary.suggestion,
            message: formatMessage(primary.message, `${o.name}${typology}`), data: { outlet: o.name, typology: o.typology } });
        }
      }
      return out;
    };
  },
};
