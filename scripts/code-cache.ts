/**
 * The V8 code caches of the bundles bin/slant.js compiles itself (dist/bundle/main.cjs.cache and
 * input-html.cjs.cache). Each is made by a run of bin/slant.js, after which it saves the bytecode
 * of every function V8 compiled for the run: a later run then compiles none of those again (an
 * article ran ~40 ms faster than with only the parse of the file cached, a run that fails on its
 * input ~7 ms slower, as it reads the whole cache; an HTML page ~15 ms faster). Made last in the
 * build, once the rule and outlet caches exist, so that the runs take the path every run takes.
 *
 * The main bundle's first run reads a little more than a short run's worth of our samples as
 * JSON, a second writes one of them as the terminal report, and the HTML extractor's run reads one
 * as a web page. V8's flags stay as they are in these runs (see src/cli/v8-flags.ts): a cache fits
 * only the flags it was made under.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHORT_RUN_BYTES } from '../src/cli/v8-flags.js';

export function writeCodeCache(root: string): void {
  const bundles = join(root, 'dist', 'bundle');
  const samples = readdirSync(join(root, 'samples')).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(root, 'samples', f), 'utf8'));
  let text = '';
  while (Buffer.byteLength(text) <= SHORT_RUN_BYTES) text += `${samples.join('\n\n')}\n\n`;
  const work = mkdtempSync(join(tmpdir(), 'slant-code-cache-'));
  try {
    writeFileSync(join(work, 'articles.txt'), text);
    writeFileSync(join(work, 'page.html'), asWebPage(samples[0]));
    cacheRun(root, join(bundles, 'main.cjs'), [join(work, 'articles.txt'), '--format', 'json']);
    // The default report on top: this run takes the cache above and saves it with the terminal
    // renderer's functions added (an article's terminal report ran ~1% fewer instructions).
    cacheRun(root, join(bundles, 'main.cjs'), [join(root, 'samples', 'local-news.txt'), '--format', 'terminal'], { add: true });
    cacheRun(root, join(bundles, 'input-html.cjs'), [join(work, 'page.html'), '--format', 'json']);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Run slant with `args` and save the code cache of `bundle` (see bin/slant.js): made afresh, or
 * with `add`, the cache the run took with what else it compiled.
 */
function cacheRun(root: string, bundle: string, args: string[], { add = false } = {}): void {
  if (!add) rmSync(`${bundle}.cache`, { force: true });
  const run = spawnSync(process.execPath, [join(root, 'bin', 'slant.js'), ...args], {
    env: { ...process.env, SLANT_WRITE_CODE_CACHE: bundle },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`slant: the run that makes the code cache of ${bundle} failed (exit status ${run.status})`);
}

/** An article as a news site's page: metadata in the head, the text in an <article> among page furniture. */
export function asWebPage(article: string): string {
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const [title, ...paragraphs] = article.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)} | The Example Times</title>
<meta property="og:site_name" content="The Example Times"><meta name="author" content="Example Reporter">
<meta property="article:published_time" content="2026-01-15T09:00:00Z"><link rel="canonical" href="https://news.example.org/a/1">
<script type="application/ld+json">{"@type":"NewsArticle","headline":${JSON.stringify(title)},"author":{"@type":"Person","name":"Example Reporter"}}</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${escape(title)}</h1>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
</article><aside>Most read</aside><footer>Copyright The Example Times</footer></body></html>
`;
}
