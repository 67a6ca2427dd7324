import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/analyze.js';
import { reportJsonChunks, reportJsonLineChunks } from '../src/report/json-chunks.js';
import { ROOT } from './helpers/cli.js';

/** The bytes a writer would send for the pieces, each encoded on its own. */
const bytesOf = (pieces: Iterable<string>): Buffer => Buffer.concat([...pieces].map((p) => Buffer.from(p)));

describe('reportJsonChunks', () => {
  const samples = readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.txt'));

  it.each(samples)('writes exactly JSON.stringify(report, null, 2) and JSON.stringify(report) for %s', (file) => {
    const report = analyze(readFileSync(join(ROOT, 'samples', file), 'utf8'), { name: file });
    expect(bytesOf(reportJsonChunks(report)).equals(Buffer.from(JSON.stringify(report, null, 2)))).toBe(true);
    expect(bytesOf(reportJsonLineChunks(report)).equals(Buffer.from(JSON.stringify(report)))).toBe(true);
  });

  it('writes a report with many findings in several pieces, exactly as JSON.stringify does', () => {
    const text = samples.map((file) => readFileSync(join(ROOT, 'samples', file), 'utf8')).join('\n\n').repeat(10);
    const report = analyze(text, { name: 'many' });
    expect(report.findings.length).toBeGreaterThan(512);
    const pretty = [...reportJsonChunks(report)];
    const line = [...reportJsonLineChunks(report)];
    expect(Math.min(pretty.length, line.length)).toBeGreaterThan(3);
    expect(bytesOf(pretty).equals(Buffer.from(JSON.stringify(report, null, 2)))).toBe(true);
    expect(bytesOf(line).equals(Buffer.from(JSON.stringify(report)))).toBe(true);
  });

  it('splits a long text without cutting a surrogate pair, and handles empty and unserialisable values', () => {
    const text = `${'x'.repeat((1 << 20) - 2)}🙂${'é\n'.repeat(1 << 19)}\ud800 lone`;
    const value = { a: [], b: {}, c: [1, undefined, { d: [{ e: null }] }], text, skipped: undefined, f: 'short' };
    const pieces = [...reportJsonChunks(value)];
    expect(pieces.length).toBeGreaterThan(3);
    expect(bytesOf(pieces).equals(Buffer.from(JSON.stringify(value, null, 2)))).toBe(true);
    expect(bytesOf(reportJsonLineChunks(value)).equals(Buffer.from(JSON.stringify(value)))).toBe(true);
    expect([...reportJsonChunks({})].join('')).toBe('{}');
    expect([...reportJsonLineChunks({})].join('')).toBe('{}');
  });
});
