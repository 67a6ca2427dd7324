/**
 * The text of `JSON.stringify(report, null, 2)` (or, for JSON Lines, `JSON.stringify(report)`)
 * as a sequence of pieces whose concatenation is exactly that text. A 10 MiB article's report is
 * about 60 million characters of JSON: built as one string, then flattened and encoded for
 * writing, it held several hundred megabytes at once. Written piece by piece (each a group of
 * findings or quotes, or a slice of the text), only one piece exists at a time.
 */

/** Reports with arrays of at most this many items (and no long string) are written in one piece. */
const ONE_PIECE_ITEMS = 512;
/**
 * Array items per piece of a long report: a piece stays an ordinary small string. A piece of
 * hundreds of items was a string of a megabyte that V8 put in fresh memory of its own and then
 * had to flatten, which cost more than making its JSON.
 */
const ITEMS_PER_CHUNK = 16;
/** Characters per piece of a long string value (the article text). */
const STRING_CHUNK = 1 << 20;

/** How one layout writes an object's top level: pretty (two-space indent) or compact. */
interface Layout {
  key(key: string, first: boolean): string;
  /** Consecutive items of an array, separated, without the separator before the first. */
  items(values: readonly unknown[]): string;
  arrayEnd: string;
  objectEnd: string;
  value(value: unknown): string;
}

const PRETTY: Layout = {
  key: (key, first) => `${first ? '' : ','}\n  ${JSON.stringify(key)}: `,
  items: itemsJson,
  arrayEnd: '\n  ]',
  objectEnd: '\n}',
  value: (value) => indentJson(value, '  '),
};

const COMPACT: Layout = {
  key: (key, first) => `${first ? '' : ','}${JSON.stringify(key)}:`,
  items: (values) => JSON.stringify(values).slice(1, -1),
  arrayEnd: ']',
  objectEnd: '}',
  value: (value) => JSON.stringify(value),
};

/** Pieces of the pretty-printed JSON (two-space indent) of a plain object such as a Report. */
export function reportJsonChunks(report: object): Generator<string> {
  return objectChunks(report, PRETTY);
}

/** Pieces of the one-line JSON of a plain object (`JSON.stringify(report)`), without the newline. */
export function reportJsonLineChunks(report: object): Generator<string> {
  return objectChunks(report, COMPACT);
}

function* objectChunks(report: object, layout: Layout): Generator<string> {
  const entries = Object.entries(report).filter(([, v]) => serialisable(v));
  // A report of ordinary size in one piece: a corpus of small articles pays nothing for pieces.
  if (entries.every(([, v]) => (Array.isArray(v) ? v.length <= ONE_PIECE_ITEMS : typeof v !== 'string' || v.length <= STRING_CHUNK))) {
    yield layout === PRETTY ? JSON.stringify(report, null, 2) : JSON.stringify(report);
    return;
  }
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  yield '{';
  let first = true;
  for (const [key, value] of entries) {
    yield layout.key(key, first);
    first = false;
    if (Array.isArray(value) && value.length > 0) yield* arrayChunks(value, layout);
    else if (typeof value === 'string' && value.length > STRING_CHUNK) yield* stringChunks(value);
    else yield layout.value(value);
  }
  yield layout.objectEnd;
}

function* arrayChunks(items: readonly unknown[], layout: Layout): Generator<string> {
  yield '[';
  // Each piece is one JSON.stringify of its items (which writes null for an item it cannot
  // serialise, as for the whole report), sliced: one string, where a string per item, joined,
  // was three times the output in passing allocations. The separator comes as a piece of its own,
  // as a string joined to it would be copied when written.
  for (let from = 0; from < items.length; from += ITEMS_PER_CHUNK) {
    if (from > 0) yield ',';
    yield layout.items(items.slice(from, from + ITEMS_PER_CHUNK));
  }
  yield layout.arrayEnd;
}

/**
 * A long string's JSON in slices, each escaped on its own (escaping is per character), so the
 * whole escaped text never exists at once. Pieces are also encoded separately when written, so a
 * cut must not fall between the two halves of a surrogate pair (escaped alone, each half would
 * become an escape such as \ud83d).
 */
function* stringChunks(value: string): Generator<string> {
  yield '"';
  for (let from = 0; from < value.length;) {
    let to = Math.min(value.length, from + STRING_CHUNK);
    if (to < value.length && (value.charCodeAt(to - 1) & 0xfc00) === 0xd800) to--;
    yield JSON.stringify(value.slice(from, to)).slice(1, -1);
    from = to;
  }
  yield '"';
}

/**
 * `[[a, b]]` pretty-printed opens and closes with these, around the items as a report's array
 * items are indented (the line break and indent before the first item are kept).
 */
const ITEMS_OPEN = '[\n  ['.length;
const ITEMS_CLOSE = '\n  ]\n]'.length;

/**
 * Array items' pretty JSON, indented for their depth in the report and separated as there:
 * JSON.stringify indents them itself, which costs less than re-indenting lines (see indentJson).
 */
function itemsJson(values: readonly unknown[]): string {
  return JSON.stringify([values], null, 2).slice(ITEMS_OPEN, -ITEMS_CLOSE);
}

function indentJson(value: unknown, indent: string): string {
  const json = JSON.stringify(value, null, 2);
  // Only an object's JSON spans lines: a string's (the article text) has no line break to indent.
  return typeof value === 'object' && value !== null ? json.replace(/\n/g, `\n${indent}`) : json;
}

/** What JSON.stringify keeps as an object property. */
function serialisable(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}
