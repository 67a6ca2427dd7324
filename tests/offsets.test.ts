import { describe, expect, it } from '@jest/globals';
import { analyze } from '../src/analyze.js';
import { decodeText, normalizeNewlines } from '../src/input/decode.js';
import { codePointIndex } from '../src/text/codepoints.js';
import { lineIndex } from '../src/text/lines.js';
import { cpSlice } from './helpers/cli.js';

describe('code point offsets', () => {
  it('is the identity for text without astral characters', () => {
    const idx = codePointIndex('héllo wörld');
    expect(idx.toCodePoint(5)).toBe(5);
    expect(idx.length).toBe(11);
  });

  it('converts around emoji and astral CJK', () => {
    const text = 'a😀b𠀋c';
    const idx = codePointIndex(text);
    expect(idx.length).toBe(5);
    expect(idx.toCodePoint(text.indexOf('b'))).toBe(2);
    expect(idx.toCodePoint(text.indexOf('c'))).toBe(4);
    expect(idx.toUtf16(4)).toBe(text.indexOf('c'));
  });

  it('does not shift findings that follow emoji and CJK text', () => {
    const text = 'Headline 😀 in 北京\n\n🎉🎉 Experts say the plan failed. 😀 Studies show it works.';
    const report = analyze(text);
    expect(report.findings.length).toBeGreaterThanOrEqual(2);
    for (const f of report.findings) {
      if (f.start === null || f.end === null) continue;
      expect(cpSlice(report.text, f.start, f.end)).toBe(f.text);
    }
    expect(report.source.chars).toBe(Array.from(text).length);
  });
});

describe('line and column', () => {
  it('is 1-based and counts code points', () => {
    const text = 'one\n😀 two\nthree';
    const cp = codePointIndex(text);
    const lines = lineIndex(text, cp.toCodePoint);
    expect(lines.position(0)).toEqual({ line: 1, column: 1 });
    expect(lines.position(text.indexOf('two'))).toEqual({ line: 2, column: 3 });
    expect(lines.position(text.indexOf('three'))).toEqual({ line: 3, column: 1 });
  });

  it('reports findings with line and column', () => {
    const report = analyze('Title here\n\nFine words.\nExperts say so.');
    const f = report.findings.find((x) => x.kind === 'weasel');
    expect(f).toMatchObject({ line: 4, column: 1 });
  });
});

describe('input decoding', () => {
  it('drops a BOM and folds CRLF and lone CR to LF', () => {
    const bytes = new TextEncoder().encode('\ufeffA\r\nB\rC\n');
    expect(decodeText(bytes, 'x')).toBe('A\nB\nC\n');
    expect(normalizeNewlines('a\r\n\r\nb')).toBe('a\n\nb');
  });

  it('keeps offsets right in text that had CRLF line ends', () => {
    const text = decodeText(new TextEncoder().encode('Headline\r\n\r\nExperts say it.\r\n'), 'x');
    const report = analyze(text);
    const f = report.findings.find((x) => x.kind === 'weasel')!;
    expect(cpSlice(report.text, f.start!, f.end!)).toBe('Experts say');
  });

  it('refuses NUL bytes and invalid UTF-8 with the file name', () => {
    expect(() => decodeText(new Uint8Array([0x61, 0x00, 0x62]), 'a.bin')).toThrow('a.bin: looks like a binary file');
    expect(() => decodeText(new Uint8Array([0x61, 0xff, 0x62]), 'b.txt')).toThrow('b.txt: is not valid UTF-8 text');
  });
});
