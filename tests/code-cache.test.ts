import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './helpers/cli.js';

/**
 * The build's V8 code cache (scripts/code-cache.ts) saves every run ~40 ms, but only if V8 takes
 * it: a cache made while a run had changed V8's flags (see src/cli/v8-flags.ts) is silently
 * refused, and each run compiles the bundle from source again. This compiles the bundle as
 * bin/slant.cjs does, under the flag it sets first, and asks V8 whether it refused the cache.
 */
describe('code cache', () => {
  it('fits the flags bin/slant.cjs compiles the bundle under', () => {
    const bundle = join(ROOT, 'dist', 'bundle', 'main.cjs');
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
});
