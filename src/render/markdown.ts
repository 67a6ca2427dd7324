import type { ReportFinding } from '../report/types.js';
import type { Category } from '../rules/types.js';
import { groupDigits } from './numbers.js';
import { findingsByParagraph, LinePieces } from './pieces.js';
import type { RenderInput } from './types.js';

/**
 * The Markdown report, for notes and issue trackers: title, source, provenance facts, the article
 * with flagged spans in **bold** followed by a superscript marker (`**thugs**⁽³⁾`, which reads as
 * plain text too), each paragraph's findings listed after it, voices, and the summary table.
 *
 * Every string from the article (and from rule messages, which may quote it) is untrusted: control
 * characters are stripped and Markdown syntax is escaped, so it cannot add links, images, HTML,
 * emphasis, tables, math or block structure.
 */

const CATEGORY_LABEL: Record<Category, string> = {
  'loaded-language': 'Loaded language',
  attribution: 'Attribution',
  'unattributed-claim': 'Unattributed claim',
  provenance: 'Provenance',
};

// C0/C1 controls (not \n), zero-width and bidi controls, BOM, interlinear annotations, lone surrogates.
const STRIP = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff\ufff9-\ufffb]|\p{Cs}/gu;

/** Remove control and invisible formatting characters; tabs and line/paragraph separators become spaces. */
export function stripControls(text: string): string {
  return text.replace(/[\t\u2028\u2029]/g, ' ').replace(STRIP, '');
}

/**
 * Escape untrusted text for one Markdown line: characters that start inline syntax are
 * backslash-escaped, line breaks become spaces, and a line start that would open a block
 * (heading, quote, list, rule, fence) is escaped too.
 */
export function escapeMarkdown(text: string): string {
  return escapeLineStart(escapeInline(text));
}

