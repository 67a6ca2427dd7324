import type { ReportFinding } from '../report/types.js';
import type { Category } from '../rules/types.js';
import { groupDigits } from './numbers.js';
import { findingsByParagraph, LinePieces, type Located } from './pieces.js';
import type { RenderInput } from './types.js';

/**
 * `--format html`: one self-contained, printable page. No network, no fonts, no images and no
 * JavaScript: a Content-Security-Policy forbids them, so even text that slipped through escaping
 * could not run or load anything. Every piece of article text goes through `escapeHtml`.
 */
export interface HtmlOptions {
  /** Show each finding's explanation (the question is always shown). */
  explain: boolean;
  /** Rule explanations, by rule id (renderers do not load rules themselves). */
  explanations?: ReadonlyMap<string, string>;
}

export const CATEGORY_LABEL: Record<Category, string> = {
  'loaded-language': 'loaded language',
  attribution: 'attribution',
  'unattributed-claim': 'unattributed claim',
  provenance: 'provenance',
};

export const CATEGORY_LETTER: Record<Category, string> = {
  'loaded-language': 'L', attribution: 'A', 'unattributed-claim': 'C', provenance: 'P',
};

const CATEGORY_CLASS: Record<Category, string> = {
  'loaded-language': 'cat-l', attribution: 'cat-a', 'unattributed-claim': 'cat-c', provenance: 'cat-p',
};

const CATEGORY_HINT: Record<Category, string> = {
  'loaded-language': 'words that tell you what to feel or think before the facts do',
  attribution: 'how sources are named, and how the outlet frames what they said',
  'unattributed-claim': 'claims stated as fact with no source you could check',
  provenance: 'where the piece comes from: author, wire service, owner, republication',
};

/**
 * Okabe–Ito colours (distinguishable with the common colour-vision deficiencies). Underlines are
 * at least 3:1 against white; marker text is at least 4.5:1 against its badge. Each category also
 * has its own underline style and letter, so nothing rests on colour alone.
 */
const PALETTE: Record<Category, { color: string; ink: string; tint: string; line: string }> = {
  'loaded-language': { color: '#D55E00', ink: '#000', tint: '#fbe3d3', line: 'solid' },
  attribution: { color: '#0072B2', ink: '#fff', tint: '#d9eaf5', line: 'dashed' },
  'unattributed-claim': { color: '#CC79A7', ink: '#000', tint: '#f6e4ee', line: 'dotted' },
  provenance: { color: '#009E73', ink: '#000', tint: '#d6f0e8', line: 'double' },
};

const CATEGORIES = Object.keys(CATEGORY_LABEL) as Category[];

/** Escape text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, (ch) => {
    switch (ch) {
      case '&': return '&amp;';
      case '<': return '&lt;';
      case '>': return '&gt;';
      case '"': return '&quot;';
      case "'": return '&#39;';
      // Control characters and bidi overrides are shown visibly, as in the terminal report.
      default: return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
}

/** The policy every page slant writes carries: nothing may load or run. */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** Shared by the report, the worksheet and the grade page. */
export function pageStart(title: string, extraCss = ''): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="generator" content="slant">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${BASE_CSS}${extraCss}</style>`,
    '</head>',
    '<body>',
  ].join('\n');
}

export const PAGE_END = '</body>\n</html>\n';

const BASE_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #c8c8c8; }
*, *::before, *::after { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem 1.25rem 3rem; color: var(--ink); background: #fff;
  font: 1rem/1.6 Georgia, "Times New Roman", Times, serif; }
h1, h2, h3, .ui { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.muted { color: var(--muted); }
table { border-collapse: collapse; margin: .25rem 0 1rem; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .2rem .6rem .2rem 0; border-bottom: 1px solid #e4e4e4; }
th { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-weight: 600; }
.note, .finding, .block, tr { break-inside: avoid; page-break-inside: avoid; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
@page { size: auto; margin: 16mm 15mm 18mm; }
@page :first { margin-top: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; line-height: 1.45; }
  a { color: inherit; text-decoration: none; }
  h2 { margin-top: 1.2rem; }
}
`;

const REPORT_CSS = `
${CATEGORIES.map((c) => {
    const p = PALETTE[c];
    const k = CATEGORY_CLASS[c];
    return `.span.${k} { background: ${p.tint}; text-decoration: underline ${p.line} ${p.color}; text-decoration-thickness: ${p.line === 'double' ? '3px' : '2px'}; }
