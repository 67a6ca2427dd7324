/**
 * The text of `JSON.stringify(value, null, 2)` for a report, as a sequence of pieces whose
 * concatenation is exactly that text. A 10 MiB article's report is about 60 million characters
 * of JSON: built as one string, then flattened and encoded for writing, it held several hundred
 * megabytes at once. Written piece by piece (each a group of findings or quotes, or a slice of
 * the text), only one piece exists at a time.
 */

/** Array items per piece. */
const ITEMS_PER_CHUNK = 512;
/** Characters per piece of a long string value (the article text). */
const STRING_CHUNK = 1 << 20;

/** Pieces of the pretty-printed JSON (two-space indent) of a plain object such as a Report. */
export function* reportJsonChunks(report: object): Generator<string> {
  const entries = Object.entries(report).filter(([, v]) => serialisable(v));
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, value] of entries) {
    yield `${first ? '' : ','}\n  ${JSON.stringify(key)}: `;
    first = false;
    if (Array.isArray(value) && value.length > 0) yield* arrayChunks(value);
    else if (typeof value === 'string' && value.length > STRING_CHUNK) yield* stringChunks(value);
    else yield indentJson(value, '  ');
  }
  yield '\n}';
}

function* arrayChunks(items: readonly unknown[]): Generator<string> {
  yield '[';
  for (let from = 0; from < items.length; from += ITEMS_PER_CHUNK) {
    let piece = '';
    for (let i = from; i < Math.min(items.length, from + ITEMS_PER_CHUNK); i++) {
      // JSON.stringify writes null for an array item it cannot serialise.
      piece += `${i === 0 ? '' : ','}\n    ${serialisable(items[i]) ? indentJson(items[i], '    ') : 'null'}`;
    }
    yield piece;
  }
  yield '\n  ]';
}

/**
 * A long string's JSON in slices. Pieces are encoded separately when written, so a cut must not
 * fall between the two halves of a surrogate pair (JSON.stringify escapes lone ones, so every
 * surrogate in its output belongs to a pair); a cut inside an ASCII escape ("\\n") is harmless.
 */
function* stringChunks(value: string): Generator<string> {
  const json = JSON.stringify(value);
  for (let from = 0; from < json.length;) {
    let to = Math.min(json.length, from + STRING_CHUNK);
    if ((json.charCodeAt(to - 1) & 0xfc00) === 0xd800) to--;
    yield json.slice(from, to);
    from = to;
  }
}

function indentJson(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);
}

/** What JSON.stringify keeps as an object property. */
function serialisable(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}
