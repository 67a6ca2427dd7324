import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDocument } from '../src/document/build.js';
import { decodeText, PieceDecoder, utf8Boundary } from '../src/input/decode.js';
import { readInput } from '../src/input/read.js';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s % n;
  };
}

const PARTS = ['word ', 'é', '—', '😀', '中文', '\r\n', '\n\n', '\r', '“q,” she said. ', '\ufeff'].map((p) => Buffer.from(p));

function sampleBytes(rnd: (n: number) => number, size: number): Buffer {
  const chunks: Buffer[] = rnd(3) === 0 ? [Buffer.from([0xef, 0xbb, 0xbf])] : [];
  for (let n = 0; n < size;) {
    const part = PARTS[rnd(PARTS.length)];
    chunks.push(part);
    n += part.length;
  }
  const bytes = Buffer.concat(chunks);
  switch (rnd(5)) {
    case 0: bytes[rnd(bytes.length)] = 0xff; break; // invalid byte
    case 1: bytes[rnd(bytes.length)] = 0x00; break; // NUL
    case 2: return bytes.subarray(0, bytes.length - 1); // perhaps an unfinished character at the end
    default: break;
  }
  return bytes;
}

/** decodeText's text, or its error message. */
function outcome(decode: () => string): string {
  try {
    return `text:${decode()}`;
  } catch (error) {
    return `error:${(error as Error).message}`;
  }
}

describe('decoding in pieces', () => {
  it('gives decodeText\'s text or error for the same bytes cut anywhere', () => {
    const rnd = random(1);
    for (let round = 0; round < 300; round++) {
      const bytes = sampleBytes(rnd, 20 + rnd(400));
      const decoder = new PieceDecoder('x.txt');
      let carried = Buffer.alloc(0);
      for (let at = 0; at < bytes.length;) {
        const take = 1 + rnd(40);
        const piece = Buffer.concat([carried, bytes.subarray(at, at + take)]);
        at += take;
        const end = utf8Boundary(piece, piece.length);
        expect(piece.length - end).toBeLessThanOrEqual(3);
        decoder.push(piece.subarray(0, end));
        carried = Buffer.from(piece.subarray(end));
      }
      decoder.push(carried);
      expect(outcome(() => decoder.finish())).toBe(outcome(() => decodeText(bytes, 'x.txt')));
    }
  });

  it('reads a file over 64 KiB in pieces to the same text, or error, as decodeText', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slant-large-'));
    const rnd = random(2);
    for (let round = 0; round < 6; round++) {
      const path = join(dir, `a${round}.txt`);
      // Over 64 KiB, so the file is read in pieces; a 4-byte character straddles the first cut.
      const bytes = Buffer.concat([Buffer.from('x'.repeat(65534)), Buffer.from('😀'), sampleBytes(rnd, 70000)]);
      writeFileSync(path, bytes);
      const read = await readInput(path).then((input) => `text:${input.text}`, (error: Error) => `error:${error.message}`);
      expect(read).toBe(outcome(() => decodeText(readFileSync(path), path)));
    }
  });
});

describe('token columns', () => {
  /** Every token's fields agree with the text and the sentences they were built from. */
  function expectConsistent(text: string): void {
    const doc = buildDocument(text);
    const { tokens, sentences } = doc;
    expect(tokens.length).toBeGreaterThan(0);
    for (let s = 0; s < sentences.length; s++) {
      for (let i = sentences[s].firstToken; i < sentences[s].endToken; i++) {
        expect(tokens.sentence(i)).toBe(s);
        expect(text.slice(tokens.start(i), tokens.end(i))).toBe(tokens.text(i));
        if (i > 0) expect(tokens.start(i)).toBeGreaterThan(tokens.start(i - 1));
      }
    }
  }

  it('hold offsets across a long stretch without words', () => {
    expectConsistent(`${'Some words here. '.repeat(200)}${'='.repeat(70000)} and more words. ${'—'.repeat(140000)} end.`);
  });

  it('hold sentence indices across many sentences without words', () => {
    expectConsistent(`${'Words in a sentence. '.repeat(100)}${'!\n'.repeat(700)}${'and more words follow. '.repeat(100)}${'(.) '.repeat(300)}tail.`);
  });

  it('hold more than 65,536 distinct word forms', () => {
    const words = Array.from({ length: 70000 }, (_, i) => `w${i.toString(36)}${i % 17 === 0 ? '.' : ''}`);
    const doc = buildDocument(words.join(' '));
    expect(doc.tokens.formCount).toBe(70000);
    for (const i of [0, 65535, 65536, 69999]) expect(doc.tokens.text(i)).toBe(words[i].replace(/\.$/, ''));
    expect(doc.tokens.form(69999)).toBe(69999);
  });
});
