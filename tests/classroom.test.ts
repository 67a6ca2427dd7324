import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/analyze.js';
import { alignTexts, grade, GradeError } from '../src/classroom/grade.js';
import { applyMarkup, MarkupError, parseMarkup } from '../src/classroom/markup.js';
import { buildWorksheet, numberLines } from '../src/classroom/worksheet.js';
import { closestIds, editDistance, findRule } from '../src/cli/explain-command.js';
import { buildDocument } from '../src/document/build.js';
import { renderGradeText } from '../src/render/grade.js';
import { renderWorksheetHtml, renderWorksheetMarkdown } from '../src/render/worksheet.js';
import { loadRuleSet } from '../src/rules/load.js';
import { codePointIndex } from '../src/text/codepoints.js';
import { displayWidth } from '../src/render/width.js';
import { ROOT, runCli } from './helpers/cli.js';

const rules = loadRuleSet();
const tmp = mkdtempSync(join(tmpdir(), 'slant-classroom-'));
const file = (name: string, text: string) => {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
};

const ARTICLE = [
  'Council approves tram line',
  '',
  'Thugs blocked the road on Monday. Experts say the plan will fail.',
  '',
  'The mayor said the vote was close. "These traitors will pay," the mayor added.',
].join('\n');

const report = () => analyze(ARTICLE, { name: 'article.txt', rules });
const markupError = (text: string): MarkupError => {
  try {
    parseMarkup(text);
  } catch (error) {
    if (error instanceof MarkupError) return error;
    throw error;
  }
  throw new Error('expected a MarkupError');
};

describe('student markup', () => {
  it('takes the marks out and remembers where they were', () => {
    const p = parseMarkup('One [[loaded word|loaded]] and\n[[ another ]] here [[x|A]].');
    expect(p.plain).toBe('One loaded word and\n another  here x.');
    expect(p.marks.map((m) => [m.text, m.category, m.line, m.column])).toEqual([
      ['loaded word', 'loaded-language', 1, 5],
      ['another', null, 2, 1],
      ['x', 'attribution', 2, 20],
    ]);
    expect(p.plain.slice(p.marks[1].start, p.marks[1].end)).toBe('another');
    expect(p.positionOf(p.marks[2].start)).toEqual({ line: 2, column: 22 });
  });

  it('accepts every category name and alias, in any case', () => {
    for (const [alias, category] of [['loaded', 'loaded-language'], ['Attribution', 'attribution'], ['claim', 'unattributed-claim'],
      ['PROVENANCE', 'provenance'], ['unattributed-claim', 'unattributed-claim'], ['c', 'unattributed-claim']] as const) {
      expect(parseMarkup(`[[w|${alias}]]`).marks[0].category).toBe(category);
    }
  });

  it('lets a mark run over a line break but not over a blank line', () => {
    expect(parseMarkup('[[two\nlines]]').marks[0].text).toBe('two\nlines');
    expect(markupError('Text [[starts\n\nnext paragraph]]').message).toBe('1:6: "[[" is never closed before the end of its paragraph: add "]]"');
  });

  it('reports bad markup with line and column', () => {
    expect(markupError('ok\nabc [[never closed').message).toBe('2:5: "[[" is never closed: add "]]" after the words you flag');
    expect(markupError('[[outer [[inner]] ]]').message).toMatch(/^1:9: "\[\[" before the mark opened at 1:1 is closed: close that one with "\]\]" first \(marks cannot be nested\)$/);
    expect(markupError('a ]] b').message).toBe('1:3: "]]" without a "[[" before it');
    expect(markupError('x [[]] y').message).toMatch(/^1:3: empty mark/);
    expect(markupError('x [[  |loaded]] y').message).toMatch(/^1:3: empty mark/);
    expect(markupError('x [[word|]] y').message).toMatch(/^1:9: missing category after "\|"/);
    expect(markupError('héllo 🙂 [[word|opinion]]').message).toBe('1:16: unknown category "opinion" (use loaded, attribution, claim or provenance)');
  });

  it('writes marks back (round trip)', () => {
    const text = 'Thugs said things.';
    const marked = applyMarkup(text, [{ start: 0, end: 5, category: 'loaded-language' }, { start: 6, end: 10, category: null }]);
    expect(marked).toBe('[[Thugs|loaded]] [[said]] things.');
    expect(parseMarkup(marked).plain).toBe(text);
  });
});

