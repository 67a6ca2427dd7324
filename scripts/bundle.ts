/**
 * Build step: bundle the command line into a few minified CommonJS files (dist/bundle/). Start-up
 * pays per module loaded, so a run loads one: main.cjs holds all of our code and commander, with
 * the renderers initialised only when used. What a run seldom needs and is large lives in files of
 * its own, required on first use: the HTML extractor with its DOM library (input-html.cjs), the
 * spinner (ora.cjs) and the glob library (glob.cjs). The worker of `--jobs` is its own bundle.
 * natural and yaml are loaded with require() only when a cache is missing.
 *
 * CommonJS, not ES modules: bin/slant.js compiles main.cjs and input-html.cjs itself, each with
 * a V8 code cache (see code-cache.ts), which Node 20 offers for scripts only. As an ES module,
 * the same code took ~20 ms longer to load than as a plain require().
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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
      return { path: `./${SEPARATE[args.path]}.cjs`, external: true };
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

/**
 * slant decides the colour level itself (src/cli/color.ts) and hands it to each Chalk it makes.
 * Chalk's own detection, run as it loads, loads node:tty and node:os and probes the terminal
 * for a default instance slant never uses (about 8 million instructions, 1% of a terminal
 * report's run): it gets a stand-in that detects nothing.
 */
const noColorDetection: Plugin = {
  name: 'no-color-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'no-detection' }));
    b.onLoad({ filter: /.*/, namespace: 'no-detection' }, () => ({
      contents: 'export default { stdout: false, stderr: false };',
      loader: 'js',
    }));
  },
};

const common: BuildOptions = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: process.env.SLANT_NO_MINIFY === undefined,
  legalComments: 'linked',
  external: ['natural', 'yaml'],
  // `import()` of the files above becomes require(): a script compiled by node:vm has no import().
  supported: { 'dynamic-import': false },
  // `import.meta.url` (module paths, createRequire) becomes the URL of the bundle file.
  define: { 'import.meta.url': '__slantModuleUrl' },
  banner: { js: 'const __slantModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  outExtension: { '.js': '.cjs' },
  logLevel: 'warning',
};

/**
 * esbuild escapes the characters beyond ASCII in strings but leaves them in regular expressions:
 * ours hold curly quotes and dashes, in literals and in String.raw text given to `new RegExp`.
 * Written as \uXXXX (a character beyond U+FFFF as its two surrogates) they mean the same in
 * either, with or without the `u` flag. An all-ASCII file is read by Node into a one-byte
 * string: half the memory and a faster parse, which every run pays for (~5 ms).
 */
function escapeToAscii(file: string): void {
  const text = readFileSync(file, 'utf8');
  // "\’" would become "\\u2019", an escaped backslash: slant writes no such pattern.
  if (/\\[^\x00-\x7f]/.test(text)) throw new Error(`${file}: a character beyond ASCII after a backslash`);
  // Code unit by code unit (no `u` flag), so a character beyond U+FFFF becomes its two surrogates.
  writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** bin/slant.js compiles main.cjs and input-html.cjs with node:vm, where a script has no import() of its own. */
function checkNoDynamicImport(file: string): void {
  if (/\bimport\(/.test(readFileSync(file, 'latin1'))) throw new Error(`${file}: a dynamic import() is left, which a node:vm script cannot run`);
}

rmSync(outdir, { recursive: true, force: true });
await Promise.all([
  build({ ...common, entryPoints: { main: join(root, 'src/cli/main.ts'), worker: join(root, 'src/cli/worker.ts') }, outdir, plugins: [separate, lazyChildProcess, noColorDetection] }),
  build({ ...common, entryPoints: { 'input-html': join(root, 'src/input/html.ts') }, outdir }),
  build({ ...common, entryPoints: { glob: 'tinyglobby' }, outdir }),
  // The spinner is ora's default export: as the module's exports, it is what import() gives as default.
  build({ ...common, stdin: { contents: "module.exports = require('ora').default;", resolveDir: root }, outfile: join(outdir, 'ora.cjs') }),
]);
for (const name of ['main.cjs', 'worker.cjs', 'input-html.cjs']) escapeToAscii(join(outdir, name));
for (const name of ['main.cjs', 'input-html.cjs']) checkNoDynamicImport(join(outdir, name));
