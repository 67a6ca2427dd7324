import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { PageMeta } from '../provenance/read.js';
export { looksLikeHtml } from './sniff.js';
import type { ResidueHint } from '../provenance/residue.js';

/** An article extracted from an HTML page: its text (paragraphs separated by blank lines) and what the page says about itself. */
export interface ExtractedPage {
  text: string;
  page: PageMeta;
}

/** `.html`/`.htm`, or content that starts like an HTML document. */

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'FORM', 'BUTTON', 'INPUT', 'TEXTAREA', 'SELECT', 'SVG', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO', 'IMG', 'PICTURE', 'SOURCE']);
const BLOCK = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'FIGCAPTION', 'BLOCKQUOTE', 'PRE', 'DT', 'DD', 'TD', 'TH', 'CAPTION', 'ADDRESS']);
const CONTAINER = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'FIGURE', 'UL', 'OL', 'DL', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'BODY', 'HGROUP', 'DETAILS', 'SUMMARY', 'CENTER']);
/** Class or id words that mark an element as page furniture rather than prose. */
const FURNITURE_CLASS: ReadonlyArray<readonly [RegExp, ResidueHint['kind']]> = [
  [/(?:^|[\s_-])(?:ad|ads|advert|advertisement|ad-slot|sponsor(?:ed)?)(?:$|[\s_-])/i, 'advertisement'],
  [/(?:^|[\s_-])(?:share|sharing|social)(?:$|[\s_-])/i, 'share'],
  [/(?:^|[\s_-])(?:related|read-?more|also-read|recommended|more-stories)(?:$|[\s_-])/i, 'related'],
  [/(?:^|[\s_-])(?:tags|topics|keywords)(?:$|[\s_-])/i, 'tags'],
  [/(?:^|[\s_-])(?:newsletter|subscribe)(?:$|[\s_-])/i, 'newsletter'],
];

/** The few DOM members used here (the project compiles without the DOM library). */
interface Element {
  tagName: string;
  childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
  children: ArrayLike<Element>;
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): Element | null;
}

interface Block {
  text: string;
  hint: ResidueHint['kind'] | null;
  heading?: boolean;
}

/**
 * Extract the article of an HTML page. Readability (on linkedom) finds the article and its
 * metadata; when the page marks its article (`<article>`, `itemprop=articleBody`, `<main>`), the
 * text is read from that element block by block, so page residue inside it stays visible (and is
 * set aside as residue) instead of disappearing silently. JSON-LD, Open Graph and canonical
 * metadata are kept as provenance.
 */
