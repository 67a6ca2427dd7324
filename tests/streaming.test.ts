import { describe, expect, it } from '@jest/globals';
import { inOrder } from '../src/cli/pool.js';
import type { Job, JobResult } from '../src/cli/job.js';
import { Sink } from '../src/cli/sink.js';
import { LinePieces, paragraphFindings, type Located } from '../src/render/pieces.js';
import type { ReportFinding } from '../src/report/types.js';

describe('LinePieces', () => {
  const lines = Array.from({ length: 300 }, (_, i) => `line ${i}`.repeat(i % 7));

  it.each([true, false])('pieces join to the lines (terminated: %s)', (terminated) => {
    const out = new LinePieces(terminated, 100);
    const pieces: string[] = [];
    for (const line of lines) {
      out.push(line);
      const piece = out.take();
      if (piece !== null) pieces.push(piece);
    }
    pieces.push(out.take(true)!);
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(lines.join('\n') + (terminated ? '\n' : ''));
  });
});

describe('paragraphFindings', () => {
  const at = (start: number, end: number, n: number): Located => ({ f: { n } as ReportFinding, start, end });
  const paragraphs = [{ start: 0, end: 10 }, { start: 12, end: 20 }, { start: 20, end: 30 }];
  const filter = (located: Located[]) => paragraphs.map((p) => located.filter((l) => l.start >= p.start && l.start < p.end));

  it('groups like a filter per paragraph, for sorted and unsorted findings', () => {
    const sorted = [at(0, 3, 1), at(2, 4, 2), at(2, 3, 3), at(10, 11, 4), at(12, 25, 5), at(19, 20, 6), at(20, 21, 7), at(31, 33, 8)];
    const unsorted = [sorted[4], sorted[0], sorted[7], sorted[2], sorted[6], sorted[1]];
    for (const located of [sorted, unsorted, []]) {
      const group = paragraphFindings(located);
      expect(paragraphs.map(group)).toEqual(filter(located));
    }
  });
});

describe('Sink', () => {
  it('sends pieces in order, in writes of bounded size, waiting for each', async () => {
    const sent: string[] = [];
    let inFlight = 0;
    const sink = new Sink(async (texts) => {
      expect(inFlight).toBe(0);
      inFlight++;
      await new Promise((resolve) => setImmediate(resolve));
      sent.push(texts.join(''));
      inFlight--;
    }, 10);
    const pieces = Array.from({ length: 50 }, (_, i) => 'x'.repeat(i % 5) + String(i));
    await sink.writeAll(pieces);
    await sink.flush();
    expect(sent.join('')).toBe(pieces.join(''));
    // A write holds what gathered up to the limit, plus at most the piece that crossed it.
    for (const text of sent) expect(text.length).toBeLessThan(10 + 6);
    expect(sink.wrote).toBe(true);
  });
});

describe('inOrder (--jobs N)', () => {
  it('keeps input order and never reads more than `limit` jobs ahead of a slow writer', async () => {
    const limit = 8;
    let read = 0;
    let written = 0;
    let maxAhead = 0;
    async function* jobs(): AsyncGenerator<Job | { error: string }> {
      for (let i = 0; i < 200; i++) {
        read++;
        maxAhead = Math.max(maxAhead, read - written);
        yield i === 50 ? { error: 'bad line' } : { kind: 'text', name: String(i), text: '' };
      }
    }
    // Jobs finish out of order; the writer is slow.
    const run = (job: Job): Promise<JobResult> => new Promise((resolve) => {
      const n = job.kind === 'text' ? Number(job.name) : 0;
      setTimeout(() => resolve({ output: [String(n)], failed: false, error: null }), n % 3);
    });
    const order: string[] = [];
    await inOrder(jobs(), run, limit, async (result) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      order.push(result.error ?? [...result.output].join(''));
      written++;
    });
    expect(order).toEqual(Array.from({ length: 200 }, (_, i) => (i === 50 ? 'bad line' : String(i))));
    expect(maxAhead).toBeLessThanOrEqual(limit);
  });

  it('hands each result its output whole, and keeps none of it once written', async () => {
    const results: JobResult[] = [];
    const seen: string[] = [];
    async function* jobs(): AsyncGenerator<Job | { error: string }> {
      for (let i = 0; i < 20; i++) yield { kind: 'text', name: String(i), text: '' };
    }
    const run = (job: Job): Promise<JobResult> => {
      const result: JobResult = { output: [`report ${job.kind === 'text' ? job.name : ''}`], failed: false, error: null };
      results.push(result);
      return Promise.resolve(result);
    };
    await inOrder(jobs(), run, 4, async (result) => {
      seen.push([...result.output].join(''));
    });
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => `report ${i}`));
    // The promises that carried the results may live on (in V8's old generation); their outputs must not.
    for (const result of results) expect([...result.output]).toEqual([]);
  });
});
