import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../src/analyze.js';
import { buildDocument } from '../src/document/build.js';
import { buildWorksheet } from '../src/classroom/worksheet.js';
import { CONTENT_SECURITY_POLICY, renderHtml } from '../src/render/html.js';
import { renderWorksheetHtml } from '../src/render/worksheet.js';
import { loadRuleSet } from '../src/rules/load.js';
import { Browser, findChromium, type Page } from './helpers/chromium.js';
import { ROOT, runCli } from './helpers/cli.js';

/**
 * The HTML report in a real browser: every sample renders without console errors, loads
 * nothing, and shows every finding's marker at a non-zero size, on screen and in print.
 * Screenshots and PDFs go to test-artifacts/html/ (gitignored) for a human to look at.
 */
const ARTIFACTS = join(ROOT, 'test-artifacts', 'html');
const SAMPLES = readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.txt')).sort();
const chromium = findChromium();
const inBrowser = chromium ? it : it.skip;
if (!chromium) {
  console.warn('tests/html-report.test.ts: Chromium is not installed (tried $CHROMIUM_PATH, chromium, chromium-browser, google-chrome): the browser checks are SKIPPED. Install it with `apt-get install -y chromium` (.ci/run does).');
}

const rules = loadRuleSet();
const explanations = new Map(rules.rules.map((r) => [r.id, r.explanation]));

function render(text: string, name: string): { html: string; findings: number } {
  const report = analyze(text, { name, rules });
  const html = renderHtml({ report, paragraphs: buildDocument(report.text).paragraphs }, { explain: true, explanations });
  return { html, findings: report.findings.length };
}

function save(name: string, content: string | Buffer): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, name);
  writeFileSync(path, content);
  return path;
}

interface MarkerCheck {
  markers: number[];
  invisible: Array<{ n: number; why: string }>;
  notes: number;
  questions: number;
  loaded: string[];
  scripts: number;
  embedded: number;
  notesBeside: boolean | null;
}

/** Runs inside the page (through the DevTools protocol, so the page itself needs no script). */
const CHECK = `(() => {
  const markers = [...document.querySelectorAll('[data-finding]')];
  const width = document.documentElement.scrollWidth;
  const invisible = [];
  for (const m of markers) {
    const r = m.getBoundingClientRect();
    const s = getComputedStyle(m);
    const n = Number(m.dataset.finding);
    if (r.width < 4 || r.height < 4) invisible.push({ n, why: 'zero size ' + r.width + 'x' + r.height });
    else if (s.visibility !== 'visible' || s.display === 'none' || Number(s.opacity) === 0) invisible.push({ n, why: 'hidden by style' });
    else if (r.left < 0 || r.right > width + 1) invisible.push({ n, why: 'outside the page' });
    else if (!m.textContent.includes(String(n))) invisible.push({ n, why: 'marker does not show its number' });
    else if (s.color === s.backgroundColor) invisible.push({ n, why: 'text colour equals background' });
  }
  const firstNotes = document.querySelector('.para .notes');
  const firstText = firstNotes && firstNotes.parentElement.querySelector('.text');
  return {
    markers: markers.map((m) => Number(m.dataset.finding)),
    invisible,
    notes: document.querySelectorAll('[data-note]').length,
    questions: document.querySelectorAll('[data-note] .ask').length,
    loaded: performance.getEntriesByType('resource').map((e) => e.name),
    scripts: document.querySelectorAll('script').length,
    embedded: document.querySelectorAll('img, iframe, object, embed, link, svg, video, audio, form, input').length,
    notesBeside: firstNotes && firstText ? firstNotes.getBoundingClientRect().left >= firstText.getBoundingClientRect().right : null,
  };
})()`;

let browser: Browser | null = null;

