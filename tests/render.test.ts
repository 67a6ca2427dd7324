import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { analyze } from '../src/analyze.js';
import { buildDocument } from '../src/document/build.js';
import { colorLevel } from '../src/cli/color.js';
import { renderJson, renderJsonLine } from '../src/render/json.js';
import { groupDigits } from '../src/render/numbers.js';
import { sanitize } from '../src/render/sanitize.js';
import { renderTerminal } from '../src/render/terminal.js';
import { displayWidth } from '../src/render/width.js';
import type { Report } from '../src/report/types.js';

const render = (text: string, colorLevelValue: 0 | 1 = 0, width = 80) =>
  renderTerminal({ report: analyze(text, { name: 'test.txt' }), paragraphs: buildDocument(text).paragraphs }, { colorLevel: colorLevelValue, width, explain: true });

describe('terminal report', () => {
  const article = 'Budget vote delayed\n\nExperts say the plan will fail. The council met on Monday.\n\nIt is believed that the vote was close.';

  it('shows the text, numbered markers with a category letter, messages and a summary', () => {
    const out = render(article);
    expect(out).toContain('slant · test.txt');
    expect(out).toMatch(/Experts say\[1A\]/);
    expect(out).toContain('[1] attribution · weasel');
    expect(out).toContain('Ask: ');
    expect(out).toMatch(/Summary\n/);
    expect(out).toMatch(/A attribution +2 /);
  });

  it('keeps every line within the width', () => {
    const long = `Headline words\n\n${'Experts say the long winding road goes on and on. '.repeat(20)}`;
    for (const line of render(long, 0, 50).split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(50);
  });

  it('uses colour only at a colour level above 0', () => {
    expect(render(article, 0)).not.toMatch(/\u001b\[/);
    expect(render(article, 1)).toMatch(/\u001b\[/);
  });

  it('never lets escape or control characters from the article reach the terminal', () => {
    const hostile = 'Head\u001b[2Jline\n\nExperts say \u001b]8;;http://x\u0007click\u001b]8;;\u0007 now. \u202eevil\u202c text\u0000.';
    for (const level of [0, 1] as const) {
      const out = render(hostile, level);
      const withoutOurColours = out.replace(/\u001b\[[0-9;]*m/g, '');
      expect(withoutOurColours).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
      expect(out).toContain('\\u001b[2J');
      expect(out).toContain('\\u202e');
    }
  });
});

describe('sanitize and width', () => {
  it('shows control characters visibly and keeps newlines', () => {
    expect(sanitize('a\u0007b\nc\td')).toBe('a\\u0007b\nc d');
  });

  it('counts wide characters twice and combining marks not at all', () => {
    expect(displayWidth('北京')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('ab')).toBe(2);
  });

  it('measures by code point, astral characters and lone surrogates included', () => {
    // The sum over what the string iterator gives: code points, and a lone surrogate alone.
    const byCodePoint = (text: string) => [...text].reduce((w, ch) => w + displayWidth(ch), 0);
    expect(displayWidth('a😀b')).toBe(4);
    expect(displayWidth('\ud83d')).toBe(1);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => displayWidth(text) === byCodePoint(text)));
    fc.assert(fc.property(fc.array(fc.constantFrom('a', '北', '\u0301', '😀', '\ud83d', '\ude00', '\u200d', 'é')).map((a) => a.join('')),
      (text) => displayWidth(text) === byCodePoint(text)));
  });
});

describe('colour decision', () => {
  const tty = { isTTY: true, hasColors: () => false };
  const pipe = { isTTY: false };
  it.each([
    [undefined, {}, tty, 1],
    [undefined, {}, pipe, 0],
    [undefined, { NO_COLOR: '1' }, tty, 0],
    [undefined, { TERM: 'dumb' }, tty, 0],
    [undefined, { FORCE_COLOR: '1' }, pipe, 1],
    [undefined, { FORCE_COLOR: '0' }, tty, 0],
    [true, {}, pipe, 1],
    [false, { FORCE_COLOR: '3' }, tty, 0],
  ] as const)('flag %s env %j', (flag, env, stream, expected) => {
    expect(colorLevel(flag, env as NodeJS.ProcessEnv, stream)).toBe(expected);
  });
});

describe('JSON contract', () => {
  const report = analyze('Headline words here\n\nExperts say 😀 the “regime” failed.\n\n“It is believed that we won,” the minister said.', { name: 'x' });

  it('has the documented top-level shape', () => {
    expect(Object.keys(report)).toEqual(['schema', 'source', 'text', 'findings', 'quotes', 'voices', 'readings', 'provenance', 'summary']);
    expect(report.schema).toBe('slant.report/1');
    expect(report.source).toMatchObject({ name: 'x', words: expect.any(Number), chars: Array.from(report.text).length });
  });

  it('marks findings inside a direct quotation as quoted', () => {
    const quoted = report.findings.find((f) => f.text === 'It is believed');
    expect(quoted?.voice).toBe('quoted');
    const outlet = report.findings.find((f) => f.text === 'Experts say');
    expect(outlet?.voice).toBe('outlet');
  });

  it('renders one line per report for jsonl and round-trips', () => {
    const line = renderJsonLine(report);
    expect(line.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(line)).toEqual(JSON.parse(renderJson(report)) as Report);
  });
});

describe('groupDigits', () => {
  it('writes counts as toLocaleString("en") does', () => {
    expect(groupDigits(1042)).toBe('1,042');
    expect(groupDigits(999)).toBe('999');
    expect(groupDigits(0)).toBe('0');
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => groupDigits(n) === n.toLocaleString('en')));
  });
});
