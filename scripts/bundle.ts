/**
 * Build step: bundle the command line into a few minified ES modules (dist/bundle/). Start-up
 * pays per module loaded, so a run loads one: main.js holds all of our code and commander, with
 * the renderers initialised only when used. What a run seldom needs and is large lives in files
 * of its own, loaded by dynamic import: the HTML extractor with its DOM library (input-html.js),
 * the spinner (ora.js) and the glob library (glob.js). The worker of `--jobs` is its own bundle.
 * natural and yaml are loaded with require() only when a cache is missing.
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/paths.js';

const root = packageRoot();
const outdir = join(root, 'dist', 'bundle');

/** Imports that become files of their own: specifier (as written in src/) → output name. */
const SEPARATE: Record<string, string> = {
  './html.js': 'input-html',
  ora: 'ora',
  tinyglobby: 'glob',
};

/** Points the imports in SEPARATE at their own output files instead of bundling them in. */
const separate: Plugin = {
  name: 'separate',
  setup(b) {
    b.onResolve({ filter: /^(\.\/html\.js|ora|tinyglobby)$/ }, (args) => {
      if (args.path === './html.js' && !args.importer.endsWith(join('src', 'input', 'read.ts'))) return undefined;
      return { path: `./${SEPARATE[args.path]}.js`, external: true };
    });
  },
};

/**
 * commander requires node:child_process at load, for subcommands run as separate programs
 * (slant has none). Loading it costs every run ~5 ms: give commander a stand-in that loads it
 * on first use instead.
 */
const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'commander')}`) ? { path: 'child_process', namespace: 'lazy' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "let m; const load = () => (m ??= require('node:child_process'));\n" +
        "module.exports = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });",
      loader: 'js',
    }));
  },
};

const common: BuildOptions = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: process.env.SLANT_NO_MINIFY === undefined,
  legalComments: 'linked',
  external: ['natural', 'yaml'],
  // Bundled CommonJS dependencies call require(): give them one.
  banner: { js: "import { createRequire as __slantRequire } from 'node:module'; const require = __slantRequire(import.meta.url);" },
  logLevel: 'warning',
};

rmSync(outdir, { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: { main: join(root, 'src/cli/main.ts'), worker: join(root, 'src/cli/worker.ts') }, outdir, plugins: [separate, lazyChildProcess] }),
  build({ ...common, entryPoints: { 'input-html': join(root, 'src/input/html.ts') }, outdir }),
  build({ ...common, entryPoints: { ora: 'ora', glob: 'tinyglobby' }, outdir }),
]);
