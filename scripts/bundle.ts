/**
 * Build step: bundle the command line into a few minified ES modules (dist/bundle/). One file
 * to load instead of ~80 saves about a third of slant's start-up time. Rarely used parts (HTML
 * input, renderers, classroom commands) stay in chunks loaded on demand; natural and yaml are
 * loaded with require() only when a cache is missing.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';

const root = packageRoot();
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'src/cli/main.ts'), join(root, 'src/cli/worker.ts')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: process.env.SLANT_NO_MINIFY === undefined,
  legalComments: 'linked',
  external: ['natural', 'yaml'],
  // Bundled CommonJS dependencies call require(): give them one.
  banner: { js: "import { createRequire as __slantRequire } from 'node:module'; const require = __slantRequire(import.meta.url);" },
  logLevel: 'warning',
});
