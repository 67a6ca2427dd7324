/**
 * `npm run bench`: cold command-line runs timed beside `node -e 0` in the same run, in turn, medians and
 * ratios, plus peak memory. Inputs are built from our own samples so the figures are repeatable.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze } from '../src/analyze.js';
import { packageRoot } from '../src/paths.js';
import { loadRuleSet } from '../src/rules/load.js';
import { asWebPage } from '../scripts/code-cache.js';

const root = packageRoot();
const bin = join(root, 'bin', 'slant.js');
// The inputs (~20 MB) are written over in one place on each run, where tools keep their caches:
// a fresh temporary folder each time was never removed when a run was interrupted.
const work = join(root, 'node_modules', '.cache', 'slant-bench');
mkdirSync(work, { recursive: true });
const quick = process.argv.includes('--quick');

const article = join(root, 'samples', 'state-media.txt');
const corpus = readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(root, 'samples', f), 'utf8')).join('\n\n');

/** The samples repeated until the text is at least `bytes` long in UTF-8. */
function textOfSize(bytes: number): string {
  const unit = `${corpus}\n\n`;
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
}
const oneMiB = join(work, '1mib.txt');
const fourMiB = join(work, '4mib.txt');
writeFileSync(oneMiB, textOfSize(1024 * 1024));
writeFileSync(fourMiB, textOfSize(4 * 1024 * 1024));
const corpusFile = join(work, 'corpus-1000.jsonl');
const articles = readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(root, 'samples', f), 'utf8'));
writeFileSync(corpusFile, Array.from({ length: 1000 }, (_, i) => JSON.stringify({ id: `a${i}`, text: articles[i % articles.length] })).join('\n') + '\n');
const tenMiB = join(work, '10mib.txt');
writeFileSync(tenMiB, textOfSize(10 * 1024 * 1024));
const page = join(work, 'page.html');
writeFileSync(page, asWebPage(readFileSync(article, 'utf8')));
const tiny = join(work, 'tiny.txt');
writeFileSync(tiny, 'A short line.\n');

const hasTime = existsSync('/usr/bin/time');

/** Wall time, and with /usr/bin/time the CPU time (user and system, all threads) and peak RSS. */
interface Sample { ms: number; cpuMs: number | null; kb: number | null }

