import { describe, expect, it, jest } from '@jest/globals';
import { chmodSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../src/report/types.js';
import { ANSI, runCli } from './helpers/cli.js';
import { validateReport } from './helpers/schema.js';

// Tests here start the CLI, some several times: allow for a loaded machine.
jest.setTimeout(60_000);

const ARTICLE = 'Council approves budget\n\nThugs stormed the hall, experts say. The mayor claimed the plan was "fair".\n';

/** A fresh folder with one article in it. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'slant-output-'));
  writeFileSync(join(dir, 'a.txt'), ARTICLE);
  writeFileSync(join(dir, 'b.txt'), 'Second story\n\nThe regime claimed victory.\n');
  return dir;
}

const noTempFiles = (dir: string) => expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

describe('--output FILE', () => {
  it('writes the JSON report to the file and nothing to standard output', () => {
    const dir = workspace();
    const r = runCli(['a.txt', '--format', 'json', '--output', 'out.json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
    const written = readFileSync(join(dir, 'out.json'), 'utf8');
    expect(written).toBe(runCli(['a.txt', '--format', 'json'], { cwd: dir }).stdout);
    validateReport(JSON.parse(written));
    noTempFiles(dir);
  });

  it('writes jsonl (one line per input, in order), markdown, and a terminal report without colour codes', () => {
    const dir = workspace();
    expect(runCli(['a.txt', 'b.txt', '-f', 'jsonl', '-o', 'out.jsonl'], { cwd: dir }).status).toBe(0);
    const lines = readFileSync(join(dir, 'out.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as Report).source.name)).toEqual(['a.txt', 'b.txt']);

    expect(runCli(['a.txt', '-f', 'markdown', '-o', 'out.md'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'out.md'), 'utf8')).toMatch(/^# Council approves budget/);

    expect(runCli(['a.txt', '-o', 'out.txt'], { cwd: dir, env: { TERM: 'xterm-256color' } }).status).toBe(0);
    const text = readFileSync(join(dir, 'out.txt'), 'utf8');
    expect(text).toContain('Summary');
    expect(text).not.toMatch(ANSI);
    noTempFiles(dir);
  });

  it('reads standard input and writes the file', () => {
    const dir = workspace();
    const r = runCli(['--format', 'json', '--output', join(dir, 'stdin.json')], { input: ARTICLE });
    expect(r.status).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, 'stdin.json'), 'utf8')) as Report).source.name).toBe('<stdin>');
  });

  it('replaces an existing file whole, keeping its permissions', () => {
    const dir = workspace();
    const out = join(dir, 'out.json');
    writeFileSync(out, 'old content that is much longer than nothing '.repeat(1000));
    chmodSync(out, 0o640);
    expect(runCli(['a.txt', '-f', 'json', '-o', out], { cwd: dir }).status).toBe(0);
    expect(() => JSON.parse(readFileSync(out, 'utf8'))).not.toThrow();
    expect(statSync(out).mode & 0o777).toBe(0o640);
    noTempFiles(dir);
  });

  it('writes through a symbolic link to its target', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'real.json'), '');
    symlinkSync(join(dir, 'real.json'), join(dir, 'link.json'));
    expect(runCli(['a.txt', '-f', 'json', '-o', 'link.json'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'real.json'), 'utf8')).toContain('"schema": "slant.report/1"');
  });

  it('still writes the readable inputs when one cannot be read (exit 2)', () => {
    const dir = workspace();
    const r = runCli(['a.txt', 'missing.txt', '-f', 'jsonl', '-o', 'out.jsonl'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('missing.txt');
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('leaves an existing file alone when no input could be read', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'out.json'), 'keep');
    const r = runCli(['missing.txt', '-f', 'json', '-o', 'out.json'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('keep');
  });
});

describe('--output refuses, with one line and exit 2, writing nothing', () => {
  const refuse = (dir: string, args: string[], pattern: RegExp) => {
    const before = new Map(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).isFile() ? readFileSync(join(dir, f), 'utf8') : null]));
    const r = runCli(args, { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(pattern);
    const after = new Map(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).isFile() ? readFileSync(join(dir, f), 'utf8') : null]));
    expect(after).toEqual(before);
  };

  it('to overwrite an input, however the path is spelt', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'sub'));
    for (const out of ['a.txt', './a.txt', 'sub/../a.txt', join(dir, 'a.txt')]) {
      refuse(dir, ['a.txt', '-f', 'json', '-o', out], /^slant: --output .*refusing to overwrite the input a\.txt$/m);
    }
    refuse(dir, ['b.txt', 'a.txt', '-o', 'a.txt'], /refusing to overwrite the input a\.txt/);
  });

  it('to overwrite an input through a symbolic link or a hard link', () => {
    const dir = workspace();
    symlinkSync(join(dir, 'a.txt'), join(dir, 'sym.txt'));
    linkSync(join(dir, 'a.txt'), join(dir, 'hard.txt'));
    refuse(dir, ['a.txt', '-o', 'sym.txt'], /refusing to overwrite the input a\.txt/);
    refuse(dir, ['sym.txt', '-o', 'a.txt'], /refusing to overwrite the input sym\.txt/);
    refuse(dir, ['a.txt', '-o', 'hard.txt'], /refusing to overwrite the input a\.txt/);
  });

  it('when FILE is a directory or its folder does not exist', () => {
    const dir = workspace();
    mkdirSync(join(dir, 'folder'));
    refuse(dir, ['a.txt', '-o', 'folder'], /--output folder: is a directory/);
    refuse(dir, ['a.txt', '-o', '.'], /is a directory/);
    refuse(dir, ['a.txt', '-o', 'nowhere/out.json'], /--output nowhere\/out\.json: folder .* does not exist/);
  });
});

