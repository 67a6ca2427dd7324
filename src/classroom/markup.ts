import { CATEGORIES, type Category } from '../rules/types.js';
import { codePointIndex } from '../text/codepoints.js';
import { lineIndex } from '../text/lines.js';

/**
 * The student's markup: `[[words]]` marks a phrase, `[[words|loaded]]` marks it with a category.
 * Everything else is the article as given. Parsing returns the text without the markup, the
 * marks as offsets into that text, and where each mark sits in the student's own file.
 */

/** Names a student may write after `|`: the category, a short alias, or the marker letter. */
export const CATEGORY_ALIASES: Readonly<Record<string, Category>> = {
  loaded: 'loaded-language', 'loaded-language': 'loaded-language', language: 'loaded-language', l: 'loaded-language',
  attribution: 'attribution', source: 'attribution', a: 'attribution',
  claim: 'unattributed-claim', 'unattributed-claim': 'unattributed-claim', unattributed: 'unattributed-claim', c: 'unattributed-claim',
  provenance: 'provenance', origin: 'provenance', p: 'provenance',
};

export const SHORT_ALIAS: Readonly<Record<Category, string>> = {
  'loaded-language': 'loaded', attribution: 'attribution', 'unattributed-claim': 'claim', provenance: 'provenance',
};

export interface Mark {
  /** 1-based, in the order the marks appear. */
  index: number;
  /** UTF-16 offsets into the text without markup, end exclusive. */
  start: number;
  end: number;
  text: string;
  category: Category | null;
  /** Where `[[` stands in the student's file: 1-based line, column in code points. */
  line: number;
  column: number;
}

export interface ParsedMarkup {
  /** The student's text with the markup removed. */
  plain: string;
  marks: Mark[];
  /** Position in the student's file (1-based line and column) of an offset into `plain`. */
  positionOf(plainOffset: number): { line: number; column: number };
}

export class MarkupError extends Error {
  constructor(readonly line: number, readonly column: number, readonly detail: string) {
    super(`${line}:${column}: ${detail}`);
    this.name = 'MarkupError';
  }
}

export function parseCategory(name: string): Category | undefined {
  return CATEGORY_ALIASES[name.trim().toLowerCase()];
}

/** Parse the student's copy. Throws `MarkupError` (with line and column) on bad markup. */
export function parseMarkup(source: string): ParsedMarkup {
  let plain = '';
  /** For each plain offset, the source offset it came from (plus one past the end). */
  const origin: number[] = [];
  const marks: Mark[] = [];
  const lines = lineIndex(source, codePointIndex(source).toCodePoint);
  const fail = (offset: number, detail: string): never => {
    const p = lines.position(offset);
    throw new MarkupError(p.line, p.column, detail);
  };

  let open: { at: number; plainStart: number } | null = null;
  let bar: number | null = null;
  let category = '';
  let i = 0;
  while (i < source.length) {
    const two = source.slice(i, i + 2);
    if (two === '[[') {
      if (open) {
        const o = lines.position(open.at);
        fail(i, `"[[" before the mark opened at ${o.line}:${o.column} is closed: close that one with "]]" first (marks cannot be nested)`);
      }
      open = { at: i, plainStart: plain.length };
      bar = null;
      category = '';
      i += 2;
      continue;
    }
    if (two === ']]') {
      if (!open) fail(i, '"]]" without a "[[" before it');
      const o = open!;
      const text = plain.slice(o.plainStart);
      if (text.trim() === '') fail(o.at, bar === null ? 'empty mark "[[]]": put the words you flag between the brackets' : 'empty mark: put the words you flag before the "|"');
      let cat: Category | null = null;
      if (bar !== null) {
        if (category.trim() === '') fail(bar, 'missing category after "|" (use loaded, attribution, claim or provenance)');
        cat = parseCategory(category) ?? null;
        if (!cat) fail(bar + 1, `unknown category "${category.trim()}" (use loaded, attribution, claim or provenance)`);
      }
      // The mark covers the words, not white space around them.
      const lead = text.length - text.trimStart().length;
      const trail = text.length - text.trimEnd().length;
      const p = lines.position(o.at);
      marks.push({
        index: marks.length + 1, start: o.plainStart + lead, end: plain.length - trail, text: text.trim(),
        category: cat, line: p.line, column: p.column,
      });
      open = null;
      bar = null;
      i += 2;
      continue;
    }
    const ch = source[i];
    if (open && bar === null && ch === '|') {
      bar = i;
      i++;
      continue;
    }
    if (open && ch === '\n') {
      if (bar !== null) fail(open.at, '"[[" is never closed: add "]]" after the category');
      // A blank line ends a paragraph: a mark cannot run over it.
      if (/^\n[ \t]*\n/.test(source.slice(i))) fail(open.at, '"[[" is never closed before the end of its paragraph: add "]]"');
    }
    if (open && bar !== null) {
      category += ch;
      i++;
      continue;
    }
    origin.push(i);
    plain += ch;
    i++;
  }
  if (open) fail(open.at, '"[[" is never closed: add "]]" after the words you flag');
  origin.push(source.length);
  return {
    plain,
    marks,
    positionOf: (offset) => lines.position(origin[Math.max(0, Math.min(offset, origin.length - 1))]),
  };
}

/** Write marks back into a text (used to make a marked-up copy, e.g. an answer key the grader reads). */
export function applyMarkup(text: string, marks: Array<{ start: number; end: number; category: Category | null }>): string {
  const sorted = [...marks].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const m of sorted) {
    if (m.start < at) continue; // overlapping marks cannot be written: keep the first
    out += text.slice(at, m.start) + '[[' + text.slice(m.start, m.end) + (m.category ? `|${SHORT_ALIAS[m.category]}` : '') + ']]';
    at = m.end;
  }
  return out + text.slice(at);
}

export const CATEGORY_NAMES: readonly Category[] = CATEGORIES;
