import type { GradedFinding, GradeResult, Score } from '../classroom/grade.js';
import { SHORT_ALIAS } from '../classroom/markup.js';
import { CATEGORIES } from '../rules/types.js';
import { CATEGORY_LABEL, CATEGORY_LETTER } from './html.js';
import { sanitizeLine } from './sanitize.js';

/** The grade as plain text for a terminal or a file, and as JSON. Renderers never analyse. */

const pct = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);

export function renderGradeJson(result: GradeResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

export function renderGradeText(r: GradeResult, width = 80): string {
  const out: string[] = [];
  const o = r.overall;
  out.push(`slant grade · ${sanitizeLine(r.student)} against ${sanitizeLine(r.article)}`);
  out.push('');
  out.push(`Score: ${r.score === null ? '–' : `${r.score}%`} (F1)`);
  out.push(`  You found ${o.found} of the ${o.slant} ${o.slant === 1 ? 'passage' : 'passages'} slant flagged (recall ${pct(o.recall)}).`);
  out.push(`  ${o.matched} of your ${o.marks} ${o.marks === 1 ? 'mark matches' : 'marks match'} one of slant's flags (precision ${pct(o.precision)}).`);
  out.push('');
  out.push('By category          slant  found  missed  your marks  matched  precision  recall    F1');
  for (const c of CATEGORIES) {
    const s: Score = r.byCategory[c];
    out.push(`  ${CATEGORY_LETTER[c]} ${CATEGORY_LABEL[c].padEnd(18)}${String(s.slant).padStart(5)}${String(s.found).padStart(7)}${String(s.missed).padStart(8)}${String(s.marks).padStart(12)}${String(s.matched).padStart(9)}${pct(s.precision).padStart(11)}${pct(s.recall).padStart(8)}${pct(s.f1).padStart(6)}`);
  }
  out.push('');

  out.push(`Found (${r.found.length})`);
  if (r.found.length === 0) out.push('  none yet');
  for (const f of r.found) out.push(`  ${head(f)}`);
  out.push('');

  out.push(`Missed (${r.missed.length})`);
  if (r.missed.length === 0) out.push('  none: you found every passage slant flagged');
  const explained = new Map<string, number>();
  for (const f of r.missed) {
    out.push(`  ${head(f)}`);
    out.push(...wrap(f.message, width, '      '));
    // One explanation per rule: later findings of the same rule point back to the first.
    const first = explained.get(f.rule);
    if (first !== undefined) out.push(`      Why: as for [${first}${CATEGORY_LETTER[f.category]}]`);
    else if (f.explanation) {
      explained.set(f.rule, f.n);
      out.push(...wrap(`Why: ${f.explanation}`, width, '      '));
    }
    out.push(...wrap(`Ask: ${f.question}`, width, '      '));
  }
  out.push('');

  if (r.otherCategory.length > 0) {
    out.push(`Right words, different category (${r.otherCategory.length})`);
    for (const m of r.otherCategory) {
      const theirs = m.findings.map((n) => {
        const f = [...r.found, ...r.missed].find((g) => g.n === n)!;
        return `[${n}${CATEGORY_LETTER[f.category]}] ${CATEGORY_LABEL[f.category]} · ${f.kind}`;
      }).join('; ');
      out.push(`  line ${m.articleLine}: "${sanitizeLine(m.text)}" – you wrote ${SHORT_ALIAS[m.category!]}; slant: ${theirs}`);
    }
    out.push('');
  }

  out.push(`You flagged, slant did not (${r.extra.length})`);
  if (r.extra.length === 0) out.push('  none');
  for (const m of r.extra) out.push(`  line ${m.articleLine}: "${sanitizeLine(m.text)}"${m.category ? ` (${SHORT_ALIAS[m.category]})` : ''}`);
  if (r.extra.length > 0) out.push(...wrap('slant misses things too: these are not wrong answers, they are ones to discuss. Why did you flag each?', width, '  '));
  out.push('');

  if (r.notScored.length > 0) {
    out.push(`About the whole article, not scored (${r.notScored.length})`);
    for (const f of r.notScored) out.push(`  [${f.n}${CATEGORY_LETTER[f.category]}] ${CATEGORY_LABEL[f.category]} · ${f.kind}: ${sanitizeLine(f.message)}`);
    out.push('');
  }

  out.push(...wrap('How the score works: a mark counts when it shares at least one character with a passage slant flagged and, if you gave a category, the categories agree. Recall is the share of slant\'s flags you found; precision is the share of your marks that match a flag; F1 is their harmonic mean (2PR / (P + R)), shown as the score. slant\'s flags are prompts, not a perfect answer key.', width, ''));
  return `${out.join('\n')}\n`;
}

function head(f: GradedFinding): string {
  const quoted = f.voice === 'quoted' ? ` (inside a quotation${f.speaker ? `: ${sanitizeLine(f.speaker)}` : ''})` : '';
  return `[${f.n}${CATEGORY_LETTER[f.category]}] line ${f.line}: "${sanitizeLine(f.text)}" – ${CATEGORY_LABEL[f.category]} · ${f.kind}${quoted}`;
}

function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const word of sanitizeLine(text).split(/\s+/).filter(Boolean)) {
    if (line.length > indent.length && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
    }
    line += (line.length > indent.length ? ' ' : '') + word;
  }
  if (line.length > indent.length) lines.push(line);
  return lines;
}
