import { Chalk, type ChalkInstance } from 'chalk';
import type { ReportFinding } from '../report/types.js';
import type { Category } from '../rules/types.js';
import { groupDigits } from './numbers.js';
import { findingsByParagraph, LinePieces } from './pieces.js';
import { sanitize, sanitizeLine } from './sanitize.js';
import type { RenderInput, TerminalOptions } from './types.js';
import { displayWidth } from './width.js';

const CATEGORY_LABEL: Record<Category, string> = {
  'loaded-language': 'loaded language',
  attribution: 'attribution',
  'unattributed-claim': 'unattributed claim',
  provenance: 'provenance',
};

/** One letter per category beside every marker, so meaning never rests on colour alone. */
const CATEGORY_LETTER: Record<Category, string> = {
  'loaded-language': 'L', attribution: 'A', 'unattributed-claim': 'C', provenance: 'P',
};

interface Run {
  text: string;
  style: (s: string) => string;
}

/** The default report: the article with flagged spans marked, each paragraph's findings after it, a summary. */
export function renderTerminal(input: RenderInput, options: TerminalOptions): string {
  return [...terminalPieces(input, options)].join('');
}

/** {@link renderTerminal} in pieces (a paragraph or more each), for writing as it is rendered. */
export function* terminalPieces(input: RenderInput, options: TerminalOptions): Generator<string> {
  const { report } = input;
  const c = new Chalk({ level: options.colorLevel });
  const color = colors(c);
  const width = Math.max(40, Math.min(options.width, 100));
  const inParagraph = findingsByParagraph(report);

  const out = new LinePieces(true);
  const s = report.summary;
  out.push(c.bold(`slant · ${sanitizeLine(report.source.name)}`) + c.dim(` · ${groupDigits(s.words)} words · ${s.findings} ${s.findings === 1 ? "flag" : "flags"}`));
  out.push(c.dim('Flags are prompts to think, not verdicts.'));
  out.push('');
  const facts: string[] = [];
  renderProvenance(input, c, facts, width);
  out.push(...facts);

  for (const para of input.paragraphs) {
    const inPara = inParagraph(para);
    const runs: Run[] = [];
    let at = para.start;
    for (const l of inPara.sort((a, b) => a.start - b.start || b.end - a.end)) {
      if (l.start >= at) {
        runs.push({ text: report.text.slice(at, l.start), style: (x) => x });
        const end = Math.min(l.end, para.end);
        runs.push({ text: report.text.slice(l.start, end), style: (x) => (l.f.kind === 'residue' ? c.dim(x) : color.span[l.f.category](x)) });
        at = end;
      }
      const marker = options.colorLevel > 0 ? `[${l.f.n}]` : `[${l.f.n}${CATEGORY_LETTER[l.f.category]}]`;
      runs.push({ text: marker, style: (x) => color.marker[l.f.category](x) });
    }
    runs.push({ text: report.text.slice(at, para.end), style: (x) => x });
    out.push(...wrap(runs, width, ''));
    for (const l of inPara) {
      const lines = describe(l.f, c, color, width, options);
      out.push(...(l.f.kind === 'residue' ? lines.map((x) => c.dim(x)) : lines)); // residue is shown dimmed
    }
    out.push('');
    const piece = out.take();
    if (piece !== null) yield piece;
  }

  const documentFindings = report.findings.filter((f) => f.start === null);
  if (documentFindings.length > 0) {
    out.push(c.bold('About the whole article'));
    for (const f of documentFindings) out.push(...describe(f, c, color, width, options));
    out.push('');
  }
  out.push(...renderVoices(input, c, width));
  out.push(...renderSummary(input, c, color));
  yield out.take(true)!;
}

function colors(c: ChalkInstance) {
  const palette: Record<Category, ChalkInstance> = {
    'loaded-language': c.red,
    attribution: c.yellow,
    'unattributed-claim': c.magenta,
    provenance: c.cyan,
  };
  const span = {} as Record<Category, (s: string) => string>;
  const marker = {} as Record<Category, (s: string) => string>;
  for (const key of Object.keys(palette) as Category[]) {
    span[key] = (s) => palette[key].underline(s);
    marker[key] = (s) => palette[key].bold(s);
  }
  return { palette, span, marker };
}

