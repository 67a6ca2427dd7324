import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers/cli.js';

/**
 * The build's V8 code cache (scripts/code-cache.ts) saves every run ~40 ms, but only if V8 takes
 * it: a cache made while a run had changed V8's flags (see src/cli/v8-flags.ts) is silently
 * refused, and each run compiles the bundle from source again. This compiles the bundle as
 * bin/slant.js does, under the flag it sets first, and asks V8 whether it refused the cache.
 */
describe('code cache', () => {
  // The HTML extractor is compiled when the first input is read, before slant changes V8's flags.
  it.each(['main.cjs', 'input-html.cjs'])('of %s fits the flags bin/slant.js compiles it under', (name) => {
    const bundle = join(ROOT, 'dist', 'bundle', name);
    const probe = `
      const { readFileSync } = require('node:fs');
      const { wrap } = require('node:module');
      const { Script } = require('node:vm');
      require('node:v8').setFlagsFromString('--no-regexp-tier-up');
      const file = ${JSON.stringify(bundle)};
      const script = new Script(wrap(readFileSync(file, 'latin1')), { filename: file, cachedData: readFileSync(file + '.cache') });
      process.stdout.write(String(script.cachedDataRejected));`;
    const r = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('false');
  });

  // End to end: each script bin/slant.js compiles, and whether V8 took its cache, seen from a
  // preloaded hook that wraps node:vm's Script.
  it('is taken for both bundles when slant reads a web page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slant-cache-taken-'));
    try {
      const hook = join(dir, 'hook.cjs');
      writeFileSync(hook, `const vm = require('node:vm');
        const seen = [];
        vm.Script = class extends vm.Script {
          constructor(source, options) { super(source, options); seen.push([require('node:path').basename(options.filename), this.cachedDataRejected]); }
        };
        process.on('exit', () => require('node:fs').writeSync(2, JSON.stringify(seen)));`);
      const page = join(ROOT, 'tests', 'fixtures', 'provenance', 'html-full-metadata-local.html');
      const r = spawnSync(process.execPath, ['--require', hook, join(ROOT, 'bin', 'slant.js'), page, '--format', 'json'], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stderr)).toEqual([['main.cjs', false], ['input-html.cjs', false]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * What an article's run loads of Node itself. Each of these was once loaded by every run and cost
 * it milliseconds (see bin/slant.js, src/builtins.ts, src/cli/output.ts, src/input/read.ts); one
 * that comes back should be a choice, not an accident.
 */
describe('start-up', () => {
  // Preloaded into the run: at exit, Node's modules loaded and the threads running (Linux).
  const dir = mkdtempSync(join(tmpdir(), 'slant-start-up-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const hook = join(dir, 'hook.cjs');
  writeFileSync(hook, `process.on('exit', () => {
    const fs = require('node:fs');
    const threads = fs.existsSync('/proc/self/task') ? fs.readdirSync('/proc/self/task').length : null;
    fs.writeSync(2, JSON.stringify({ modules: process.moduleLoadList, threads }));
  });`);
  const run = (args: string[], input?: Buffer) => {
    const r = spawnSync(process.execPath, ['--require', hook, ...args], { encoding: 'utf8', cwd: ROOT, input });
    expect(r.status).toBe(0);
    return JSON.parse(r.stderr) as { modules: string[]; threads: number | null };
  };

  it('an article piped to another program loads no ES module loader, fs/promises or net', () => {
    const { modules } = run([join(ROOT, 'bin', 'slant.js'), join(ROOT, 'samples', 'state-media.txt'), '--format', 'json']);
    expect(modules).toContain('NativeModule vm');
    for (const unwanted of ['NativeModule internal/modules/esm/translators', 'NativeModule fs/promises', 'NativeModule net']) {
      expect(modules).not.toContain(unwanted);
    }
  });

  it('an article piped in on standard input loads no net module or file stream either', () => {
    const { modules } = run([join(ROOT, 'bin', 'slant.js'), '--format', 'json'], readFileSync(join(ROOT, 'samples', 'state-media.txt')));
    expect(modules).toContain('NativeModule vm');
    for (const unwanted of ['NativeModule net', 'NativeModule internal/fs/streams', 'NativeModule tty']) expect(modules).not.toContain(unwanted);
  });

  (existsSync('/proc/self/task') ? it : it.skip)('starts no thread beyond those of `node -e 0` (libuv\'s pool is four)', () => {
    const article = run([join(ROOT, 'bin', 'slant.js'), join(ROOT, 'samples', 'state-media.txt'), '--format', 'json']);
    const floor = run(['-e', '0']);
    expect(article.threads).toBe(floor.threads);
  });
});