describe('aligning the student copy with the article', () => {
  const where = { article: 'a.txt', student: 's.txt', studentPosition: (i: number) => ({ line: 1, column: i + 1 }) };

  it('tolerates white space and typographic quotes', () => {
    const map = alignTexts('He said “no” to it.\n\nNext.', 'He  said "no"\nto it. Next.  ', where);
    expect(map[3]).toBe(-1);
    expect(map[4]).toBe(3);
    expect(map[9]).toBe(8);
    expect(map[10]).toBe(9);
  });

  it('says clearly where the texts differ', () => {
    expect(() => alignTexts('The vote was close.', 'The vote was tight.', where)).toThrow(GradeError);
    expect(() => alignTexts('The vote was close.', 'The vote was tight.', where))
      .toThrow('s.txt:1:14: the student\'s copy differs from the article (a.txt:1:14): found "tight.", expected "close."; only add [[ ]] marks, do not change the text');
    expect(() => alignTexts('One. Two.', 'One.', where)).toThrow(/stops before the end of the article \(a\.txt:1:6/);
    expect(() => alignTexts('One.', 'One. Two.', where)).toThrow(/goes on after the end of the article/);
  });
});

describe('grading', () => {
  it('reports found, missed, other-category and extra marks, per category, with a score', () => {
    const r = report();
    const loaded = r.findings.filter((f) => f.category === 'loaded-language' && f.start !== null);
    const weasel = r.findings.find((f) => f.kind === 'weasel');
    expect(loaded.length).toBeGreaterThanOrEqual(2);
    expect(weasel).toBeDefined();
    const student = ARTICLE
      .replace('Thugs', '[[Thugs|loaded]]')
      .replace('Experts say', '[[Experts say|loaded]]')
      .replace('on Monday', '[[on Monday]]')
      .replace('traitors', '[[ traitors ]]')
      .replace('The mayor said', 'The mayor\nsaid');
    const g = grade(r, student, { articleName: 'article.txt', studentName: 'student.txt', explanations: new Map(rules.rules.map((x) => [x.id, x.explanation])) });
    expect(g.schema).toBe('slant.grade/1');
    expect(g.found.map((f) => f.text).sort()).toEqual(['Thugs', 'traitors']);
    expect(g.otherCategory.map((m) => m.text)).toEqual(['Experts say']);
    expect(g.extra.map((m) => [m.text, m.articleLine])).toEqual([['on Monday', 3]]);
    expect(g.missed.map((f) => f.n)).toContain(weasel!.n);
    const missedWeasel = g.missed.find((f) => f.n === weasel!.n)!;
    expect(missedWeasel.explanation).toMatch(/authority/);
    expect(missedWeasel.question).toBe(weasel!.question);
    const quoted = g.found.find((f) => f.text === 'traitors')!;
    expect(quoted.voice).toBe('quoted');

    const L = g.byCategory['loaded-language'];
    expect(L.found).toBe(2);
    // Marks counted for loaded language: Thugs (given), Experts say (given, wrong), traitors (no category: took the finding's).
    expect(L.marks).toBe(3);
    expect(L.matched).toBe(2);
    expect(L.precision).toBeCloseTo(2 / 3);
    expect(g.overall.marks).toBe(4);
    expect(g.overall.matched).toBe(2);
    expect(g.overall.precision).toBe(0.5);
    expect(g.overall.recall).toBeCloseTo(2 / g.overall.slant);
    const p = g.overall.precision!;
    const rc = g.overall.recall!;
    expect(g.score).toBe(Math.round((200 * p * rc) / (p + rc)));

    const text = renderGradeText(g);
    expect(text).toContain(`Score: ${g.score}% (F1)`);
    expect(text).toContain('Right words, different category (1)');
    expect(text).toContain('You flagged, slant did not (1)');
    expect(text).toContain('How the score works');
    expect(text).toMatch(/Missed \(\d+\)\n {2}\[\d+A\] line 3: "Experts say" – attribution · weasel/);
  });

  it('gives full marks for marking exactly what slant flags', () => {
    const r = report();
    const cp = codePointIndex(r.text);
    const marks = r.findings.filter((f) => f.start !== null).map((f) => ({ start: cp.toUtf16(f.start!), end: cp.toUtf16(f.end!), category: f.category }));
    // Overlapping findings cannot all be written; the first of each overlap is enough to find the rest when categories agree.
    const g = grade(r, applyMarkup(r.text, marks), { articleName: 'a', studentName: 's' });
    expect(g.extra).toEqual([]);
    expect(g.otherCategory).toEqual([]);
    expect(g.overall.precision).toBe(1);
  });

  it('refuses bad markup and a changed text with one clear line', () => {
    const r = report();
    expect(() => grade(r, ARTICLE.replace('Thugs', '[[Thugs'), { articleName: 'a.txt', studentName: 's.txt' }))
      .toThrow('s.txt:3:1: "[[" is never closed before the end of its paragraph: add "]]"');
    expect(() => grade(r, ARTICLE.replace('close', 'tight'), { articleName: 'a.txt', studentName: 's.txt' }))
      .toThrow(/^s\.txt:5:29: the student's copy differs from the article \(a\.txt:5:29\)/);
  });
});

describe('worksheet', () => {
  const sample = readFileSync(join(ROOT, 'samples', 'state-media.txt'), 'utf8');
  const r = analyze(sample, { name: 'samples/state-media.txt', rules });
  const paragraphs = buildDocument(r.text).paragraphs;
  const explanations = new Map(rules.rules.map((x) => [x.id, x.explanation]));
  const { worksheet, key } = buildWorksheet(r, paragraphs, { explanations });

  it('numbers the article in lines that fit the page and keep the text', () => {
    const numbered = worksheet.lines.filter((l) => l.n !== null);
    expect(numbered.map((l) => l.n)).toEqual(numbered.map((_, i) => i + 1));
    for (const l of numbered) {
      expect(displayWidth(l.text)).toBeLessThanOrEqual(72);
      expect(r.text.slice(l.start, l.end)).toBe(l.text);
    }
    expect(numbered.map((l) => l.text).join(' ').replace(/\s+/g, ' ')).toBe(r.text.trim().replace(/\s+/g, ' '));
    expect(numberLines('a b c d', [{ start: 0, end: 7 }], 3).map((l) => l.text)).toEqual(['a b', 'c d']);
  });

  it('puts every located finding in the key on the worksheet line that holds it', () => {
    expect(key.schema).toBe('slant.worksheet-key/1');
    expect(key.findings).toHaveLength(r.findings.length);
    const lineText = new Map(worksheet.lines.filter((l) => l.n !== null).map((l) => [l.n!, l.text]));
    for (const k of key.findings) {
      if (k.text === null) {
        expect(k.worksheetLine).toBeNull();
        continue;
      }
      const firstWord = k.text.trim().split(/\s+/)[0];
      expect(lineText.get(k.worksheetLine!)).toContain(firstWord);
      expect(k.explanation).toEqual(expect.any(String));
      expect(['loaded-language', 'attribution', 'unattributed-claim', 'provenance']).toContain(k.category);
    }
  });

  it('asks questions from the classroom routines and the kinds found, without giving answers', () => {
    const headings = worksheet.questions.map((q) => q.heading);
    expect(headings).toEqual(expect.arrayContaining(['Who is behind it?', 'Is the tone neutral?', 'What is the evidence?', 'Trace it to the original.', 'What do other sources say?']));
    const html = renderWorksheetHtml(worksheet);
    const md = renderWorksheetMarkdown(worksheet);
    for (const out of [html, md]) {
      for (const f of r.findings) expect(out).not.toContain(f.message);
      expect(out).toContain('[[phrase|loaded]]');
    }
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('@page');
    expect(md).toMatch(/```text\n +1 {2}Glorious nation/);
  });

  it('escapes the article in both formats', () => {
    const hostile = analyze('Head <script>x()</script>\n\nThugs ``` say *this* [link](http://x).', { name: 'h.txt', rules });
    const w = buildWorksheet(hostile, buildDocument(hostile.text).paragraphs).worksheet;
    expect(renderWorksheetHtml(w)).not.toContain('<script>');
    const md = renderWorksheetMarkdown(w);
    expect(md).toContain('````text');
    expect(md).toMatch(/^# Worksheet: Head /m);
    expect(md).not.toMatch(/^# .*<script/m);
    expect(md).toContain('1  Head <script>x()</script>'); // inside the fence: shown, never run
  });
});

describe('explain', () => {
  it('measures edit distance and finds the closest ids', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('同じ', '同じ')).toBe(0);
    expect(closestIds(['weasel/experts-say', 'weasel/it-is-believed', 'name-calling/traitor'], 'wesel/experts-sya', 1)).toEqual(['weasel/experts-say']);
    expect(closestIds(['weasel/experts-say', 'name-calling/traitor'], 'traitr', 1)).toEqual(['name-calling/traitor']);
  });

  it('finds a rule by exact id, any case, or a unique last part', () => {
    const id = rules.rules[0].id;
    expect(findRule(rules, id).id).toBe(id);
    expect(findRule(rules, id.toUpperCase()).id).toBe(id);
    expect(findRule(rules, 'experts-say').id).toBe('weasel/experts-say');
  });
});

describe('classroom commands', () => {
  it('slant explain prints the explanation, question, source and examples', () => {
    const r = runCli(['explain', 'weasel/experts-say']);
    expect(r.status).toBe(0);
    const rule = rules.byId.get('weasel/experts-say')!;
    expect(r.stdout).toContain('Why it matters');
    expect(r.stdout).toContain(`defined in ${rule.source}`);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(rule.question);
    expect(r.stdout).toContain(`flags:  ${rule.examples.flag[0]}`);
    const json = JSON.parse(runCli(['explain', 'weasel/experts-say', '--format', 'json']).stdout) as { explanation: string };
    expect(json.explanation).toBe(rule.explanation);
  });

  it('--explain adds each rule\'s explanation to the Markdown and HTML reports; HTML always asks the question', () => {
    const md = runCli(['samples/wire-report.txt', '--format', 'markdown', '--explain']);
    expect(md.status).toBe(0);
    expect(md.stdout).toContain('*Why:*');
    expect(runCli(['samples/wire-report.txt', '--format', 'markdown']).stdout).not.toContain('*Why:*');
    const html = runCli(['samples/wire-report.txt', '--format', 'html', '--explain']);
    expect(html.stdout).toContain('class="why"');
    const plain = runCli(['samples/wire-report.txt', '--format', 'html']);
    expect(plain.stdout).not.toContain('class="why"');
    expect(plain.stdout).toContain('class="ask"');
  });

  it('slant explain with an unknown id: one line with the closest ids, exit 2', () => {
    const r = runCli(['explain', 'weasel/experts-sya']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^slant: unknown rule "weasel\/experts-sya"; closest ids: weasel\/experts-say/);
  });

  it('slant explain --list-kinds lists kinds by category', () => {
    const r = runCli(['explain', '--list-kinds']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^loaded language\n/);
    expect(r.stdout).toContain('  weasel (');
  });

  it('slant worksheet writes HTML by default, Markdown on request, and the key with --key', () => {
    const keyPath = join(tmp, 'key.json');
    const html = runCli(['worksheet', 'samples/wire-report.txt', '--key', keyPath]);
    expect(html.status).toBe(0);
    expect(html.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(html.stdout).toContain('data-line="1"');
    const key = JSON.parse(readFileSync(keyPath, 'utf8')) as { schema: string; findings: Array<{ worksheetLine: number | null }> };
    expect(key.schema).toBe('slant.worksheet-key/1');
    expect(key.findings.length).toBeGreaterThan(0);
    const md = runCli(['worksheet', 'samples/wire-report.txt', '--format', 'markdown']);
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^# Worksheet: /);
  });

  it('slant grade prints the grade, or JSON with --format json', () => {
    const article = file('article.txt', ARTICLE);
    const student = file('student.txt', ARTICLE.replace('Thugs', '[[Thugs|loaded]]').replace('on Monday', '[[on Monday]]'));
    const text = runCli(['grade', article, student]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Score: ');
    expect(text.stdout).toContain('Found (1)');
    const json = runCli(['grade', article, student, '--format', 'json']);
    expect(json.status).toBe(0);
    const g = JSON.parse(json.stdout) as { schema: string; found: unknown[]; extra: unknown[] };
    expect(g.schema).toBe('slant.grade/1');
    expect(g.found).toHaveLength(1);
    expect(g.extra).toHaveLength(1);
    // The student's copy may come on standard input ("-"): the same grade.
    const piped = runCli(['grade', article, '-', '--format', 'json'], { input: readFileSync(student) });
    expect(piped.status).toBe(0);
    expect(JSON.parse(piped.stdout)).toMatchObject({ found: g.found, extra: g.extra });
  });

  it('slant grade: bad markup or a changed text is one line on stderr and exit 2', () => {
    const article = file('article2.txt', ARTICLE);
    const cases: Array<[string, RegExp]> = [
      [ARTICLE.replace('Thugs', '[[Thugs|loaded'), /^slant: .*student-bad\.txt:3:1: "\[\[" is never closed/],
      [ARTICLE.replace('Thugs', '[[Thugs|spin]]'), /^slant: .*student-bad\.txt:3:9: unknown category "spin"/],
      [ARTICLE.replace('Thugs blocked', '[[Thugs [[blocked]]]]'), /^slant: .*student-bad\.txt:3:9: "\[\[" before the mark opened at 3:1 is closed/],
      [ARTICLE.replace('Thugs', 'Rioters'), /^slant: .*student-bad\.txt:3:1: the student's copy differs from the article/],
    ];
    for (const [text, expected] of cases) {
      const student = file('student-bad.txt', text);
      const r = runCli(['grade', article, student]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(expected);
    }
  });
});
