/**
 * `npm run eval`: measures slant against expert-labelled data kept beside the repository in
 * ../shared/eval (never copied into it). Compiled to dist/scripts/eval.js.
 *
 * Options:
 *   --details        list false positives and misses (PTC development articles only; BABE words)
 *   --hide-heldout   print no number computed on the held-out PTC articles (ids ending in 0/1)
 *   --only=a,b       run only the named sections (ptc, babe, ...)
 *   --packs=DIR      load rule packs from DIR (relative to the repository) instead of rules/, e.g.
 *                    --packs=rules/loaded-language while another category's packs are being written
 *
 * Sections are listed in SECTIONS; each is `{ name, run(): Promise<string> }` built from the
 * shared context, so new ones (quotes, provenance) are one import and one line.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { analyze } from '../src/analyze.js';
import { loadRuleSet } from '../src/rules/load.js';
import type { EvalContext, SectionFactory } from './eval/context.js';
import { makeAnalyzer, type Analyzer, type RawFinding } from './eval/slant.js';
import { ptcSection } from './eval/ptc.js';
import { babeSection } from './eval/babe.js';
import { provenanceSection } from './eval/provenance.js';
import { quotesSection } from './eval/quotes.js';

/** Sections in the order they run, by the short name --only uses. */
export const SECTIONS: ReadonlyArray<readonly [string, SectionFactory]> = [
  ['ptc', ptcSection],
  ['babe', babeSection],
  ['provenance', provenanceSection],
  ['quotes', quotesSection],
];

function loadAnalyzer(packs: string | null): { analyzer: Analyzer | null; error: string | null } {
  try {
    const rules = packs === null ? loadRuleSet() : loadRuleSet([], packs);
    // Detectors compile on first use: analyse one sentence now so a bad pack fails here, loudly.
    analyze('A first sentence.', { name: 'eval', rules });
    const analyzer = makeAnalyzer((text) => analyze(text, { name: 'eval', rules }).findings as readonly RawFinding[]);
    return { analyzer, error: null };
  } catch (e) {
    return { analyzer: null, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

async function main(argv: readonly string[]): Promise<number> {
  // dist/scripts/eval.js -> repository root is two levels up.
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const shared = resolve(root, '..', 'shared');
  if (!existsSync(join(shared, 'eval'))) {
    process.stdout.write('skipped: ../shared/eval not found\n');
    return 0;
  }
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const packsArg = argv.find((a) => a.startsWith('--packs='))?.slice('--packs='.length);
  const packs = packsArg === undefined ? null : resolve(root, packsArg);
  if (packs !== null) process.stdout.write(`rule packs: ${packs} only\n\n`);
  const { analyzer, error } = loadAnalyzer(packs);
  if (error) process.stdout.write(`error: could not load the rule set or the analysis: ${error}\n\n`);
  const ctx: EvalContext = {
    root,
    shared,
    analyzer,
    details: argv.includes('--details'),
    hideHeldOut: argv.includes('--hide-heldout'),
  };
  for (const [key, factory] of SECTIONS) {
    if (only && !only.includes(key)) continue;
    const section = factory(ctx);
    const t0 = performance.now();
    const body = await section.run();
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    process.stdout.write(`== ${section.name} (${secs} s)\n\n${body}\n\n`);
  }
  return error ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`eval failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