.marker.${k}, .badge.${k} { background: ${p.color}; color: ${p.ink}; border-color: ${p.color}; }`;
  }).join('\n')}
.span { text-underline-offset: .22em; text-decoration-skip-ink: none; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.span .span { text-underline-offset: .42em; }
.span.quoted { font-style: italic; }
.marker, .badge { display: inline-block; font: 700 .72rem/1.1 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  padding: .08rem .28rem; margin: 0 .12rem; border-radius: .25rem; border: 1px solid; vertical-align: .3em;
  text-decoration: none; white-space: nowrap; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.marker.quoted::before, .badge.quoted::before { content: "\\201C"; }
.marker.quoted::after, .badge.quoted::after { content: "\\201D"; }
.marker:focus-visible { outline: 3px solid #000; outline-offset: 1px; }
header.report p { margin: .1rem 0; }
.lede { font-style: italic; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .25rem 0 1rem; font-size: .95rem; }
dl.facts dt { font-weight: 600; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
dl.facts dd { margin: 0; }
ul.legend { list-style: none; padding: 0; margin: .25rem 0 1rem; display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: .35rem 1.25rem; }
ul.legend li { break-inside: avoid; }
.para { display: grid; grid-template-columns: minmax(0, 1fr); gap: .25rem 2rem; margin: 0 0 1rem; }
.para > .text { margin: 0; }
.para > .text.headline { font-size: 1.3rem; font-weight: 700; line-height: 1.35; }
.notes { list-style: none; margin: 0 0 .5rem; padding: 0 0 0 .75rem; border-left: 3px solid var(--rule); font-size: .88rem; line-height: 1.45; }
.note { margin: 0 0 .6rem; }
.note .head { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-weight: 600; }
.note .quote-of { display: block; font-style: italic; color: var(--muted); }
.note .text-of { font-style: italic; }
.note p { margin: .1rem 0; }
.note .ask::before { content: "Ask: "; font-weight: 700; font-style: normal; }
.note .ask { font-style: italic; }
.note .try::before { content: "Try: "; font-weight: 700; }
.note .why { color: #333; }
@media screen and (min-width: 60rem) {
  .para { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
  .para > .notes { grid-column: 2; }
  .para.bare { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
}
@media print {
  .notes { font-size: 9pt; }
  .para { margin-bottom: .7rem; }
}
`;

/** Render one report as a standalone HTML page. */
export function renderHtml(input: RenderInput, options: HtmlOptions): string {
  return [...htmlPieces(input, options)].join('');
}

/** {@link renderHtml} in pieces (a paragraph or more each), for writing as it is rendered. */
export function* htmlPieces(input: RenderInput, options: HtmlOptions): Generator<string> {
  const { report } = input;
  const inParagraph = findingsByParagraph(report);
  const s = report.summary;
  const title = report.source.title ?? report.source.name;

  const out = new LinePieces(false);
  out.push(pageStart(`slant · ${title}`, REPORT_CSS));
  out.push('<header class="report">');
  out.push(`<h1>${escapeHtml(title)}</h1>`);
  out.push(`<p class="ui muted">slant · ${escapeHtml(report.source.name)} · ${groupDigits(s.words)} words · ${s.findings} ${s.findings === 1 ? 'flag' : 'flags'}</p>`);
  out.push('<p class="lede">Flags are prompts to think, not verdicts. Each numbered marker points to a note with a question to ask.</p>');
  out.push('</header>');

  out.push(renderLegend());
  out.push(renderProvenance(input));
  out.push(renderVoices(input));

  out.push('<main>');
  out.push('<h2>The article</h2>');
  out.push('<article data-article="">');
  for (const [index, para] of input.paragraphs.entries()) {
    const inPara = inParagraph(para);
    const paraText = report.text.slice(para.start, para.end);
    const isHeadline = index === 0 && report.source.title !== null && paraText.trim() === report.source.title.trim();
    const tag = isHeadline ? 'h3' : 'p';
    out.push(`<section class="para${inPara.length === 0 ? ' bare' : ''}">`);
    out.push(`<${tag} class="text${isHeadline ? ' headline' : ''}">${markSpans(report.text, para.start, para.end, inPara)}</${tag}>`);
    if (inPara.length > 0) {
      out.push('<ol class="notes">');
      for (const l of inPara) out.push(renderNote(l.f, options));
      out.push('</ol>');
    }
    out.push('</section>');
    const piece = out.take();
    if (piece !== null) yield piece;
  }
  out.push('</article>');

  const documentFindings = report.findings.filter((f) => f.start === null || f.end === null);
  if (documentFindings.length > 0) {
    out.push('<section class="whole"><h2>About the whole article</h2><ol class="notes">');
    for (const f of documentFindings) out.push(renderNote(f, options, true));
    out.push('</ol></section>');
  }
  out.push('</main>');
  out.push(renderSummary(input));
  out.push('<footer class="ui muted"><p>Made by slant. Loaded words inside a quotation are the speaker’s, not the outlet’s: their markers are shown in quotation marks.</p></footer>');
  out.push(PAGE_END);
  yield out.take(true)!;
}