/** One browser for the whole file (launching is the slow part); a fresh tab per page. */
async function withPage<T>(file: string, viewport: { width: number; height: number }, body: (page: Page) => Promise<T>): Promise<T> {
  browser ??= await Browser.launch(chromium!);
  const page = await browser.open(pathToFileURL(file).href, viewport);
  try {
    return await body(page);
  } finally {
    await page.close();
  }
}

describe('HTML report in headless Chromium', () => {
  beforeAll(() => {
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    browser = null;
  });

  for (const sample of SAMPLES) {
    inBrowser(`${sample}: renders cleanly and shows every finding's marker`, async () => {
      const text = readFileSync(join(ROOT, 'samples', sample), 'utf8');
      const { html, findings } = render(text, `samples/${sample}`);
      expect(findings).toBeGreaterThan(0);
      const base = sample.replace(/\.txt$/, '');
      const file = save(`${base}.html`, html);

      await withPage(file, { width: 1280, height: 1800 }, async (page) => {
        const screen = await page.evaluate<MarkerCheck>(CHECK);
        save(`${base}.png`, await page.screenshot());
        expect(page.errors()).toEqual([]);
        expect(page.requests.filter((u) => u !== pathToFileURL(file).href)).toEqual([]);
        expect(screen.loaded).toEqual([]);
        expect(screen.scripts).toBe(0);
        expect(screen.embedded).toBe(0);
        // Every finding has exactly one marker, numbered 1..n, and every marker can be seen.
        expect([...screen.markers].sort((a, b) => a - b)).toEqual(Array.from({ length: findings }, (_, i) => i + 1));
        expect(screen.invisible).toEqual([]);
        expect(screen.notes).toBe(findings);
        expect(screen.questions).toBe(findings);
        // On a wide screen the notes stand beside their paragraph.
        expect(screen.notesBeside).toBe(true);

        await page.emulateMedia('print');
        const print = await page.evaluate<MarkerCheck>(CHECK);
        save(`${base}.print.png`, await page.screenshot());
        expect(print.invisible).toEqual([]);
        expect(print.markers.length).toBe(findings);
        for (const [paper, size] of [['a4', { width: 8.27, height: 11.69 }], ['letter', { width: 8.5, height: 11 }]] as const) {
          const pdf = await page.pdf(size);
          expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          save(`${base}.${paper}.pdf`, pdf);
        }
        expect(page.errors()).toEqual([]);
      });
    }, 60_000);
  }

  inBrowser('article text cannot inject markup or script, even without the page\'s CSP', async () => {
    const hostile = [
      'Thugs <b>stormed</b> the </title><script>window.__pwned = 1; console.error("pwned")</script> hall',
      '',
      'Experts say <img src=x onerror="window.__pwned = 2"> "><svg onload="window.__pwned=3"> it is &amp; was \'fine\'.',
      '',
      '<style>body{display:none}</style> <!-- comment --> <a href="javascript:alert(1)">link</a>',
    ].join('\n');
    const { html, findings } = render(hostile, '<script>alert("name")</script>.txt');
    expect(findings).toBeGreaterThan(0);
    // Prove that escaping alone is enough: drop the policy that would also block scripts.
    const unprotected = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    expect(unprotected).not.toContain('Content-Security-Policy');
    const file = save('injection.html', unprotected);
    await withPage(file, { width: 1000, height: 800 }, async (page) => {
      const result = await page.evaluate<{ pwned: unknown; scripts: number; elements: number; text: string; title: string; visible: boolean }>(`({
        pwned: window.__pwned ?? null,
        scripts: document.querySelectorAll('script').length,
        elements: document.querySelectorAll('article b, article img, article svg, article style, article a[href^="javascript"], body > style ~ style').length,
        text: document.querySelector('[data-article]').textContent,
        title: document.title,
        visible: getComputedStyle(document.body).display !== 'none',
      })`);
      expect(result.pwned).toBeNull();
      expect(result.scripts).toBe(0);
      expect(result.elements).toBe(0);
      expect(result.visible).toBe(true);
      expect(result.text).toContain('</title><script>window.__pwned = 1;');
      expect(result.text).toContain('<img src=x onerror="window.__pwned = 2">');
      expect(result.text).toContain('<style>body{display:none}</style>');
      expect(result.text).toContain('&amp;');
      expect(page.errors()).toEqual([]);
    });
  }, 60_000);

  inBrowser('the worksheet page renders cleanly, every line numbered and visible, and prints', async () => {
    const text = readFileSync(join(ROOT, 'samples', 'state-media.txt'), 'utf8');
    const report = analyze(text, { name: 'samples/state-media.txt', rules });
    const { worksheet } = buildWorksheet(report, buildDocument(report.text).paragraphs);
    const file = save('worksheet.html', renderWorksheetHtml(worksheet));
    await withPage(file, { width: 900, height: 1400 }, async (page) => {
      const check = await page.evaluate<{ lines: number; hidden: number; questions: number; overflow: boolean }>(`({
        lines: document.querySelectorAll('[data-line]').length,
        hidden: [...document.querySelectorAll('[data-line] .no')].filter((e) => e.getBoundingClientRect().width === 0).length,
        questions: document.querySelectorAll('[data-question]').length,
        overflow: document.documentElement.scrollWidth > window.innerWidth,
      })`);
      expect(check.lines).toBe(worksheet.lines.filter((l) => l.n !== null).length);
      expect(check.hidden).toBe(0);
      expect(check.questions).toBe(worksheet.questions.length);
      expect(check.overflow).toBe(false);
      save('worksheet.png', await page.screenshot());
      await page.emulateMedia('print');
      save('worksheet.a4.pdf', await page.pdf({ width: 8.27, height: 11.69 }));
      expect(page.errors()).toEqual([]);
    });
  }, 60_000);

  inBrowser('on a narrow screen the notes come right after their paragraph', async () => {
    const text = readFileSync(join(ROOT, 'samples', SAMPLES[0]), 'utf8');
    const file = save('narrow.html', render(text, SAMPLES[0]).html);
    await withPage(file, { width: 420, height: 800 }, async (page) => {
      const check = await page.evaluate<MarkerCheck>(CHECK);
      expect(check.notesBeside).toBe(false);
      expect(check.invisible).toEqual([]);
      save('narrow.png', await page.screenshot());
    });
  }, 60_000);

});

