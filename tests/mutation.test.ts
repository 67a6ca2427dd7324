import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, analyzeDocument } from '../src/analyze.js';
import type { PageMeta } from '../src/provenance/read.js';
import { normalizeNewlines } from '../src/input/decode.js';
import { extractHtml } from '../src/input/html.js';
import { renderJsonLine } from '../src/render/json.js';
import { renderTerminal } from '../src/render/terminal.js';
import { RuleError } from '../src/rules/errors.js';
import { loadRuleSet, parsePack } from '../src/rules/load.js';
import { asWebPage } from '../scripts/code-cache.js';
import { ROOT } from './helpers/cli.js';
import { expectOffsetsSlice } from './helpers/schema.js';
import { RAW_CONTROL, TRICKY_PIECES } from './helpers/tricky.js';

/**
 * Real inputs, damaged: the samples, the fixtures and the rule packs with pieces cut out, pasted
 * in, repeated or flooded. Random strings rarely look like an article (a byline, a dateline, a
 * quotation with its speaker); these keep that structure and break it in places.
 */

const rules = loadRuleSet();

function filesIn(dir: string, pattern: RegExp): string[] {
  return readdirSync(join(ROOT, dir)).filter((f) => pattern.test(f)).map((f) => readFileSync(join(ROOT, dir, f), 'utf8'));
}

const samples = filesIn('samples', /\.txt$/);
const articles = [...samples, ...filesIn('tests/fixtures/quotes', /\.txt$/), ...filesIn('tests/fixtures/provenance', /\.txt$/)];
const pages = [...filesIn('tests/fixtures/provenance', /\.html$/), ...samples.map(asWebPage)];
const packs = readdirSync(join(ROOT, 'rules')).flatMap((dir) => {
  try {
    return filesIn(join('rules', dir), /\.ya?ml$/);
  } catch {
    return [];
  }
});

const HTML_PIECES = [
  '<p>', '</p>', '<div class="ad">', '</div>', '<article>', '</article>', '<br>', '<h1>', '</h1>', '<li>', '<table><tr><td>',
  '<script>var x = "</p>";</script>', '<template><p>hidden</p></template>', '<svg><p>x</p></svg>', '<!--', '-->', '<![CDATA[',
  '&amp;', '&#0;', '&#x110000;', '&nbsp;', '<p class="share">Share this</p>', '<meta property="og:site_name" content="RT">',
  '<meta name="author" content="">', '<link rel="canonical" href="javascript:alert(1)">', '<link rel="canonical" href="http://[::1">',
  '<script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"A"},null,3],"publisher":{"name":"Reuters"},"datePublished":"2020-13-45"}</script>',
];

const YAML_PIECES = [
  '\n', '  ', '- ', ': ', '{', '}', '[', ']', '&a', '*a', '<<: *a', '!!js/function', '"', "'", '#', '\t', '~', 'null', '-1', '1e999',
  'regex: "(a+)+$"', 'regex: "["', 'detector: nope', 'detector: regex', 'id: ', 'severity: high', 'words: [a, b]', 'inflect: true',
];

type Edit = { op: 'cut' | 'paste' | 'repeat' | 'upper' | 'flood'; at: number; length: number; piece: number; times: number };

const edit: fc.Arbitrary<Edit> = fc.record({
  op: fc.constantFrom('cut', 'paste', 'repeat', 'upper', 'flood'),
  at: fc.nat(),
  length: fc.nat({ max: 80 }),
  piece: fc.nat(),
  times: fc.integer({ min: 2, max: 300 }),
});

/** Apply edits to a text; positions and pieces wrap around, so any numbers make a valid edit. */
function damage(text: string, edits: readonly Edit[], pieces: readonly string[]): string {
  return edits.reduce((t, { op, at, length, piece, times }) => {
    const i = at % (t.length + 1);
    const j = Math.min(t.length, i + length);
    const p = pieces[piece % pieces.length];
    switch (op) {
      case 'cut': return t.slice(0, i) + t.slice(j);
      case 'paste': return t.slice(0, i) + p + t.slice(i);
      case 'repeat': return t.slice(0, i) + t.slice(i, j).repeat(Math.min(times, 20)) + t.slice(j);
      case 'upper': return t.slice(0, i) + t.slice(i, j).toUpperCase() + t.slice(j);
      case 'flood': return t.slice(0, i) + p.repeat(times) + t.slice(i);
    }
  }, text);
}

const damaged = (sources: readonly string[], pieces: readonly string[]): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...sources), fc.array(edit, { maxLength: 6 })).map(([text, edits]) => damage(text, edits, pieces));

/** The report of `text` keeps the JSON contract, and its terminal report shows no control character raw. */
function expectContractKept(text: string, page?: PageMeta | null): void {
  const { report, paragraphs } = analyzeDocument(text, { rules, page });
  const parsed = JSON.parse(renderJsonLine(report)) as typeof report;
  expectOffsetsSlice(parsed);
  expect(parsed.text).toBe(text);
  const terminal = renderTerminal({ report, paragraphs }, { colorLevel: 1, width: 70, explain: true }).replace(/\u001b\[[0-9;]*m/g, '');
  expect(terminal).not.toMatch(RAW_CONTROL);
}

describe('damaged real inputs', () => {
  it('articles: the report keeps the JSON contract and the terminal gets no control character', () => {
    fc.assert(fc.property(damaged(articles, TRICKY_PIECES), (raw) => {
      expectContractKept(normalizeNewlines(raw));
    }), { numRuns: 120 });
  });

  it('web pages: the extracted article keeps the JSON contract', () => {
    fc.assert(fc.property(damaged(pages, HTML_PIECES), fc.boolean(), (html, withUrl) => {
      const { text, page } = extractHtml(html, withUrl ? 'https://www.example.com/news/1' : null);
      expectContractKept(text, page);
    }), { numRuns: 50 });
  });

  it('rule packs: refused with a file and line, or loaded and run', () => {
    const article = samples[0];
    fc.assert(fc.property(damaged(packs, YAML_PIECES), (source) => {
      let loaded;
      try {
        loaded = parsePack(source, 'damaged.yaml');
      } catch (error) {
        expect(error).toBeInstanceOf(RuleError);
        expect((error as Error).message).toMatch(/^damaged\.yaml:\d+: \S/);
        return;
      }
      if (loaded.length > 0) analyze(article, { rules: { rules: loaded, byId: new Map(loaded.map((r) => [r.id, r])), dirs: [] } });
    }), { numRuns: 300 });
  });
});
