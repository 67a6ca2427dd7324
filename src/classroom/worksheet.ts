import type { Span } from '../document/types.js';
import type { Report } from '../report/types.js';
import type { Category } from '../rules/types.js';
import { codePointIndex } from '../text/codepoints.js';
import { displayWidth } from '../render/width.js';

/**
 * A printable exercise built from one article: the text with numbered lines, instructions, and
 * questions drawn from the kinds of findings slant made and from classroom routines (SIFT,
 * civic online reasoning) — never the answers. The answer key is a separate JSON file.
 */
export const WORKSHEET_KEY_SCHEMA_ID = 'slant.worksheet-key/1';

/** Line width of the numbered article, in terminal columns (fits A4 and Letter at 11pt). */
export const WORKSHEET_LINE_WIDTH = 72;

export interface WorksheetLine {
  /** 1-based line number; null for the blank line between paragraphs. */
  n: number | null;
  text: string;
  /** UTF-16 offsets into the article text. */
  start: number;
  end: number;
}

export interface WorksheetQuestion {
  n: number;
  /** The routine it comes from: a short heading ("Who is behind it?"). */
  heading: string;
  prompt: string;
  /** Ruled lines to leave for the answer when printed. */
  answerLines: number;
}

export interface Worksheet {
  title: string;
  source: string;
  words: number;
  lines: WorksheetLine[];
  instructions: string[];
  questions: WorksheetQuestion[];
}

export interface WorksheetKeyEntry {
  n: number;
  /** Line on the worksheet (its numbering), or null for a finding about the whole article. */
  worksheetLine: number | null;
  /** Line and column in the article file. */
  line: number | null;
  column: number | null;
  text: string | null;
  category: Category;
  kind: string;
  rule: string;
  severity: string;
  voice: 'outlet' | 'quoted';
  speaker: string | null;
  message: string;
  suggestion: string | null;
  explanation: string | null;
  question: string;
}

export interface WorksheetKey {
  schema: typeof WORKSHEET_KEY_SCHEMA_ID;
  source: string;
  title: string;
  lineWidth: number;
  findings: WorksheetKeyEntry[];
}

export interface WorksheetOptions {
  /** Rule explanations by rule id (for the key). */
  explanations?: ReadonlyMap<string, string>;
  width?: number;
}

/** Build the worksheet and its key from one report and the paragraphs of its text. */
export function buildWorksheet(report: Report, paragraphs: Span[], options: WorksheetOptions = {}): { worksheet: Worksheet; key: WorksheetKey } {
  const width = options.width ?? WORKSHEET_LINE_WIDTH;
  const lines = numberLines(report.text, paragraphs, width);
  const title = report.source.title ?? report.source.name;
  const worksheet: Worksheet = {
    title,
    source: report.source.name,
    words: report.summary.words,
    lines,
    instructions: instructions(),
    questions: questions(report),
  };
  const cp = codePointIndex(report.text);
  const numbered = lines.filter((l) => l.n !== null);
  const lineAt = (offset: number): number | null => {
    let found: number | null = null;
    for (const l of numbered) {
      if (l.start <= offset) found = l.n;
      else break;
    }
    return found;
  };
  const key: WorksheetKey = {
    schema: WORKSHEET_KEY_SCHEMA_ID,
    source: report.source.name,
    title,
    lineWidth: width,
    findings: report.findings.map((f) => ({
      n: f.n,
      worksheetLine: f.start === null ? null : lineAt(cp.toUtf16(f.start)),
      line: f.line, column: f.column, text: f.text,
      category: f.category, kind: f.kind, rule: f.rule, severity: f.severity,
      voice: f.voice, speaker: f.speaker,
      message: f.message, suggestion: f.suggestion,
      explanation: options.explanations?.get(f.rule) ?? null,
      question: f.question,
    })),
  };
  return { worksheet, key };
}

/**
 * Wrap each paragraph at `width` columns on white space and number the lines. Each line keeps
 * its offsets into the article, so findings map onto worksheet lines.
 */
export function numberLines(text: string, paragraphs: Span[], width: number): WorksheetLine[] {
  const out: WorksheetLine[] = [];
  let n = 0;
  for (const [index, para] of paragraphs.entries()) {
    if (index > 0) out.push({ n: null, text: '', start: para.start, end: para.start });
    // Hard line breaks inside a paragraph are kept.
    let lineStart = para.start;
    for (const piece of text.slice(para.start, para.end).split('\n')) {
      const pieceStart = lineStart;
      lineStart += piece.length + 1;
      const words = [...piece.matchAll(/\S+/g)].map((m) => ({ start: pieceStart + m.index!, end: pieceStart + m.index! + m[0].length }));
      if (words.length === 0) continue;
      let first = words[0];
      let last = words[0];
      let used = displayWidth(text.slice(first.start, first.end));
      for (const word of words.slice(1)) {
        const w = displayWidth(text.slice(word.start, word.end));
        if (used + 1 + w > width) {
          out.push({ n: ++n, text: text.slice(first.start, last.end), start: first.start, end: last.end });
          first = word;
          used = w;
        } else {
          used += 1 + w;
        }
        last = word;
      }
      out.push({ n: ++n, text: text.slice(first.start, last.end), start: first.start, end: last.end });
    }
  }
  return out;
}

