import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { analyze } from '../src/analyze.js';
import { buildDocument } from '../src/document/build.js';
import { normalizeNewlines } from '../src/input/decode.js';
import { renderJsonLine } from '../src/render/json.js';
import { renderTerminal } from '../src/render/terminal.js';
import { loadRuleSet } from '../src/rules/load.js';
import { cpSlice } from './helpers/cli.js';
import { RAW_CONTROL, TRICKY_PIECES } from './helpers/tricky.js';

const rules = loadRuleSet();

const tricky = fc.constantFrom(...TRICKY_PIECES);
const text = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), tricky, fc.string({ maxLength: 20 })), { maxLength: 60 }).map((parts) => parts.join(''));

describe('any text at all', () => {
  it('never throws, and every offset slices to its text', () => {
    fc.assert(fc.property(text, (raw) => {
      const input = normalizeNewlines(raw);
      const report = analyze(input, { rules });
      const parsed = JSON.parse(renderJsonLine(report)) as typeof report;
      expect(parsed.text).toBe(input);
      for (const f of parsed.findings) {
        if (f.start === null || f.end === null) continue;
        expect(f.start).toBeLessThanOrEqual(f.end);
        expect(cpSlice(parsed.text, f.start, f.end)).toBe(f.text);
      }
      for (const q of parsed.quotes) expect(cpSlice(parsed.text, q.start, q.end)).toBe(q.text);
    }), { numRuns: 300 });
  });

  it('never lets a control or bidi character from the input reach the terminal', () => {
    fc.assert(fc.property(text, (raw) => {
      const input = normalizeNewlines(raw);
      const report = analyze(input, { rules });
      for (const colorLevel of [0, 1] as const) {
        const out = renderTerminal({ report, paragraphs: buildDocument(input).paragraphs }, { colorLevel, width: 60, explain: true });
        const withoutOurStyles = out.replace(/\u001b\[[0-9;]*m/g, '');
        expect(withoutOurStyles).not.toMatch(RAW_CONTROL);
        expect(withoutOurStyles).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }
    }), { numRuns: 200 });
  });

  it('keeps sentences and tokens inside their paragraph, in order', () => {
    fc.assert(fc.property(text, (raw) => {
      const doc = buildDocument(normalizeNewlines(raw));
      let last = -1;
      for (const s of doc.sentences) {
        const p = doc.paragraphs[s.paragraph];
        expect(s.start).toBeGreaterThanOrEqual(p.start);
        expect(s.end).toBeLessThanOrEqual(p.end);
        expect(s.start).toBeGreaterThan(last);
        last = s.start;
      }
      for (const t of doc.tokens) {
        const s = doc.sentences[t.sentence];
        expect(t.start).toBeGreaterThanOrEqual(s.start);
        expect(t.end).toBeLessThanOrEqual(s.end);
      }
    }), { numRuns: 300 });
  });
});

describe('pathological shapes', () => {
  it.each([
    ['10,000 quote marks', '"'.repeat(10000)],
    ['10,000 curly quote marks', '“'.repeat(5000) + '”'.repeat(5000)],
    ['one 200,000-character line', 'word '.repeat(40000)],
    ['100,000 blank lines', '\n'.repeat(100000)],
    ['10,000 periods', '. '.repeat(10000)],
  ])('%s', (_name, input) => {
    const report = analyze(input, { rules });
    expect(report.text).toBe(input);
  });
});
