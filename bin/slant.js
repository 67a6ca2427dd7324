#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json says so), not an ES module: Node reads an ES module entry point
// through libuv's thread pool, which starts four threads for it, and loads its ES module loader
// (~4 ms of an article's run).
const { readFileSync, writeFileSync } = require('node:fs');
const { createRequire, wrap } = require('node:module');
const { dirname } = require('node:path');
const { Script } = require('node:vm');

// Regular expressions go straight to machine code: for our patterns (Unicode classes, case
// folding) on text beyond Latin-1, V8's default first step, bytecode for its interpreter, was the
// slow one (~60 ms for an article's patterns, against ~20 ms). Set before the bundle is compiled:
// its code cache holds the V8 flags it was made under and fits only the same ones (the others
// slant sets, in src/cli/v8-flags.ts, come after).
require('node:v8').setFlagsFromString('--no-regexp-tier-up');

// The bundle is a CommonJS module, compiled here as require() would, but with the V8 code cache
// the build made for it (see scripts/code-cache.ts): the bytecode of every function a run of
// an article needs, so that V8 compiles none of them again. The HTML extractor, a bundle of its
// own that the main one requires on first use, is loaded the same way. Without a cache that fits
// (another Node, other V8 flags), V8 compiles from the source.
const WITH_CODE_CACHE = new Set(['./input-html.cjs']);
/** Each bundle compiled here, by file: loaded once, and the build's runs save their caches (see below). */
const bundles = new Map();

function loadBundle(file) {
  if (bundles.has(file)) return bundles.get(file).exports;
  let cachedData;
  try {
    cachedData = readFileSync(`${file}.cache`);
  } catch {
    // No cache: compile from the source.
  }
  // Our bundles are ASCII (see scripts/bundle.ts): Latin-1 reads them as written, into one-byte strings.
  const script = new Script(wrap(readFileSync(file, 'latin1')), { filename: file, cachedData });
  const bundle = { exports: {} };
  bundles.set(file, { script, exports: bundle.exports });
  script.runInThisContext().call(bundle.exports, bundle.exports, bundleRequire(file), bundle, file, dirname(file));
  bundles.get(file).exports = bundle.exports;
  return bundle.exports;
}

/** require() for a bundle: the bundles in WITH_CODE_CACHE through loadBundle, all else as Node does. */
function bundleRequire(file) {
  const plain = createRequire(file);
  const load = (id) => (WITH_CODE_CACHE.has(id) ? loadBundle(plain.resolve(id)) : plain(id));
  return Object.assign(load, { resolve: plain.resolve });
}

loadBundle(require.resolve('../dist/bundle/main.cjs')).main(process.argv).then(() => {
  // The build's runs for the caches (scripts/code-cache.ts): save what V8 compiled for the bundle named.
  const file = process.env.SLANT_WRITE_CODE_CACHE;
  if (file !== undefined && bundles.has(file)) writeFileSync(`${file}.cache`, bundles.get(file).script.createCachedData());
});
