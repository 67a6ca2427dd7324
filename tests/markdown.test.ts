import { describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/analyze.js';
import { buildDocument } from '../src/document/build.js';
import { escapeMarkdown, marker, renderMarkdown, stripControls } from '../src/render/markdown.js';
import { ROOT, runCli } from './helpers/cli.js';

// Tests here start the CLI, some several times: allow for a loaded machine.
jest.setTimeout(60_000);

/**
 * A real CommonMark + GFM parser (micromark/mdast, present as dev tooling under `alex`) checks
 * that what we escape stays text. Loaded through a variable so the type-check does not depend on it.
 */
interface MdNode { type: string; value?: string; url?: string; depth?: number; children?: MdNode[] }
type Parse = (markdown: string) => MdNode;
async function loadParser(): Promise<Parse | null> {
  try {
    const names = ['mdast-util-from-markdown', 'micromark-extension-gfm', 'mdast-util-gfm'];
    // One at a time: concurrent dynamic imports race in jest's ESM loader.
    const loaded: Array<Record<string, any>> = [];
    for (const name of names) loaded.push(await import(name) as Record<string, any>);
    const [from, ext, util] = loaded;
    return (markdown) => from.fromMarkdown(markdown, { extensions: [ext.gfm()], mdastExtensions: [util.gfmFromMarkdown()] }) as MdNode;
  } catch {
    return null;
  }
}
const parse = await loadParser();
const withParser = parse ? describe : describe.skip;

function walk(node: MdNode, visit: (n: MdNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}
function textOf(node: MdNode): string {
  return node.value ?? (node.children ?? []).map(textOf).join('');
}
/** A link GFM made from a bare URL or e-mail address: its text is its destination, nothing hidden. */
function expectVisibleLink(n: MdNode): void {
  expect(n.children?.every((c) => c.type === 'text')).toBe(true);
  expect((n.url ?? '').endsWith(textOf(n).replace(/^mailto:/, ''))).toBe(true);
}
function types(node: MdNode): Set<string> {
  const out = new Set<string>();
  walk(node, (n) => out.add(n.type));
  return out;
}

const render = (text: string, name = 'test.txt') =>
  renderMarkdown({ report: analyze(text, { name }), paragraphs: buildDocument(text).paragraphs });

const HOSTILE = [
  'Breaking: [click here](javascript:alert(1)) and ![pixel](https://evil.example/p.png)',
  '<script>alert(1)</script> <img src=x onerror=alert(1)> <a href="https://evil.example">x</a>',
  '# Not a heading',
  '> not a quote',
  '- not a list',
  '1. not a list either',
  '+ nor this',
  '---',
  '===',
  '    indented, not code',
  '```js\nnot a fence\n```',
  '| a | b |\n| --- | --- |\n| c | d |',
  '*not emphasis* _nor this_ **nor bold** ~~nor struck~~ `nor code`',
  'money $5 and $x^2$ math, &amp; &#60; entities',
  '[^1] and [ref]: https://evil.example "title"',
  'Contact @someone about #123 and back\\slash\\',
  'Control \u0007bell \u001b[31mred\u001b[0m and bidi \u202eevil\u202c text \u200bzero-width',
  '<https://evil.example> autolink, https://bare.example/path?q=1, www.example.com and mail me@example.com',
];

withParser('escapeMarkdown keeps untrusted text as text', () => {
  it.each(HOSTILE)('%j', (hostile) => {
    const tree = parse!(escapeMarkdown(hostile));
    const allowed = new Set(['root', 'paragraph', 'text', 'link']);
    expect([...types(tree)].filter((t) => !allowed.has(t))).toEqual([]);
    walk(tree, (n) => {
      if (n.type === 'link') expectVisibleLink(n);
    });
    const expected = stripControls(hostile).replace(/\s*\n\s*/g, ' ').trim();
    if (!types(tree).has('link')) expect(textOf(tree)).toBe(expected);
  });

  it('holds for arbitrary strings of Markdown punctuation, letters and white space', () => {
    const alphabet = [...'\\`*_{}[]()<>#+-.!|~&$@:;"\'=^%/?', 'a', 'b', '1', ' ', '\n', '\t', 'www.', 'http://', 'x@y.z'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((a) => a.join('')), (s) => {
      const tree = parse!(escapeMarkdown(s));
      const bad = [...types(tree)].filter((t) => !['root', 'paragraph', 'text', 'link'].includes(t));
      expect(bad).toEqual([]);
      walk(tree, (n) => {
        if (n.type === 'link') expectVisibleLink(n);
      });
      // Everything comes back as written (white space folded), unless GFM turned an address into
      // a link, which keeps its characters raw.
      if (!types(tree).has('link')) expect(textOf(tree)).toBe(s.replace(/\s*\n\s*/g, ' ').replace(/\t/g, ' ').trim());
    }), { numRuns: 500 });
  });
});

describe('escapeMarkdown and stripControls', () => {
  it('strips control characters, escape sequences, bidi and zero-width characters', () => {
    expect(stripControls('a\u0007b\u001bc\u202ed\u200be\u0085f\ufeffg')).toBe('abcdefg');
    expect(escapeMarkdown('The \u001b[31mthugs')).toBe('The \\[31mthugs');
  });

  it('leaves ordinary prose readable', () => {
    expect(escapeMarkdown('The minister said: "We will win." (Reuters) 3.5% — done.')).toBe('The minister said: "We will win." (Reuters) 3.5% — done.');
  });

  it('writes markers as raised numbers', () => {
    expect(marker(3)).toBe('⁽³⁾');
    expect(marker(120)).toBe('⁽¹²⁰⁾');
  });
});

describe('renderMarkdown', () => {
  const sample = 'samples/state-media.txt';
  const text = readFileSync(join(ROOT, sample), 'utf8');
  const report = analyze(text, { name: sample });
  const md = renderMarkdown({ report, paragraphs: buildDocument(text).paragraphs });

  it('has a title, the source, provenance facts, the article and a summary table', () => {
    expect(md.startsWith(`# ${report.source.title}`)).toBe(true);
    expect(md).toContain(`**Source:** samples/state-media.txt · ${report.summary.words.toLocaleString('en')} words · ${report.summary.findings} flags`);
    expect(md).toContain('## Where it comes from');
    expect(md).toContain('**Dateline:**');
    expect(md).toContain('## The article');
    expect(md).toContain('## Summary');
    expect(md).toMatch(/\| Loaded language \| \d+ \| \d+\.\d \|/);
  });

  it('marks every located finding in the text and lists it with message, suggestion and question', () => {
    for (const f of report.findings) {
      expect(md).toContain(`- ${marker(f.n)} **`);
      if (f.start === null) continue;
      expect(md.split(marker(f.n)).length).toBeGreaterThanOrEqual(3); // in the text and in the list
    }
    // "foreign-backed thugs": the label covers its modifiers; data.word keeps the word itself.
    const thugs = report.findings.find((f) => f.data['word'] === 'thugs' || f.text?.toLowerCase() === 'thugs')!;
    expect(md).toContain(`**${thugs.text}**${marker(thugs.n)}`);
    expect(md).toContain(`*Try:* ${escapeMarkdown(thugs.suggestion!)}`);
    expect(md).toContain(`*Ask:* ${escapeMarkdown(thugs.question)}`);
  });

  it('lists each paragraph\'s findings right after the paragraph', () => {
    const lines = md.split('\n');
    const at = lines.findIndex((l) => l.startsWith('> ') && l.includes('thugs'));
    const next = lines.slice(at + 1).find((l) => l.trim() !== '');
    expect(next).toMatch(/^- ⁽[⁰¹²³⁴-⁹]+⁾ \*\*/u);
  });

  it('names who is heard when there are voices', () => {
    if (report.voices.length > 0) expect(md).toContain('| Voice | Kind | Quotations | Paraphrases | Reporting verbs |');
  });

  it('never emits control characters', () => {
    const hostile = render('Head\u0007line\n\nThe \u001b[31mthugs\u001b[0m \u202eclaimed\u202c victory.');
    expect(hostile).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('renders an empty text without failing', () => {
    const out = render('');
    expect(out).toContain('## Summary');
  });
});

withParser('renderMarkdown parses as intended', () => {
  it('gives headings, bold spans, lists and tables for a sample, and no HTML', () => {
    const text = readFileSync(join(ROOT, 'samples/state-media.txt'), 'utf8');
    const tree = parse!(render(text, 'samples/state-media.txt'));
    const found = types(tree);
    for (const t of ['heading', 'blockquote', 'strong', 'list', 'table']) expect(found.has(t)).toBe(true);
    expect(found.has('html')).toBe(false);
  });

  it('keeps a hostile article inert: no HTML, images, definitions, footnotes or hidden links', () => {
    const tree = parse!(render(`${HOSTILE.join('\n\n')}\n\nThe thugs came.`));
    const found = types(tree);
    for (const t of ['html', 'image', 'definition', 'footnoteReference', 'footnoteDefinition', 'code', 'inlineCode', 'delete', 'thematicBreak']) {
      expect(found.has(t)).toBe(false);
    }
    walk(tree, (n) => {
      if (n.type === 'link') expect(n.url).not.toMatch(/^javascript:/i);
    });
    walk(tree, (n) => {
      if (n.type === 'link') expectVisibleLink(n);
    });
    // The only headings are ours: the title and the section names.
    const headings: string[] = [];
    walk(tree, (n) => { if (n.type === 'heading') headings.push(textOf(n)); });
    expect(headings.filter((h) => !['Where it comes from', 'The article', 'About the whole article', 'Who is heard', 'Summary'].includes(h))).toHaveLength(1);
  });
});

describe('slant --format markdown', () => {
  const samples = readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.txt')).map((f) => `samples/${f}`);

  it('prints one report per input, separated by a rule, in input order', () => {
    const r = runCli([samples[0], samples[1], '--format', 'markdown']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const parts = r.stdout.split('\n---\n\n');
    expect(parts).toHaveLength(2);
    expect(parts[0]).toContain(`**Source:** ${escapeMarkdown(samples[0])}`);
    expect(parts[1]).toContain(`**Source:** ${escapeMarkdown(samples[1])}`);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });
});
