import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { ROOT } from './helpers/cli.js';

/** The hand-labelled gold sets stay consistent with their texts (every span found, every field present). */
describe('gold fixtures', () => {
  it.each([
    ['quotations', 'scripts/check-quote-fixtures.mjs'],
    ['provenance', 'tests/fixtures/provenance/check-gold.mjs'],
  ])('%s gold set passes its checker', (_name, script) => {
    const r = spawnSync(process.execPath, [script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr + r.stdout).not.toMatch(/^\s*(?:error|✗)/im);
    expect(r.status).toBe(0);
  });
});