/**
 * The paragraph's text with each finding's span wrapped and its numbered marker after it.
 * Spans are nested when one lies inside another; a span that crosses the end of an enclosing
 * one is cut there (the note still quotes the whole finding).
 */
function markSpans(text: string, from: number, to: number, inPara: Located[]): string {
  const sorted = [...inPara].sort((a, b) => a.start - b.start || b.end - a.end || a.f.n - b.f.n);
  let html = '';
  let at = from;
  const stack: Array<{ l: Located; end: number }> = [];
  const emit = (upTo: number) => {
    if (upTo > at) {
      html += textHtml(text.slice(at, upTo));
      at = upTo;
    }
  };
  const close = () => {
    const top = stack.pop()!;
    emit(top.end);
    html += `</span>${marker(top.l.f)}`;
  };
  for (const l of sorted) {
    while (stack.length > 0 && stack[stack.length - 1].end <= l.start) close();
    emit(l.start);
    const limit = stack.length > 0 ? stack[stack.length - 1].end : to;
    const end = Math.max(l.start, Math.min(l.end, limit, to));
    html += `<span class="span ${CATEGORY_CLASS[l.f.category]}${l.f.voice === 'quoted' ? ' quoted' : ''}" id="f${l.f.n}" data-span="${l.f.n}">`;
    stack.push({ l, end });
  }
  while (stack.length > 0) close();
  emit(to);
  return html;
}

function textHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>\n');
}

function markerLabel(f: ReportFinding): string {
  return `${f.n}${CATEGORY_LETTER[f.category]}`;
}

function markerTitle(f: ReportFinding): string {
  const quoted = f.voice === 'quoted' ? `, inside a quotation${f.speaker ? ` (${f.speaker})` : ''}: the speaker's words` : '';
  return `finding ${f.n}: ${CATEGORY_LABEL[f.category]}, ${f.kind}${quoted}`;
}

function marker(f: ReportFinding): string {
  return `<a class="marker ${CATEGORY_CLASS[f.category]}${f.voice === 'quoted' ? ' quoted' : ''}" href="#n${f.n}" data-finding="${f.n}" title="${escapeHtml(markerTitle(f))}" aria-label="${escapeHtml(markerTitle(f))}">${markerLabel(f)}</a>`;
}

function renderNote(f: ReportFinding, options: HtmlOptions, whole = false): string {
  const parts: string[] = [];
  const badge = whole
    ? `<span class="badge ${CATEGORY_CLASS[f.category]}" data-finding="${f.n}" title="${escapeHtml(markerTitle(f))}">${markerLabel(f)}</span>`
    : `<a class="badge ${CATEGORY_CLASS[f.category]}${f.voice === 'quoted' ? ' quoted' : ''}" href="#f${f.n}">${markerLabel(f)}</a>`;
  parts.push(`<span class="head">${badge} ${escapeHtml(CATEGORY_LABEL[f.category])} · ${escapeHtml(f.kind)} <span class="muted">(${f.severity})</span></span>`);
  if (f.text !== null) parts.push(` <span class="text-of">“${escapeHtml(f.text)}”</span>`);
  if (f.voice === 'quoted') {
    parts.push(`<span class="quote-of">Inside a quotation: ${f.speaker ? `${escapeHtml(f.speaker)}’s` : 'the speaker’s'} words, not the outlet’s.</span>`);
  }
  parts.push(`<p>${escapeHtml(f.message)}</p>`);
  if (f.suggestion) parts.push(`<p class="try">${escapeHtml(f.suggestion)}</p>`);
  const explanation = options.explain ? options.explanations?.get(f.rule) : undefined;
  if (explanation) parts.push(`<p class="why">${escapeHtml(explanation)}</p>`);
  parts.push(`<p class="ask">${escapeHtml(f.question)}</p>`);
  return `<li class="note" id="n${f.n}" data-note="${f.n}">${parts.join('')}</li>`;
}

