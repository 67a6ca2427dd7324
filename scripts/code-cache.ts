/**
 * The V8 code cache of the bundle (dist/bundle/main.cjs.cache), which bin/slant.js compiles it
 * with. Made by a run of bin/slant.js, after which it saves the bytecode of every function V8
 * compiled for the run: a later run then compiles none of those again (an article ran ~40 ms
 * faster than with only the parse of the file cached, a run that fails on its input ~7 ms
 * slower, as it reads the whole cache). Made last in the build, once the rule and outlet caches
 * exist, so that the run takes the path every run takes.
 *
 * The run reads a little more than a short run's worth of our samples: a short run changes V8's
 * flags (see src/cli/v8-flags.ts), and a cache fits only the flags it was made under.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHORT_RUN_BYTES } from '../src/cli/v8-flags.js';

export function writeCodeCache(root: string): void {
  const cache = join(root, 'dist', 'bundle', 'main.cjs.cache');
  rmSync(cache, { force: true });
  const samples = readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(root, 'samples', f), 'utf8'));
  let text = '';
  while (Buffer.byteLength(text) <= SHORT_RUN_BYTES) text += `${samples.join('\n\n')}\n\n`;
  const work = mkdtempSync(join(tmpdir(), 'slant-code-cache-'));
  try {
    const input = join(work, 'articles.txt');
    writeFileSync(input, text);
    const run = spawnSync(process.execPath, [join(root, 'bin', 'slant.js'), '--format', 'json', input], {
      env: { ...process.env, SLANT_WRITE_CODE_CACHE: cache },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (run.status !== 0) throw new Error(`slant: the run that makes the code cache failed (exit status ${run.status})`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