function describe(f: ReportFinding, c: ChalkInstance, color: ReturnType<typeof colors>, width: number, options: TerminalOptions): string[] {
  const label = `${CATEGORY_LABEL[f.category]} · ${f.kind}`;
  const voice = f.voice === 'quoted' ? c.dim(` (quoted${f.speaker ? `: ${sanitizeLine(f.speaker)}` : ''}, not the outlet's words)`) : '';
  const head = `${color.marker[f.category](`  [${f.n}]`)} ${color.palette[f.category](label)}${voice}`;
  const lines = [head];
  const indent = '      ';
  lines.push(...wrap([{ text: f.message, style: (x) => x }], width, indent));
  if (f.suggestion) lines.push(...wrap([{ text: `Try: ${f.suggestion}`, style: (x) => c.green(x) }], width, indent));
  if (options.explain) {
    const explanation = options.explanations?.get(f.rule);
    if (explanation) lines.push(...wrap([{ text: explanation, style: (x) => c.dim(x) }], width, indent));
    lines.push(...wrap([{ text: `Ask: ${f.question}`, style: (x) => c.italic(x) }], width, indent));
  }
  return lines;
}

const ROLE_WORDS: Record<string, string> = {
  origin: 'original source',
  publisher: 'publisher',
  republisher: 'republished it',
  'primary-source': 'its words are passed on',
  mentioned: 'mentioned',
};

/** The provenance block at the top of the report: who is behind the copy, each fact with its question. */
function renderProvenance(input: RenderInput, c: ChalkInstance, out: string[], width: number): void {
  const p = input.report.provenance;
  const facts: string[] = [];
  const row = (label: string, value: string) => {
    const line = `  ${c.bold(label.padEnd(16))}${value}`;
    // Long rows wrap under the value column, so the block keeps to the report's width.
    if (displayWidth(stripAnsi(line)) <= width) facts.push(line);
    else {
      const wrapped = wrap([{ text: stripAnsi(value), style: (x) => x }], width, ' '.repeat(18));
      facts.push(`  ${c.bold(label.padEnd(16))}${wrapped[0].trimStart()}`, ...wrapped.slice(1));
    }
  };
  if (input.report.source.title) row('Headline', sanitizeLine(input.report.source.title));
  row('Publisher', p.publisher ? sanitizeLine(p.publisher) : c.dim('not stated'));
  if (p.republishedBy) row('Republished by', sanitizeLine(p.republishedBy));
  const origins = p.outlets.filter((o) => o.role === 'origin').map((o) => sanitizeLine(o.name));
  if (origins.length > 0) row('Original source', origins.join(', '));
  if (p.dateline) row(p.dateline.credit ? 'Dateline, wire' : 'Dateline', `${sanitizeLine(p.dateline.place)}${p.dateline.credit ? ` (${sanitizeLine(p.dateline.credit)})` : ''}`);
  row('Byline', p.byline ? sanitizeLine(p.byline) : c.dim('none'));
  row('Date', p.date ? sanitizeLine(p.date) : c.dim('none'));
  if (p.url) row('Address', sanitizeLine(p.url));
  for (const o of p.outlets) {
    const bits = [ROLE_WORDS[o.role] ?? o.role];
    if (o.owner) bits.push(`owner: ${sanitizeLine(o.owner)}`);
    if (o.country) bits.push(sanitizeLine(o.country));
    if (o.typology) bits.push(`${o.typology}, ${sanitizeLine(o.typologyLabel ?? o.typology)} (source: ${sanitizeLine(o.typologySource ?? 'unknown')})`);
    else if (!o.owner) bits.push(c.dim('not in the outlet registry'));
    row('Outlet', `${sanitizeLine(o.name)}: ${bits.join('; ')}`);
  }
  if (p.residue.length > 0) {
    const lines = p.residue.reduce((n, r) => n + r.text.split('\n').length, 0);
    row('Residue', `${lines} ${lines === 1 ? 'line' : 'lines'} of page residue set aside (shown dimmed, not counted)`);
  }
  out.push(c.bold('Provenance'), ...facts);
  const ask = p.outlets.some((o) => o.role === 'origin' || o.role === 'republisher') || p.dateline?.credit
    ? 'Who is behind this? Trace it to the original.'
    : 'Who is behind this? What do other sources say?';
  out.push(...wrap([{ text: `Ask: ${ask}`, style: (x) => c.italic(x) }], width, '  '), '');
}

