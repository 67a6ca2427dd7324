import { createReadStream } from 'node:fs';
import { STDIN_NAME } from './read.js';
import { normalizeNewlines } from './decode.js';

/** One document of a JSON Lines corpus: `{"id": ..., "text": ...}` on one line. */
export interface CorpusItem {
  name: string;
  text: string;
}

export type CorpusLine = { ok: true; item: CorpusItem } | { ok: false; error: string };

/**
 * Read a JSON Lines corpus as a stream, one item at a time, so a corpus of any size runs in
 * bounded memory. A line that is not `{"id", "text"}` yields an error naming its line number
 * and the rest goes on.
 */
export async function* readCorpus(source: string | AsyncIterable<Uint8Array | string>, label: string): AsyncGenerator<CorpusLine> {
  const stream = typeof source === 'string' ? createReadStream(source) : source;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  // The start of a line not yet ended, in pieces: a long line costs one join, not a copy per chunk.
  let head: string[] = [];
  let lineNumber = 0;
  const parse = (line: string): CorpusLine | null => {
    lineNumber++;
    if (line.trim() === '') return null;
    return parseCorpusLine(line, `${label}:${lineNumber}`);
  };
  for await (const chunk of stream) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      head.push(text.slice(from, nl));
      const line = head.length === 1 ? head[0] : head.join('');
      head = [];
      from = nl + 1;
      const parsed = parse(line);
      if (parsed) yield parsed;
    }
    if (from < text.length) head.push(text.slice(from));
  }
  head.push(decoder.decode());
  const last = parse(head.join(''));
  if (last) yield last;
}

export function parseCorpusLine(line: string, where: string): CorpusLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, error: `${where}: not valid JSON` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: `${where}: expected an object like {"id": ..., "text": ...}` };
  const { id, text } = value as { id?: unknown; text?: unknown };
  if (typeof text !== 'string') return { ok: false, error: `${where}: "text" must be a string` };
  if (text.includes('\u0000')) return { ok: false, error: `${where}: "text" contains NUL characters` };
  const name = typeof id === 'string' || typeof id === 'number' ? String(id) : where;
  return { ok: true, item: { name, text: normalizeNewlines(text) } };
}

export function isCorpusPath(path: string): boolean {
  return /\.jsonl$/i.test(path);
}

export { STDIN_NAME };