function renderLegend(): string {
  const items = CATEGORIES.map((c) => {
    const p = PALETTE[c];
    return `<li><span class="badge ${CATEGORY_CLASS[c]}">${CATEGORY_LETTER[c]}</span> <span class="span ${CATEGORY_CLASS[c]}">${CATEGORY_LABEL[c]}</span> <span class="muted">(${p.line} underline)</span>: ${CATEGORY_HINT[c]}</li>`;
  });
  items.push('<li><span class="badge quoted cat-l">L</span> a marker in quotation marks: the flagged words are inside a quotation, so they are the speaker’s, not the outlet’s</li>');
  return `<section class="block legend-block"><h2>How to read the marks</h2><ul class="legend ui">${items.join('')}</ul></section>`;
}

function renderProvenance(input: RenderInput): string {
  const p = input.report.provenance;
  const rows: Array<[string, string]> = [];
  if (p.byline) rows.push(['Byline', escapeHtml(p.byline)]);
  if (p.dateline) rows.push(['Dateline', `${escapeHtml(p.dateline.place)}${p.dateline.credit ? ` (${escapeHtml(p.dateline.credit)})` : ''}`]);
  if (p.date) rows.push(['Date', escapeHtml(p.date)]);
  if (p.publisher) rows.push(['Publisher', escapeHtml(p.publisher)]);
  if (p.republishedBy) rows.push(['Republished by', escapeHtml(p.republishedBy)]);
  if (p.url) rows.push(['Address', `<span class="url">${escapeHtml(p.url)}</span>`]);
  const residue = p.residue ?? [];
  if (residue.length > 0) rows.push(['Not article text', `${residue.length} ${residue.length === 1 ? 'passage' : 'passages'} of page residue (captions, credits, sharing prompts)`]);
  const out = ['<section class="block provenance"><h2>Where it comes from</h2>'];
  if (rows.length === 0 && p.outlets.length === 0) {
    out.push('<p class="muted">slant found no byline, dateline, date or publisher in the text. Who is behind it?</p>');
  } else {
    out.push(`<dl class="facts">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`);
  }
  if (p.outlets.length > 0) {
    out.push('<table class="outlets"><thead><tr><th>Outlet</th><th>Role</th><th>Owner</th><th>Country</th><th>Typology</th></tr></thead><tbody>');
    for (const o of p.outlets) {
      const typology = o.typology
        ? `${escapeHtml(o.typologyLabel ?? o.typology)} (${escapeHtml(o.typology)}; source: ${escapeHtml(o.typologySource ?? 'unknown')})`
        : '<span class="muted">not listed</span>';
      out.push(`<tr><td>${escapeHtml(o.name)}</td><td>${escapeHtml(o.role)}</td><td>${o.owner ? escapeHtml(o.owner) : '<span class="muted">unknown</span>'}</td><td>${o.country ? escapeHtml(o.country) : ''}</td><td>${typology}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}

function renderVoices(input: RenderInput): string {
  const { voices } = input.report;
  const readings = input.report.readings;
  const out = ['<section class="block voices"><h2>Who is heard</h2>'];
  if (readings.length > 0) out.push(`<ul>${readings.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`);
  if (!voices || voices.length === 0) {
    out.push('<p class="muted">slant found no quoted or paraphrased sources. Whose voice is missing?</p>');
  } else {
    out.push('<table class="voices"><thead><tr><th>Source</th><th>Kind</th><th>Quotations</th><th>Paraphrases</th><th>Reporting verbs</th></tr></thead><tbody>');
    for (const v of voices) {
      out.push(`<tr><td>${escapeHtml(v.name)}</td><td>${escapeHtml(v.kind)}</td><td>${v.quotes}</td><td>${v.paraphrases}</td><td>${(v.cues ?? []).map((c) => escapeHtml(c)).join(', ')}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}

function renderSummary(input: RenderInput): string {
  const s = input.report.summary;
  const rows = CATEGORIES.map((c) =>
    `<tr><td><span class="badge ${CATEGORY_CLASS[c]}">${CATEGORY_LETTER[c]}</span> ${CATEGORY_LABEL[c]}</td><td>${s.byCategory[c] ?? 0}</td><td>${(s.per1000Words[c] ?? 0).toFixed(1)}</td></tr>`);
  return [
    '<section class="block summary"><h2>Summary</h2>',
    '<table><thead><tr><th>Category</th><th>Flags</th><th>Per 1,000 words</th></tr></thead><tbody>',
    ...rows,
    '</tbody></table>',
    `<p>In the outlet’s own voice: ${s.byVoice.outlet}; inside quotations: ${s.byVoice.quoted}. The outlet’s own loaded language: ${s.outletLoadedPer1000Words.toFixed(1)} per 1,000 words.</p>`,
    '</section>',
  ].join('\n');
}
