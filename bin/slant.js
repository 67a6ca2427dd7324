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
// an article needs, so that V8 compiles none of them again. Without a cache that fits (another
// Node, other V8 flags), V8 compiles from the source.
const file = require.resolve('../dist/bundle/main.cjs');
const cacheFile = `${file}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // No cache: compile from the source.
}
// The bundle is ASCII (see scripts/bundle.ts): Latin-1 reads it as written, into a one-byte string.
const script = new Script(wrap(readFileSync(file, 'latin1')), { filename: file, cachedData });
const bundle = { exports: {} };
script.runInThisContext().call(bundle.exports, bundle.exports, createRequire(file), bundle, file, dirname(file));
bundle.exports.main(process.argv).then(() => {
  // The build's run for the cache (scripts/code-cache.ts): save what V8 compiled.
  if (process.env.SLANT_WRITE_CODE_CACHE === cacheFile) writeFileSync(cacheFile, script.createCachedData());
});