function runOnce(cmd: string[], anyStatus: boolean, env: NodeJS.ProcessEnv, input?: Buffer): Sample {
  const args = hasTime ? ['-f', '%U %S %M', ...cmd] : cmd.slice(1);
  const exe = hasTime ? '/usr/bin/time' : cmd[0];
  const t0 = performance.now();
  const r = spawnSync(exe, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, env: { ...env, NO_COLOR: '1' }, input });
  const ms = performance.now() - t0;
  if (r.status !== 0 && !(anyStatus && r.status !== null)) throw new Error(`${cmd.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  if (!hasTime) return { ms, cpuMs: null, kb: null };
  const [user, system, kb] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { ms, cpuMs: (user + system) * 1000, kb };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

interface Row { name: string; ms: number; cpuMs: number | null; mib: number | null }

interface Spec {
  name: string;
  cmd: string[];
  /** Peers exit with the number of problems they found (write-good, alex), slant's error path with 2: any exit status counts as a run. */
  anyStatus?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Piped to the command's standard input. */
  input?: Buffer;
}

/**
 * Time a group of commands in turn, one run of each per round, so that the machine's drift (on a
 * shared machine, `node -e 0` alone moved between 90 and 140 ms within the hour) falls on all
 * of them alike and the ratios between them hold. The first round warms the file cache.
 */
function measureInTurn(specs: Spec[], runs: number): Row[] {
  const samples: Sample[][] = specs.map(() => []);
  for (let round = 0; round <= runs; round++) {
    specs.forEach((spec, k) => {
      const sample = runOnce(spec.cmd, spec.anyStatus ?? false, spec.env ?? process.env, spec.input);
      if (round > 0) samples[k].push(sample);
    });
  }
  return specs.map((spec, k) => {
    const kbs = samples[k].map((s) => s.kb).filter((kb): kb is number => kb !== null);
    const cpu = samples[k].map((s) => s.cpuMs).filter((ms): ms is number => ms !== null);
    return { name: spec.name, ms: median(samples[k].map((s) => s.ms)), cpuMs: cpu.length ? median(cpu) : null, mib: kbs.length ? median(kbs) / 1024 : null };
  });
}

const node = process.execPath;
const runs = quick ? 3 : 11;
const bigRuns = quick ? 1 : 3;
const writeGood = join(root, 'node_modules', 'write-good', 'bin', 'write-good.js');
const hasWriteGood = existsSync(writeGood);
const alex = join(root, 'node_modules', 'alex', 'cli.js');
// Node reads the certificates NODE_EXTRA_CA_CERTS names as it starts, before any script: where it
// is set (it is on the machines these figures come from), every run pays for that, the floor
// included. The same two runs without it show the ratio that a machine without it sees.
const withoutCaCerts = process.env.NODE_EXTRA_CA_CERTS ? { ...process.env, NODE_EXTRA_CA_CERTS: undefined } : undefined;

const short: Spec[] = [
  { name: 'node -e 0', cmd: [node, '-e', '0'] },
  // Start-up alone: an input that cannot be read (exit status 2) and --help load no rules or outlets.
  { name: 'slant, error path (missing file)', cmd: [node, bin, join(work, 'missing.txt')], anyStatus: true },
  { name: 'slant --help', cmd: [node, bin, '--help'] },
  { name: 'slant, 13-byte input', cmd: [node, bin, tiny, '--format', 'json'] },
  { name: 'slant, 1,034-word article (terminal)', cmd: [node, bin, article] },
  { name: 'slant, 1,034-word article (json)', cmd: [node, bin, article, '--format', 'json'] },
  { name: 'slant, the article piped in (json)', cmd: [node, bin, '--format', 'json'], input: readFileSync(article) },
  { name: 'slant, the article as a web page (json)', cmd: [node, bin, page, '--format', 'json'] },
  ...(hasWriteGood ? [{ name: 'write-good, article', cmd: [node, writeGood, article], anyStatus: true }] : []),
  ...(withoutCaCerts ? [
    { name: 'node -e 0, no NODE_EXTRA_CA_CERTS', cmd: [node, '-e', '0'], env: withoutCaCerts },
    { name: 'slant, article (json), no CA certs', cmd: [node, bin, article, '--format', 'json'], env: withoutCaCerts },
  ] : []),
  ...(existsSync(alex) ? [{ name: 'alex --text, article', cmd: [node, alex, '--text', article], anyStatus: true }] : []),
];
const large: Spec[] = [
  // The floor again, in turn with the large inputs: the machine's speed drifts between groups.
  { name: 'node -e 0, beside the large inputs', cmd: [node, '-e', '0'] },
  { name: 'slant, 1 MiB (json)', cmd: [node, bin, oneMiB, '--format', 'json'] },
  { name: 'slant, 4 MiB (json)', cmd: [node, bin, fourMiB, '--format', 'json'] },
  { name: 'slant, 1,000-article corpus, 1 thread', cmd: [node, bin, corpusFile, '--format', 'jsonl'] },
  { name: 'slant, 1,000-article corpus, --jobs 2', cmd: [node, bin, corpusFile, '--format', 'jsonl', '--jobs', '2'] },
];
const rows: Row[] = [
  ...measureInTurn(short, runs),
  ...measureInTurn(large, bigRuns),
  ...measureInTurn([{ name: 'slant, 10 MiB (jsonl)', cmd: [node, bin, tenMiB, '--format', 'jsonl'] }], 1),
  ...(hasWriteGood ? measureInTurn([{ name: 'write-good, 1 MiB', cmd: [node, writeGood, oneMiB], anyStatus: true }], bigRuns) : []),
];

// Warm, in-process: analysis alone, without start-up.
const rules = loadRuleSet();
const text1 = readFileSync(oneMiB, 'utf8');
analyze(readFileSync(article, 'utf8'), { rules });
const warm = median(Array.from({ length: quick ? 1 : 3 }, () => {
  const t0 = performance.now();
  analyze(text1, { rules });
  return performance.now() - t0;
}));

const floor = rows[0].ms;
const byName = new Map(rows.map((r) => [r.name, r]));
console.log(`slant benchmark · ${new Date().toISOString().slice(0, 10)} · node ${process.version} · ${runs} runs (${bigRuns} for MiB inputs), medians\n`);
console.log(`${'command'.padEnd(40)} ${'median'.padStart(10)} ${'× node -e 0'.padStart(12)} ${'CPU'.padStart(10)} ${'peak RSS'.padStart(10)}`);
for (const r of rows) {
  const cpu = r.cpuMs === null ? '-' : `${r.cpuMs.toFixed(0)} ms`;
  console.log(`${r.name.padEnd(40)} ${`${r.ms.toFixed(0)} ms`.padStart(10)} ${(r.ms / floor).toFixed(2).padStart(12)} ${cpu.padStart(10)} ${(r.mib === null ? '-' : `${r.mib.toFixed(0)} MiB`).padStart(10)}`);
}
const a = byName.get('slant, 1,034-word article (json)')!;
const m1 = byName.get('slant, 1 MiB (json)')!;
const m4 = byName.get('slant, 4 MiB (json)')!;
console.log(`\nin-process analysis of 1 MiB (warm, no start-up): ${warm.toFixed(0)} ms`);
console.log(`article run / node -e 0: ${(a.ms / floor).toFixed(2)} (target ≤ 1.5)`);
// What the target leaves for the analysis itself: a 13-byte input loads the code, rules and outlet data as the article does.
const startUp = byName.get('slant, 13-byte input')!;
console.log(`  start-up with next to nothing to analyse (13-byte input) / node -e 0: ${(startUp.ms / floor).toFixed(2)}; the article's analysis adds ${(a.ms - startUp.ms).toFixed(0)} ms to it`);
const bareFloor = byName.get('node -e 0, no NODE_EXTRA_CA_CERTS');
const bareArticle = byName.get('slant, article (json), no CA certs');
if (bareFloor && bareArticle) {
  console.log(`  the same without NODE_EXTRA_CA_CERTS (${process.env.NODE_EXTRA_CA_CERTS}): ${(bareArticle.ms / bareFloor.ms).toFixed(2)}; node -e 0 takes ${(floor - bareFloor.ms).toFixed(0)} ms longer with it`);
}
const largeFloor = byName.get('node -e 0, beside the large inputs')!;
console.log(`1 MiB run: ${m1.ms.toFixed(0)} ms (target < 500 ms); node -e 0 took ${largeFloor.ms.toFixed(0)} ms in that group, ${floor.toFixed(0)} ms in the first`);
console.log(`4 MiB / 1 MiB: ${(m4.ms / m1.ms).toFixed(2)} (linear ≈ 4; target ≤ 4.4)`);
const c1 = byName.get('slant, 1,000-article corpus, 1 thread')!;
const c2 = byName.get('slant, 1,000-article corpus, --jobs 2')!;
const ten = byName.get('slant, 10 MiB (jsonl)')!;
console.log(`corpus: 1 thread / 2 threads: ${(c1.ms / c2.ms).toFixed(2)}× (target ≥ 1.7)`);
// One thread already keeps more than one core busy (V8 compiles and collects garbage on threads of
// its own), so on C cores two workers can be at most C / (cores one thread keeps busy) times as
// fast as one thread, and never more than twice.
if (c1.cpuMs !== null) {
  const busy = c1.cpuMs / c1.ms;
  const cores = availableParallelism();
  console.log(`  one thread keeps ${busy.toFixed(2)} cores busy; on ${cores} cores two workers can be at most ${Math.min(2, cores / busy).toFixed(2)}× faster`);
}
if (ten.mib !== null) console.log(`10 MiB article peak memory: ${ten.mib.toFixed(0)} MiB (target < 200 MiB)`);
const wg = byName.get('write-good, article');
if (wg) console.log(`article run / write-good article run: ${(a.ms / wg.ms).toFixed(2)} (target ≤ 1.0)`);
