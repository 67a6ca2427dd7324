import type { Report, ReportFinding } from '../report/types.js';
import { CATEGORIES, type Category } from '../rules/types.js';
import { codePointIndex } from '../text/codepoints.js';
import { lineIndex } from '../text/lines.js';
import { MarkupError, parseMarkup, type Mark } from './markup.js';

/**
 * Grade a student's marked-up copy of an article against slant's own findings.
 *
 * The student's text, with the markup taken out, must be the article: white space may differ
 * (rewrapped lines, extra spaces) and typographic quotes may have been straightened by an
 * editor, nothing else. Each mark is mapped back onto the article and compared with slant's
 * findings by overlap: a mark that shares at least one character with a finding's span counts.
 */
export const GRADE_SCHEMA_ID = 'slant.grade/1';

export class GradeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GradeError';
  }
}

export interface GradedFinding {
  n: number;
  rule: string;
  category: Category;
  kind: string;
  text: string;
  line: number;
  column: number;
  voice: 'outlet' | 'quoted';
  speaker: string | null;
  message: string;
  question: string;
  explanation: string | null;
  /** Indices of the student's marks that found it. */
  foundBy: number[];
}

export interface GradedMark {
  index: number;
  text: string;
  /** Where the mark is in the student's file. */
  line: number;
  column: number;
  /** Where it is in the article. */
  articleLine: number;
  articleColumn: number;
  /** The category the student wrote, or null. */
  category: Category | null;
  /** `match`: overlaps a finding of the same category (or any finding, when no category was given);
   * `other-category`: overlaps only findings of another category; `extra`: overlaps no finding. */
  status: 'match' | 'other-category' | 'extra';
  /** Numbers of the findings it overlaps. */
  findings: number[];
}

export interface Score {
  /** Located findings slant made. */
  slant: number;
  found: number;
  missed: number;
  /** The student's marks counted here (for a category: marks given or matched to it). */
  marks: number;
  /** Of those, how many match one of slant's findings. */
  matched: number;
  /** matched / marks; null when there were no marks. */
  precision: number | null;
  /** found / slant; null when slant found nothing. */
  recall: number | null;
  /** Harmonic mean of precision and recall; null when either is null. */
  f1: number | null;
}

export interface GradeResult {
  schema: typeof GRADE_SCHEMA_ID;
  article: string;
  student: string;
  /** F1 over all categories as a whole percentage (0-100), or null if it cannot be computed. */
  score: number | null;
  overall: Score;
  byCategory: Record<Category, Score>;
  found: GradedFinding[];
  missed: GradedFinding[];
  /** Marks that overlap only findings of another category. */
  otherCategory: GradedMark[];
  /** Marks slant did not flag at all: not necessarily wrong. */
  extra: GradedMark[];
  marks: GradedMark[];
  /** Findings about the whole article (no byline, ...): they have no span to mark and are not scored. */
  notScored: Array<{ n: number; rule: string; category: Category; kind: string; message: string; question: string }>;
}

export interface GradeOptions {
  articleName: string;
  studentName: string;
  /** Rule explanations by rule id, shown for missed findings. */
  explanations?: ReadonlyMap<string, string>;
}

/** Characters an editor may have swapped for another: compared as the same. */
const FOLD: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u00ab': '"', '\u00bb': '"',
  '\u00a0': ' ',
};
const fold = (ch: string) => FOLD[ch] ?? ch;
const isSpace = (ch: string) => /\s/.test(ch);

/**
 * Map every offset of `plain` onto `article`, skipping white space on both sides. Returns, for
 * each plain offset, the article offset (or -1 for white space). Throws `GradeError` where the
 * two texts differ.
 */
export function alignTexts(article: string, plain: string, where: { article: string; student: string; studentPosition: (i: number) => { line: number; column: number } }): Int32Array {
  const map = new Int32Array(plain.length + 1).fill(-1);
  const articleLines = lineIndex(article, codePointIndex(article).toCodePoint);
  let j = 0;
  const snippet = (text: string, at: number) => JSON.stringify(text.slice(at, at + 30).replace(/\s+/g, ' ') + (text.length > at + 30 ? '…' : ''));
  for (let i = 0; i < plain.length; i++) {
    if (isSpace(plain[i])) continue;
    while (j < article.length && isSpace(article[j])) j++;
    if (j >= article.length) {
      const s = where.studentPosition(i);
      throw new GradeError(`${where.student}:${s.line}:${s.column}: the student's copy goes on after the end of the article (${snippet(plain, i)}); only add [[ ]] marks, do not change the text`);
    }
    if (fold(plain[i]) !== fold(article[j])) {
      const s = where.studentPosition(i);
      const a = articleLines.position(j);
      throw new GradeError(`${where.student}:${s.line}:${s.column}: the student's copy differs from the article (${where.article}:${a.line}:${a.column}): found ${snippet(plain, i)}, expected ${snippet(article, j)}; only add [[ ]] marks, do not change the text`);
    }
    map[i] = j;
    j++;
  }
  while (j < article.length && isSpace(article[j])) j++;
  if (j < article.length) {
    const a = articleLines.position(j);
    throw new GradeError(`${where.student}: the student's copy stops before the end of the article (${where.article}:${a.line}:${a.column}, ${snippet(article, j)}); only add [[ ]] marks, do not change the text`);
  }
  return map;
}