function stripAnsi(s: string): string {
  return s.replace(/\u001b\[[0-9;]*m/g, '');
}

/** Who is quoted, how often, with which verbs, and the analysis's one-line readings (computed upstream). */
function renderVoices(input: RenderInput, c: ChalkInstance, width: number): string[] {
  const { voices } = input.report;
  const readings = input.report.readings;
  if (voices.length === 0 && readings.length === 0) return [];
  const out = [c.bold('Voices')];
  const kind = { named: 'named', anonymous: 'unnamed', organisation: 'organisation' } as const;
  for (const v of voices.slice(0, 12)) {
    const counts = [v.quotes > 0 ? `${v.quotes} quoted` : '', v.paraphrases > 0 ? `${v.paraphrases} reported` : ''].filter(Boolean).join(', ');
    const runs: Run[] = [
      { text: `${v.name} `, style: (x) => x },
      { text: `(${kind[v.kind]}) `, style: (x) => c.dim(x) },
      { text: counts, style: (x) => x },
    ];
    if (v.cues.length > 0) runs.push({ text: ` · ${v.cues.join(', ')}`, style: (x) => c.dim(x) });
    const lines = wrap(runs, width, '    ');
    out.push(...lines.map((l, k) => (k === 0 ? l.replace(/^ {4}/, '  ') : l)));
  }
  if (voices.length > 12) out.push(c.dim(`  … and ${voices.length - 12} more`));
  for (const r of readings) out.push(...wrap([{ text: r, style: (x) => x }], width, '  '));
  out.push('');
  return out;
}

function renderSummary(input: RenderInput, c: ChalkInstance, color: ReturnType<typeof colors>): string[] {
  const s = input.report.summary;
  const out = [c.bold('Summary')];
  for (const category of Object.keys(CATEGORY_LABEL) as Category[]) {
    const n = s.byCategory[category];
    const label = CATEGORY_LABEL[category].padEnd(18);
    out.push(`  ${color.palette[category](`${CATEGORY_LETTER[category]} ${label}`)}${String(n).padStart(4)}  ${s.per1000Words[category].toFixed(1).padStart(5)} per 1,000 words`);
  }
  out.push(`  in the outlet's voice: ${s.byVoice.outlet}; inside quotations: ${s.byVoice.quoted}`);
  out.push(`  outlet's loaded language: ${s.outletLoadedPer1000Words.toFixed(1)} per 1,000 words`);
  return out;
}

/**
 * Greedy word wrap over styled runs. A "word" is everything between white space, across runs,
 * so a marker written right after its span stays on the span's line; widths are measured on
 * the sanitized text.
 */
function wrap(runs: Run[], width: number, indent: string): string[] {
  interface Word { styled: string; width: number }
  const paragraphs: Word[][] = [[]];
  let current: Word | null = null;
  for (const run of runs) {
    for (const piece of sanitize(run.text).split(/(\s+)/)) {
      if (piece === '') continue;
      if (/^\s+$/.test(piece)) {
        current = null;
        if (piece.includes('\n')) paragraphs.push([]);
        continue;
      }
      if (!current) {
        current = { styled: '', width: 0 };
        paragraphs[paragraphs.length - 1].push(current);
      }
      current.styled += run.style(piece);
      current.width += displayWidth(piece);
    }
  }
  const indentWidth = displayWidth(indent);
  const lines: string[] = [];
  for (const words of paragraphs) {
    let line = indent;
    let used = indentWidth;
    for (const word of words) {
      if (used > indentWidth && used + 1 + word.width > width) {
        lines.push(line);
        line = indent;
        used = indentWidth;
      }
      if (used > indentWidth) {
        line += ' ';
        used++;
      }
      line += word.styled;
      used += word.width;
    }
    lines.push(line);
  }
  return lines;
}
