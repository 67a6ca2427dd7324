import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { analyze } from '../src/analyze.js';
import { UserError } from '../src/input/errors.js';
import { fetchPage } from '../src/input/fetch.js';
import { extractHtml, looksLikeHtml, readMeta } from '../src/input/html.js';
import { readInput } from '../src/input/read.js';

const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'provenance');
const page = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('HTML extraction (fixture pages, written by us)', () => {
  it('detects HTML by extension or content', () => {
    expect(looksLikeHtml('a.html', '')).toBe(true);
    expect(looksLikeHtml('a.txt', '<!DOCTYPE html><html></html>')).toBe(true);
    expect(looksLikeHtml('-', '  <html lang="en"><body></body></html>')).toBe(true);
    expect(looksLikeHtml('a.txt', 'Headline\n\n<b>not a page</b>')).toBe(false);
  });

  it('reads JSON-LD, Open Graph and canonical metadata', () => {
    const meta = readMeta(page('html-full-metadata-local.html'));
    expect(meta.siteName).toBe('The Lakeshore Courier');
    expect(meta.publisher).toBe('The Lakeshore Courier');
    expect(meta.authors).toEqual(['Rosa Delgado']);
    expect(meta.published).toBe('2024-11-23T08:05:00-05:00');
    expect(meta.canonical).toBe('https://www.lakeshorecourier.example/news/2024/11/23/coat-drive-record');
    const graph = readMeta(page('html-jsonld-only-two-authors.html'));
    expect(graph.authors).toEqual(['Aino Virtanen', 'Mikko Järvinen']);
  });

  it('extracts the article as paragraphs, headline first, without nav, cookie banner or comments', () => {
    const { text } = extractHtml(page('html-full-metadata-local.html'));
    const paragraphs = text.trim().split('\n\n');
    expect(paragraphs[0]).toBe('Coat drive collects record 3,100 donations');
    expect(text).toContain('The county\'s annual winter coat drive collected 3,100 coats');
    expect(text).not.toMatch(/Obituaries|We use cookies|lakeside_mom|Privacy policy/);
  });

  it('provenance from metadata: publisher, byline, date, wire named as author', () => {
    const { text, page: meta } = extractHtml(page('html-wire-as-author-ap.html'));
    const p = analyze(text, { page: meta }).provenance;
    expect(p.publisher).toBe('Midland Daily Record');
    expect(p.byline).toBeNull();
    expect(p.date).toBe('2025-03-18');
    expect(p.dateline).toEqual({ place: 'DENVER', credit: 'AP' });
    expect(p.outlets.find((o) => o.name === 'The Associated Press')?.role).toBe('origin');
  });

  it('matches a page to the registry by its host', () => {
    const { text, page: meta } = extractHtml(page('html-state-media-rt.html'));
    const rt = analyze(text, { page: meta }).provenance.outlets.find((o) => o.role === 'publisher');
    expect(rt?.typology).toBe('SC');
    expect(rt?.typologySource).toMatch(/State Media Monitor/);
  });

  it('keeps residue inside the article visible and set aside', () => {
    const { text, page: meta } = extractHtml(page('html-reuters-copy-heavy-residue.html'));
    const report = analyze(text, { page: meta });
    expect(report.provenance.residue.map((r) => r.kind).sort()).toEqual(['advertisement', 'caption', 'related', 'share']);
  });
});

describe('URL fetch from a local server (127.0.0.1 only)', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = req.url ?? '/';
      if (url === '/article') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page('html-full-metadata-local.html'));
      } else if (url === '/moved') {
        res.writeHead(301, { location: '/article' });
        res.end();
      } else if (url.startsWith('/loop')) {
        res.writeHead(302, { location: '/loop' });
        res.end();
      } else if (url === '/big') {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = '<p>' + 'x'.repeat(64 * 1024) + '</p>';
        let sent = 0;
        const push = () => {
          while (sent < 40 && res.write(chunk)) sent++;
          if (sent < 40) res.once('drain', push);
          else res.end();
        };
        push();
      } else if (url === '/slow') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html>');
        setTimeout(() => res.end('</html>'), 3000).unref();
      } else if (url === '/image') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.from([137, 80, 78, 71]));
      } else if (url === '/plain') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Plain headline\n\nBy Jane Doe\n\nA plain text story.');
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const failure = async (promise: Promise<unknown>) => {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const message = (error as UserError).message;
    expect(message).not.toContain('\n');
    return message;
  };

  it('fetches an HTML page and extracts it, keeping the address', async () => {
    const input = await readInput(`${base}/article`);
    expect(input.text.startsWith('Coat drive collects record 3,100 donations')).toBe(true);
    expect(input.page?.url).toBe(`${base}/article`);
    expect(analyze(input.text, { page: input.page }).provenance.byline).toBe('Rosa Delgado');
  });

  it('follows a redirect', async () => {
    const fetched = await fetchPage(`${base}/moved`);
    expect(fetched.url).toBe(`${base}/article`);
    expect(fetched.isHtml).toBe(true);
  });

  it('reads plain text as text', async () => {
    const input = await readInput(`${base}/plain`);
    expect(input.page).toBeUndefined();
    expect(input.text).toContain('A plain text story.');
  });

  it('stops a redirect loop', async () => {
    expect(await failure(fetchPage(`${base}/loop`))).toMatch(/too many redirects \(more than 5\)/);
  });

  it('reports an HTTP error status', async () => {
    expect(await failure(fetchPage(`${base}/missing`))).toMatch(/HTTP 404/);
  });

  it('aborts a page that is too large while streaming', async () => {
    expect(await failure(fetchPage(`${base}/big`, { maxBytes: 1024 * 1024 }))).toMatch(/larger than 1 MiB/);
  });

  it('times out', async () => {
    expect(await failure(fetchPage(`${base}/slow`, { timeoutMs: 300 }))).toMatch(/timed out after 0.3 s/);
  });

  it('refuses content that is not HTML or text', async () => {
    expect(await failure(fetchPage(`${base}/image`))).toMatch(/not an HTML or text page \(content type image\/png\)/);
  });

  it('refuses schemes other than http and https', async () => {
    expect(await failure(readInput('ftp://127.0.0.1/file'))).toMatch(/only http and https/);
  });

  it('says when the connection is refused', async () => {
    // A port that was just free: bind, read the port, close, then connect to it.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    expect(await failure(fetchPage(`http://127.0.0.1:${port}/`))).toMatch(/connection refused/);
  });
});