function instructions(): string[] {
  return [
    'Read the whole article once without marking anything. Then read it again with a pencil.',
    'Mark every word or phrase that does one of these four things, and write its letter in the margin: ' +
      'L – loaded language: words that tell you how to feel before the facts do; ' +
      'A – attribution: how a source is named or introduced (a reporting verb that takes sides, a source you cannot identify); ' +
      'C – claim: something stated as fact with no source; ' +
      'P – provenance: clues to where the piece comes from (author, place and date line, news agency, republication).',
    'Working on a computer? Copy the article text file and put double square brackets around each phrase you flag: ' +
      '[[phrase]], or with a category [[phrase|loaded]] (loaded, attribution, claim or provenance). ' +
      'Change nothing else in the text; then run: slant grade article.txt your-copy.txt',
    'Words inside quotation marks belong to the person quoted. Note whose words they are.',
    'There are no trick questions, and a flag is not a verdict: be ready to say why you marked each phrase.',
  ];
}

function humanKind(kind: string): string {
  return kind.replace(/-/g, ' ');
}

/** Questions from the kinds of findings in the report and the classroom routines. No answers. */
function questions(report: Report): WorksheetQuestion[] {
  const q: Array<Omit<WorksheetQuestion, 'n'>> = [];
  const by = report.summary.byCategory;
  const kindsOf = (category: Category) => [...new Set(report.findings.filter((f) => f.category === category).map((f) => f.kind))];
  const located = (category: Category) => report.findings.filter((f) => f.category === category && f.start !== null).length;

  q.push({
    heading: 'Stop.',
    prompt: 'Before you look closely: what kind of piece is this (news report, opinion, press release, something else), and how does it make you feel? Write one sentence.',
    answerLines: 2,
  });
  q.push({
    heading: 'Who is behind it?',
    prompt: 'Who wrote this, and who published it? Look for a name, a place and date at the start, a news agency, and any note at the end. What do you know about that outlet: who owns or funds it, and why might it publish this?',
    answerLines: 4,
  });
  const loaded = located('loaded-language');
  if (loaded > 0) {
    const techniques = kindsOf('loaded-language').map(humanKind);
    q.push({
      heading: 'Is the tone neutral?',
      prompt: `Find ${loaded === 1 ? 'a word or phrase' : `at least ${Math.min(loaded, 5)} words or phrases`} that ${loaded === 1 ? 'tells' : 'tell'} the reader what to think or feel (L). Give the line number of each and write a more neutral word that reports the same fact. Techniques to look for in this article: ${techniques.join(', ')}.`,
      answerLines: Math.min(loaded, 5) + 1,
    });
  } else {
    q.push({
      heading: 'Is the tone neutral?',
      prompt: 'Does the writer use words that tell you what to think or feel? If you find any, write the line number and a more neutral word.',
      answerLines: 3,
    });
  }
  if (by.attribution > 0) {
    const kinds = kindsOf('attribution');
    const parts = ['Who is quoted or paraphrased? List each source with the verb that introduces them (said, claimed, revealed, admitted, …).',
      'Which verbs make you trust or doubt the speaker before you have heard what they said?'];
    if (kinds.includes('weasel')) parts.push('Find a place where the article leans on a source you could not identify or check. Who might that be?');
    q.push({ heading: 'Who is speaking?', prompt: parts.join(' '), answerLines: 4 });
  } else {
    q.push({ heading: 'Who is speaking?', prompt: 'Who is quoted or paraphrased in the article? Whose side of the story is missing?', answerLines: 3 });
  }
  if (report.findings.some((f) => f.voice === 'quoted')) {
    q.push({
      heading: 'Whose words?',
      prompt: 'Some strong words appear inside quotation marks. Whose words are they: the outlet’s or a speaker’s? Why does that difference matter?',
      answerLines: 3,
    });
  }
  q.push({
    heading: 'What is the evidence?',
    prompt: by['unattributed-claim'] > 0
      ? 'Find a claim that is stated as fact with no source given (C). Write its line number. What evidence would you need to believe it, and where could you look for it?'
      : 'Pick the most important claim in the article. What evidence does the article give for it? Is that enough?',
    answerLines: 3,
  });
  const provenanceKinds = kindsOf('provenance');
  const wire = report.provenance.dateline?.credit || report.provenance.republishedBy || provenanceKinds.includes('republication') || provenanceKinds.includes('dateline');
  q.push({
    heading: 'Trace it to the original.',
    prompt: wire
      ? 'This article may have been written by someone other than the outlet that published it. Where did the story first appear? Find the original and compare: what was added, cut or changed?'
      : 'Trace one claim or quotation to where it first appeared (a report, a speech, a study). Does the original say the same thing?',
    answerLines: 3,
  });
  q.push({
    heading: 'What do other sources say?',
    prompt: 'Find one other report of the same events from a different outlet. What does it tell you that this one does not, or tell differently?',
    answerLines: 3,
  });
  return q.map((x, i) => ({ n: i + 1, ...x }));
}
