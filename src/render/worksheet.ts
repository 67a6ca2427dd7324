import type { Worksheet } from '../classroom/worksheet.js';
import { escapeHtml, PAGE_END, pageStart } from './html.js';
import { escapeInline } from './markdown.js';
import { groupDigits } from './numbers.js';
import { sanitize, sanitizeLine } from './sanitize.js';

/** The worksheet as a printable page (A4 or Letter) and as Markdown. Renderers never analyse. */

const WORKSHEET_CSS = `
.fields { display: flex; gap: 1.5rem; flex-wrap: wrap; margin: .5rem 0 1rem; }
.fields span { flex: 1 1 10rem; border-bottom: 1px solid #000; padding-top: 1rem; font-size: .9rem; }
ol.instructions { padding-left: 1.4rem; }
ol.instructions li { margin: .2rem 0; }
.lines { font: .95rem/1.75 Georgia, "Times New Roman", Times, serif; margin: .5rem 0 1rem; border-left: 1px solid var(--rule); }
.line { display: grid; grid-template-columns: 3rem 1fr; break-inside: avoid; page-break-inside: avoid; }
.line .no { text-align: right; padding-right: .75rem; color: var(--muted); font: .75rem/2.3 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; user-select: none; }
.line .t { white-space: pre-wrap; padding-right: 7rem; }
.gap { height: .8rem; }
ol.questions { padding-left: 1.6rem; }
ol.questions > li { margin: 0 0 1rem; break-inside: avoid; page-break-inside: avoid; }
.q-head { font-weight: 700; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.answer { border-bottom: 1px solid #9a9a9a; height: 1.9rem; }
@media print {
  .lines { font-size: 10.5pt; line-height: 1.7; }
  .line .t { padding-right: 0; }
  section.questions { break-before: page; page-break-before: always; }
}
`;

export function renderWorksheetHtml(w: Worksheet): string {
  const out: string[] = [pageStart(`Worksheet · ${w.title}`, WORKSHEET_CSS)];
  out.push('<header>');
  out.push(`<h1>${escapeHtml(w.title)}</h1>`);
  out.push(`<p class="ui muted">Media-literacy worksheet · ${escapeHtml(w.source)} · ${groupDigits(w.words)} words</p>`);
  out.push('<div class="fields ui"><span>Name</span><span>Class</span><span>Date</span></div>');
  out.push('</header>');
  out.push('<section class="block"><h2>What to do</h2><ol class="instructions">');
  for (const line of w.instructions) out.push(`<li>${codeSpans(line, (c) => `<code>${escapeHtml(c)}</code>`, escapeHtml)}</li>`);
  out.push('</ol></section>');
  out.push('<section><h2>The article</h2><div class="lines" data-article="">');
  for (const line of w.lines) {
    if (line.n === null) out.push('<div class="gap"></div>');
    else out.push(`<div class="line" data-line="${line.n}"><span class="no">${line.n}</span><span class="t">${escapeHtml(line.text)}</span></div>`);
  }
  out.push('</div></section>');
  out.push('<section class="questions"><h2>Questions</h2><ol class="questions">');
  for (const q of w.questions) {
    out.push(`<li data-question="${q.n}"><span class="q-head">${escapeHtml(q.heading)}</span> ${escapeHtml(q.prompt)}`);
    for (let i = 0; i < q.answerLines; i++) out.push('<div class="answer"></div>');
    out.push('</li>');
  }
  out.push('</ol></section>');
  out.push(PAGE_END);
  return out.join('\n');
}

/** Markdown: the article goes in a fenced block, so its text can never become Markdown or HTML. */
export function renderWorksheetMarkdown(w: Worksheet): string {
  const out: string[] = [];
  out.push(`# Worksheet: ${mdInline(w.title)}`, '');
  out.push(`*Media-literacy worksheet · ${mdInline(w.source)} · ${groupDigits(w.words)} words*`, '');
  out.push('Name: ____________________  Class: __________  Date: __________', '');
  out.push('## What to do', '');
  for (const [i, line] of w.instructions.entries()) out.push(`${i + 1}. ${codeSpans(line, (c) => `\`${c}\``, mdInline)}`);
  out.push('', '## The article', '');
  const numberWidth = String(w.lines.reduce((max, l) => Math.max(max, l.n ?? 0), 0)).length;
  const body = w.lines.map((l) => (l.n === null ? '' : `${String(l.n).padStart(numberWidth)}  ${sanitize(l.text)}`));
  const fence = '`'.repeat(Math.max(3, ...body.map((l) => longestRun(l, '`') + 1)));
  out.push(`${fence}text`, ...body, fence, '');
  out.push('## Questions', '');
  for (const q of w.questions) {
    out.push(`${q.n}. **${mdInline(q.heading)}** ${mdInline(q.prompt)}`, '');
    for (let i = 0; i < q.answerLines; i++) out.push('   ______________________________________________________________________');
    out.push('');
  }
  return out.join('\n');
}

/** Our own instructions name markup and commands: show those as code. */
const CODE = /(\[\[[^\]]*\]\]|slant grade \S+ \S+)/g;

function codeSpans(text: string, code: (s: string) => string, plain: (s: string) => string): string {
  return text.split(CODE).map((part, i) => (i % 2 === 1 ? code(part) : plain(part))).join('');
}

function longestRun(text: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

/** Escape text for inline Markdown (shared with the Markdown report): no markup, links or HTML. */
function mdInline(text: string): string {
  return escapeInline(sanitizeLine(text));
}