/** Grade the student's text (already decoded and newline-normalised) against the report of the article. */
export function grade(report: Report, studentText: string, options: GradeOptions): GradeResult {
  let parsed;
  try {
    parsed = parseMarkup(studentText);
  } catch (error) {
    if (error instanceof MarkupError) throw new GradeError(`${options.studentName}:${error.message}`);
    throw error;
  }
  const article = report.text;
  const map = alignTexts(article, parsed.plain, { article: options.articleName, student: options.studentName, studentPosition: parsed.positionOf });
  const cp = codePointIndex(article);
  const lines = lineIndex(article, cp.toCodePoint);

  const located = report.findings.filter((f) => f.start !== null && f.end !== null);
  const spans = located.map((f) => ({ f, start: cp.toUtf16(f.start!), end: cp.toUtf16(f.end!) }));

  const graded: GradedFinding[] = located.map((f) => toGraded(f, options));
  const byN = new Map(graded.map((g) => [g.n, g]));
  const marks: GradedMark[] = [];
  /** Category each mark counts for in per-category precision (given, or taken from what it matched). */
  const markCategory = new Map<number, Category | null>();

  for (const mark of parsed.marks) {
    const [start, end] = articleSpan(mark, map);
    const overlapping = spans.filter((s) => s.start < end && start < s.end);
    const sameCategory = overlapping.filter((s) => mark.category === null || s.f.category === mark.category);
    for (const s of sameCategory) byN.get(s.f.n)!.foundBy.push(mark.index);
    const status: GradedMark['status'] = sameCategory.length > 0 ? 'match' : overlapping.length > 0 ? 'other-category' : 'extra';
    const pos = lines.position(start);
    marks.push({
      index: mark.index, text: mark.text, line: mark.line, column: mark.column, articleLine: pos.line, articleColumn: pos.column,
      category: mark.category, status, findings: overlapping.map((s) => s.f.n),
    });
    markCategory.set(mark.index, mark.category ?? sameCategory[0]?.f.category ?? null);
  }

  const score = (findings: GradedFinding[], counted: GradedMark[]): Score => {
    const found = findings.filter((g) => g.foundBy.length > 0).length;
    const matched = counted.filter((m) => m.status === 'match').length;
    const precision = counted.length === 0 ? null : matched / counted.length;
    const recall = findings.length === 0 ? null : found / findings.length;
    const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { slant: findings.length, found, missed: findings.length - found, marks: counted.length, matched, precision, recall, f1 };
  };
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, score(
    graded.filter((g) => g.category === c),
    marks.filter((m) => markCategory.get(m.index) === c),
  )])) as Record<Category, Score>;
  const overall = score(graded, marks);

  return {
    schema: GRADE_SCHEMA_ID,
    article: options.articleName,
    student: options.studentName,
    score: overall.f1 === null ? (overall.slant === 0 && overall.marks === 0 ? 100 : 0) : Math.round(overall.f1 * 100),
    overall,
    byCategory,
    found: graded.filter((g) => g.foundBy.length > 0),
    missed: graded.filter((g) => g.foundBy.length === 0),
    otherCategory: marks.filter((m) => m.status === 'other-category'),
    extra: marks.filter((m) => m.status === 'extra'),
    marks,
    notScored: report.findings.filter((f) => f.start === null || f.end === null)
      .map((f) => ({ n: f.n, rule: f.rule, category: f.category, kind: f.kind, message: f.message, question: f.question })),
  };
}

/** The article span (UTF-16) a mark covers: from its first to its last non-space character. */
function articleSpan(mark: Mark, map: Int32Array): [number, number] {
  let first = mark.start;
  while (first < mark.end && map[first] < 0) first++;
  let last = mark.end - 1;
  while (last > first && map[last] < 0) last--;
  return [map[first], map[last] + 1];
}

function toGraded(f: ReportFinding, options: GradeOptions): GradedFinding {
  return {
    n: f.n, rule: f.rule, category: f.category, kind: f.kind, text: f.text ?? '', line: f.line ?? 0, column: f.column ?? 0,
    voice: f.voice, speaker: f.speaker, message: f.message, question: f.question,
    explanation: options.explanations?.get(f.rule) ?? null, foundBy: [],
  };
}