/** Bare URLs and e-mail addresses: GFM turns them into links, keeping every character literally. */
const ADDRESS = /\b(?:https?:\/\/|www\.)[^\s<]*|[\p{L}\p{N}._+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/giu;

/** Inline part of {@link escapeMarkdown}, for pieces in the middle of a line. */
export function escapeInline(text: string): string {
  const flat = stripControls(text).replace(/\s*\n\s*/g, ' ');
  let out = '';
  let at = 0;
  for (const m of flat.matchAll(ADDRESS)) {
    out += escapeProse(flat.slice(at, m.index));
    // GitHub may link a bare address (visibly: the link text is the address itself; it runs to
    // the next space or "<"). Renderers without that still need the syntax escaped.
    // Entities, not backslashes: GFM keeps a link's characters raw, and trims trailing punctuation
    // back into the text, where a backslash would have escaped nothing.
    out += m[0].replace(/[\\`*_[\]|$~]/g, (ch, i: number, all: string) =>
      (ch === '_' || ch === '~') && /[\p{L}\p{N}]/u.test(all[i - 1] ?? '') && /[\p{L}\p{N}]/u.test(all[i + 1] ?? '') ? ch : `&#${ch.charCodeAt(0)};`);
    at = m.index + m[0].length;
  }
  return out + escapeProse(flat.slice(at));
}

function escapeProse(text: string): string {
  return text
    .replace(/[\\`*_[\]|~&$]/g, (ch) => `\\${ch}`)
    // An entity, not a backslash: a GFM autolink just before would swallow the backslash.
    .replace(/</g, '&lt;')
    // A mention or an issue reference would notify people on GitHub.
    .replace(/(^|[^\p{L}\p{N}_\\])([@#])(?=[\p{L}\p{N}_])/gu, '$1\\$2');
}

function escapeLineStart(line: string): string {
  // Leading white space would make an indented code block.
  return line.replace(/^\s+/, '').replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** `⁽¹²⁾`: the finding's number, raised, so it reads as a footnote marker in plain text and rendered. */
export function marker(n: number): string {
  return `⁽${String(n).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)])}⁾`;
}

/** `--explain`: each finding's rule explanation too (the question is always shown). */
export interface MarkdownOptions {
  explain?: boolean;
  explanations?: ReadonlyMap<string, string>;
}

export function renderMarkdown(input: RenderInput, options: MarkdownOptions = {}): string {
  return [...markdownPieces(input, options)].join('');
}

/** {@link renderMarkdown} in pieces (a paragraph or more each), for writing as it is rendered. */
export function* markdownPieces(input: RenderInput, options: MarkdownOptions = {}): Generator<string> {
  const { report } = input;
  const s = report.summary;
  const inParagraph = findingsByParagraph(report);
  const out = new LinePieces(true);

  const heading = report.source.title ?? report.source.name;
  out.push(`# ${escapeMarkdown(heading)}`, '');
  out.push(`**Source:** ${escapeMarkdown(report.source.name)} · ${groupDigits(s.words)} words · ${s.findings} ${s.findings === 1 ? 'flag' : 'flags'}`, '');
  out.push('*Flags are prompts to think, not verdicts. Words inside a direct quotation are the speaker\'s, not the outlet\'s.*', '');

  const facts = provenanceFacts(input);
  if (facts.length > 0) out.push('## Where it comes from', '', ...facts.map((f) => `- ${f}`), '');

  out.push('## The article', '');
  for (const para of input.paragraphs) {
    const inPara = inParagraph(para).sort((a, b) => a.start - b.start || b.end - a.end);
    let line = '';
    let at = para.start;
    for (const l of inPara) {
      if (l.start >= at) {
        line += escapeInline(report.text.slice(at, l.start));
        const end = Math.min(l.end, para.end);
        line += bold(report.text.slice(l.start, end));
        at = end;
      }
      line += marker(l.f.n);
    }
    line += escapeInline(report.text.slice(at, para.end));
    if (line.trim() === '') continue;
    out.push(`> ${escapeLineStart(line.trim())}`, '');
    if (inPara.length > 0) {
      for (const l of inPara) out.push(...describe(l.f, options));
      out.push('');
    }
    const piece = out.take();
    if (piece !== null) yield piece;
  }

  const whole = report.findings.filter((f) => f.start === null);
  if (whole.length > 0) {
    out.push('## About the whole article', '');
    for (const f of whole) out.push(...describe(f, options));
    out.push('');
  }

  if (report.voices.length > 0 || report.readings.length > 0) {
    out.push('## Who is heard', '');
    for (const reading of report.readings) out.push(`- ${escapeMarkdown(reading)}`);
    if (report.readings.length > 0) out.push('');
    if (report.voices.length > 0) {
      out.push('| Voice | Kind | Quotations | Paraphrases | Reporting verbs |', '| --- | --- | ---: | ---: | --- |');
      for (const v of report.voices) {
        out.push(`| ${escapeMarkdown(v.name)} | ${v.kind} | ${v.quotes} | ${v.paraphrases} | ${v.cues.map(escapeMarkdown).join(', ')} |`);
      }
      out.push('');
    }
  }

  out.push('## Summary', '', '| Category | Flags | Per 1,000 words |', '| --- | ---: | ---: |');
  for (const category of Object.keys(CATEGORY_LABEL) as Category[]) {
    out.push(`| ${CATEGORY_LABEL[category]} | ${s.byCategory[category]} | ${s.per1000Words[category].toFixed(1)} |`);
  }
  out.push('');
  out.push(`- In the outlet's voice: ${s.byVoice.outlet}; inside quotations: ${s.byVoice.quoted}`);
  out.push(`- The outlet's own loaded language: ${s.outletLoadedPer1000Words.toFixed(1)} per 1,000 words`);
  yield out.take(true)!;
}

/** `**span**`, with white space at either end moved outside the delimiters (where Markdown needs it). */
function bold(text: string): string {
  const escaped = escapeInline(text);
  const m = /^(\s*)(.*?)(\s*)$/su.exec(escaped)!;
  return m[2] === '' ? escaped : `${m[1]}**${m[2]}**${m[3]}`;
}

function describe(f: ReportFinding, options: MarkdownOptions = {}): string[] {
  const voice = f.voice === 'quoted' ? ` — quoted${f.speaker ? ` (${escapeMarkdown(f.speaker)})` : ''}, not the outlet's words` : '';
  const lines = [`- ${marker(f.n)} **${CATEGORY_LABEL[f.category]} · ${escapeMarkdown(f.kind)}** (${f.severity})${voice}: ${escapeMarkdown(f.message)}`];
  if (f.suggestion) lines.push(`  - *Try:* ${escapeMarkdown(f.suggestion)}`);
  const explanation = options.explain ? options.explanations?.get(f.rule) : undefined;
  if (explanation) lines.push(`  - *Why:* ${escapeMarkdown(explanation)}`);
  lines.push(`  - *Ask:* ${escapeMarkdown(f.question)}`);
  return lines;
}

function provenanceFacts(input: RenderInput): string[] {
  const { report } = input;
  const p = report.provenance;
  const facts: string[] = [];
  if (report.source.title) facts.push(`**Headline:** ${escapeMarkdown(report.source.title)}`);
  if (p.byline) facts.push(`**Byline:** ${escapeMarkdown(p.byline)}`);
  if (p.dateline) facts.push(`**Dateline:** ${escapeMarkdown(p.dateline.place)}${p.dateline.credit ? ` (${escapeMarkdown(p.dateline.credit)})` : ''}`);
  if (p.date) facts.push(`**Date:** ${escapeMarkdown(p.date)}`);
  if (p.publisher) facts.push(`**Publisher:** ${escapeMarkdown(p.publisher)}`);
  if (p.republishedBy) facts.push(`**Republished by:** ${escapeMarkdown(p.republishedBy)}`);
  if (p.url) facts.push(`**URL:** ${escapeMarkdown(p.url)}`);
  for (const o of p.outlets) {
    const owner = o.owner ? `, owner: ${escapeMarkdown(o.owner)}` : '';
    const country = o.country ? `, ${escapeMarkdown(o.country)}` : '';
    const typology = o.typology
      ? `, ${escapeMarkdown(o.typologyLabel ?? o.typology)} (${escapeMarkdown(o.typology)}; source: ${escapeMarkdown(o.typologySource ?? 'unknown')})`
      : '';
    facts.push(`**Outlet:** ${escapeMarkdown(o.name)} (${o.role}${owner}${country}${typology})`);
  }
  if (p.residue.length > 0) facts.push(`**Page residue** (not article text, not analysed): ${p.residue.length} ${p.residue.length === 1 ? 'line' : 'lines'}`);
  return facts;
}