export function extractHtml(html: string, url: string | null = null): ExtractedPage {
  const meta = readMeta(html);
  let readable: ReturnType<Readability<string>['parse']> = null;
  try {
    const { document } = parseHTML(html);
    readable = new Readability(document as never, { charThreshold: 100 }).parse();
  } catch {
    readable = null;
  }

  const { document } = parseHTML(html);
  const articles = [...document.querySelectorAll('article')] as unknown as Element[];
  const root: Element | null = (articles.length === 1 ? articles[0] : null)
    ?? (document.querySelector('[itemprop="articleBody"]') as unknown as Element | null)
    ?? (articles.length > 1 ? largest(articles) : null)
    ?? (document.querySelector('main') as unknown as Element | null);
  let blocks: Block[] = [];
  if (root) blocks = collectBlocks(root);
  if (blocks.map((b) => b.text).join(' ').length < 200 && readable?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${readable.content}</body></html>`);
    blocks = collectBlocks(content.body as unknown as Element);
  }
  if (blocks.length === 0 && readable?.textContent) {
    blocks = readable.textContent.split(/\n\s*\n/).map((t) => ({ text: t.replace(/\s+/g, ' ').trim(), hint: null })).filter((b) => b.text);
  }

  const title = meta.title ?? readable?.title ?? null;
  if (title && !blocks.slice(0, 3).some((b) => b.heading) && !(blocks[0] && normalize(blocks[0].text) === normalize(title))) {
    const inside = blocks.findIndex((b) => normalize(b.text) === normalize(title));
    if (inside > 0) blocks.unshift(...blocks.splice(inside, 1));
    else blocks.unshift({ text: title.trim(), hint: null });
  }

  let text = '';
  const residueHints: ResidueHint[] = [];
  for (const b of blocks) {
    if (text) text += '\n\n';
    if (b.hint) residueHints.push({ start: text.length, end: text.length + b.text.length, kind: b.hint });
    text += b.text;
  }
  text += '\n';

  const authors = [...meta.authors];
  if (authors.length === 0 && readable?.byline) authors.push(readable.byline.trim());
  const timeEl = root?.querySelector('time[datetime]');
  return {
    text,
    page: {
      url,
      canonical: meta.canonical,
      title,
      siteName: meta.siteName ?? readable?.siteName ?? null,
      publisher: meta.publisher,
      authors,
      published: meta.published ?? readable?.publishedTime ?? null,
      articleTime: timeEl?.getAttribute('datetime') ?? null,
      residueHints,
    },
  };
}

function normalize(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

function largest(elements: Element[]): Element {
  return elements.reduce((a, b) => ((b.textContent ?? '').length > (a.textContent ?? '').length ? b : a));
}

function collapse(s: string): string {
  return s.replace(/[^\S\n]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{2,}/g, '\n').trim();
}

/** Text of an element with `<br>` kept as a line break and other whitespace collapsed. */
function inlineText(el: Element): string {
  let out = '';
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3) out += node.textContent ?? '';
    else if (node.nodeType === 1) {
      const child = node as unknown as Element;
      if (child.tagName === 'BR') out += '\n';
      else if (SKIP.has(child.tagName) && child.tagName !== 'BUTTON') continue;
      else out += inlineText(child);
    }
  }
  return out;
}

function furnitureHint(el: Element, inherited: Block['hint']): Block['hint'] {
  if (el.tagName === 'FIGCAPTION') return 'caption';
  const label = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  for (const [re, kind] of FURNITURE_CLASS) if (re.test(label)) return kind;
  return inherited;
}

function collectBlocks(root: Element, inherited: Block['hint'] = null): Block[] {
  const out: Block[] = [];
  const hasBlockChild = (el: Element) => Array.from(el.children).some((c) => BLOCK.has(c.tagName) || CONTAINER.has(c.tagName));
  const visit = (el: Element, hint: Block['hint']) => {
    if (SKIP.has(el.tagName)) return;
    if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return;
    const h = furnitureHint(el, hint);
    if (BLOCK.has(el.tagName) || !hasBlockChild(el)) {
      const text = collapse(inlineText(el));
      // Furniture hints only for short blocks: a long block is prose whatever its class says.
      if (text) out.push({ text, hint: h && text.length <= 300 ? h : null, heading: el.tagName === 'H1' });
      return;
    }
    // Mixed content: loose text between block children becomes its own block.
    let loose = '';
    const flush = () => {
      const t = collapse(loose);
      if (t) out.push({ text: t, hint: h && t.length <= 300 ? h : null });
      loose = '';
    };
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === 3) loose += node.textContent ?? '';
      else if (node.nodeType === 1) {
        const child = node as unknown as Element;
        if (BLOCK.has(child.tagName) || CONTAINER.has(child.tagName)) {
          flush();
          visit(child, h);
        } else if (child.tagName === 'BR') loose += '\n';
        else if (!SKIP.has(child.tagName)) loose += inlineText(child);
      }
    }
    flush();
  };
  visit(root, inherited);
  return out;
}

interface RawMeta {
  title: string | null;
  siteName: string | null;
  publisher: string | null;
  authors: string[];
  published: string | null;
  canonical: string | null;
}

/** JSON-LD (`@graph` and arrays included), Open Graph, `article:*`, `<meta name=author>`, canonical. */
export function readMeta(html: string): RawMeta {
  const { document } = parseHTML(html);
  const metaContent = (sel: string) => document.querySelector(sel)?.getAttribute('content')?.trim() || null;
  const out: RawMeta = {
    title: metaContent('meta[property="og:title"]'),
    siteName: metaContent('meta[property="og:site_name"]'),
    publisher: null,
    authors: [],
    published: metaContent('meta[property="article:published_time"]') ?? metaContent('meta[itemprop="datePublished"]'),
    canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || metaContent('meta[property="og:url"]'),
  };
  for (const script of [...document.querySelectorAll('script[type="application/ld+json"]')]) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const node of ldNodes(data)) {
      const type = ([] as unknown[]).concat(node['@type'] ?? []).map(String);
      if (!type.some((t) => /Article|BlogPosting|Report|WebPage/i.test(t))) continue;
      if (type.every((t) => /WebPage/i.test(t)) && out.published) continue;
      out.published ??= typeof node.datePublished === 'string' ? node.datePublished : null;
      out.title ??= typeof node.headline === 'string' ? node.headline : null;
      if (out.authors.length === 0) out.authors = names(node.author);
      out.publisher ??= names(node.publisher)[0] ?? null;
    }
  }
  if (out.authors.length === 0) {
    const a = metaContent('meta[name="author"]');
    if (a) out.authors.push(a);
  }
  out.title ??= document.querySelector('title')?.textContent?.trim() || null;
  return out;
}

type LdNode = Record<string, unknown>;

function ldNodes(data: unknown): LdNode[] {
  if (Array.isArray(data)) return data.flatMap(ldNodes);
  if (data && typeof data === 'object') {
    const node = data as LdNode;
    return [node, ...(node['@graph'] ? ldNodes(node['@graph']) : [])];
  }
  return [];
}

function names(value: unknown): string[] {
  return ([] as unknown[]).concat(value ?? []).flatMap((v) => {
    if (typeof v === 'string') return [v.trim()];
    if (v && typeof v === 'object' && typeof (v as LdNode).name === 'string') return [((v as LdNode).name as string).trim()];
    return [];
  }).filter(Boolean);
}