describe('HTML report as text', () => {
  it('escapes article text and carries a policy that forbids scripts and loads', () => {
    const { html } = render('Head\n\nExperts say <script>alert(1)</script> & "thugs" \u202eevil.', 't.txt');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('\\u202e');
    expect(html).toContain(`content="${CONTENT_SECURITY_POLICY}"`);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'none'/);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//i);
    expect(html).toContain('@page');
    expect(html).toContain('break-inside: avoid');
  });

  it('marks findings inside quotations as the speaker\'s words and always shows the question', () => {
    const text = 'Minister speaks\n\n"These thugs will be punished," the minister said on Monday.';
    const report = analyze(text, { name: 'q.txt', rules });
    const html = renderHtml({ report, paragraphs: buildDocument(report.text).paragraphs }, { explain: false });
    const quoted = report.findings.filter((f) => f.voice === 'quoted');
    expect(quoted.length).toBeGreaterThan(0);
    for (const f of quoted) expect(html).toMatch(new RegExp(`class="marker [^"]*quoted"[^>]*data-finding="${f.n}"`));
    expect(html).toContain('words, not the outlet’s');
    for (const f of report.findings) expect(html).toContain(f.question.replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
  });

  it('is what `slant --format html` prints, one input at a time', () => {
    const r = runCli(['samples/wire-report.txt', '--format', 'html']);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(r.stdout).toContain('data-finding="1"');
    const two = runCli(['samples/wire-report.txt', 'samples/local-news.txt', '--format', 'html']);
    expect(two.status).toBe(2);
    expect(two.stderr.trim().split('\n')).toHaveLength(1);
  });
});
