import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../src/report/types.js';
import { BIN, ROOT, runCli } from './helpers/cli.js';

const samples = readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.txt')).map((f) => `samples/${f}`);
const names = (jsonl: string) => jsonl.trim().split('\n').map((l) => (JSON.parse(l) as Report).source.name);

describe('many inputs', () => {
  it('gives the same reports, in input order, with --jobs 2 as with one thread', () => {
    const inputs = [...samples, ...samples.slice().reverse()];
    const one = runCli([...inputs, '--format', 'jsonl']);
    const two = runCli([...inputs, '--format', 'jsonl', '--jobs', '2']);
    expect(two.status).toBe(0);
    expect(names(two.stdout)).toEqual(inputs);
    expect(two.stdout).toBe(one.stdout);
  }, 60_000);

  it('expands a quoted glob, and says so when it matches nothing', () => {
    const r = runCli(['samples/*.txt', '--format', 'jsonl']);
    expect(names(r.stdout)).toEqual([...samples].sort());
    const none = runCli(['samples/*.nothing']);
    expect(none.status).toBe(2);
    expect(none.stderr.trim()).toBe('slant: samples/*.nothing: no files match this pattern');
  });

  it('walks folders with --recursive, skipping hidden folders and node_modules', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slant-tree-'));
    for (const sub of ['a/b', '.hidden', 'node_modules/pkg']) mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(join(dir, 'one.txt'), 'Experts say one.');
    writeFileSync(join(dir, 'a/b/two.md'), 'Experts say two.');
    writeFileSync(join(dir, 'a/skip.png'), 'not text');
    writeFileSync(join(dir, '.hidden/three.txt'), 'hidden');
    writeFileSync(join(dir, 'node_modules/pkg/readme.txt'), 'dependency');
    const r = runCli([dir, '--recursive', '--format', 'jsonl']);
    expect(r.status).toBe(0);
    expect(names(r.stdout)).toEqual([join(dir, 'a/b/two.md'), join(dir, 'one.txt')]);
    expect(runCli([dir]).stderr).toContain('is a directory');
  });
});

describe('JSON Lines corpora', () => {
  const corpus = [
    JSON.stringify({ id: 'first', text: 'Experts say the plan failed.' }),
    JSON.stringify({ id: 7, text: 'The council met on Monday.\r\nIt voted.' }),
    '',
    'this line is not JSON',
    JSON.stringify({ id: 'no-text' }),
    JSON.stringify({ id: 'last', text: 'Critics argue it is a sham.' }),
  ].join('\n');

  it('reads {"id", "text"} lines from stdin under --format jsonl: one report per line, errors named by line', () => {
    const r = runCli(['--format', 'jsonl'], { input: corpus });
    expect(r.status).toBe(2);
    expect(names(r.stdout)).toEqual(['first', '7', 'last']);
    expect(r.stderr.trim().split('\n')).toEqual(['slant: <stdin>:4: not valid JSON', 'slant: <stdin>:5: "text" must be a string']);
    const second = JSON.parse(r.stdout.trim().split('\n')[1]) as Report;
    expect(second.text).toBe('The council met on Monday.\nIt voted.');
  });

  it('reads a .jsonl file, and --input-format jsonl with any output format', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slant-corpus-')), 'corpus.jsonl');
    writeFileSync(file, corpus);
    expect(names(runCli([file, '--format', 'jsonl', '--jobs', '2']).stdout)).toEqual(['first', '7', 'last']);
    const json = runCli(['--input-format', 'jsonl', '--format', 'json'], { input: corpus });
    expect((JSON.parse(json.stdout) as Report[]).map((x) => x.source.name)).toEqual(['first', '7', 'last']);
  });

  it('treats stdin as one article when it does not start like a corpus', () => {
    const r = runCli(['--format', 'jsonl'], { input: 'Plain text. Experts say so.' });
    expect(names(r.stdout)).toEqual(['<stdin>']);
  });

  it('runs through GNU parallel --pipe with no code of ours', () => {
    const which = spawnSync('sh', ['-c', 'command -v parallel'], { encoding: 'utf8' });
    if (which.status !== 0) {
      console.warn('skipped: GNU parallel is not installed (.ci/run installs it)');
      return;
    }
    const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: `doc-${i}`, text: `Story ${i}. Experts say it is a sham.` })).join('\n');
    const r = spawnSync('sh', ['-c', `parallel --will-cite --pipe -N 10 --keep-order node ${BIN} --format jsonl`], { input: lines, encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(0);
    expect(names(r.stdout)).toEqual(Array.from({ length: 40 }, (_, i) => `doc-${i}`));
  }, 60_000);

  it('spins on an interactive terminal, and skips the spinner on one that reports no width', () => {
    const which = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' });
    if (which.status !== 0) {
      console.warn('skipped: script (util-linux) is not installed');
      return;
    }
    // No CI variable: the spinner is off under CI.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'CI'));
    const inTerminal = (setup: string) => spawnSync('script', ['-qec', `${setup}node ${BIN} ${samples.slice(0, 3).join(' ')} -f jsonl > /dev/null`, '/dev/null'],
      { encoding: 'utf8', cwd: ROOT, env, timeout: 20_000 });
    const sized = inTerminal('stty cols 80 rows 24; ');
    expect(sized.status).toBe(0);
    expect(sized.stdout).toContain('Analysing');
    // A pseudo-terminal given no size reports 0 columns: ora used to clear lines without end there.
    const unsized = inTerminal('stty cols 0 rows 0; ');
    expect(unsized.status).toBe(0);
    expect(unsized.stdout).not.toContain('Analysing');
  }, 60_000);
});
