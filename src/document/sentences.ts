import { MAYBE_FINAL_ABBREVIATIONS, SENTENCE_OPENERS, TITLE_ABBREVIATIONS } from './abbreviations.js';
import type { Span } from './types.js';

/** `.`, `!`, `?`, `…`: tested by char code, since the loop below visits every character. */
function isTerminator(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}
/** Marks that may follow the terminator and still belong to the sentence: `."`, `.”`, `?)`. */
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x201d || c === 0x2019 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0xbb;
}
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', '¿', '¡']);

/**
 * Split one paragraph (text[start, end)) into sentences in a single left-to-right pass:
 * linear in the input, unlike tokenizers that rescan for every abbreviation.
 */
export function splitSentences(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let sentenceStart = skipSpace(text, start, end);
  for (let i = sentenceStart; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isTerminator(c)) continue;
    // Run of terminators ("?!", "...") and closing marks.
    let j = i + 1;
    while (j < end && (isTerminator(text.charCodeAt(j)) || isCloser(text.charCodeAt(j)))) j++;
    if (j >= end) break;
    if (!isSpaceCode(text.charCodeAt(j))) continue; // "3.5", "U.S.-led", "example.com"
    const next = skipSpace(text, j, end);
    if (next >= end) break;
    if (!startsSentence(text, next)) continue;
    if (c === 0x2e && j === i + 1 && !periodEndsSentence(text, sentenceStart, i, next, end)) continue;
    spans.push({ start: sentenceStart, end: trimEnd(text, sentenceStart, j) });
    sentenceStart = next;
    i = next - 1;
  }
  if (sentenceStart < end) {
    const last = trimEnd(text, sentenceStart, end);
    if (last > sentenceStart) spans.push({ start: sentenceStart, end: last });
  }
  return spans;
}

function startsSentence(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  // ASCII: a capital, a digit or an opening mark (the tests below give the same answers).
  if (code < 0x80) return (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x22 || code === 0x27 || code === 0x28 || code === 0x5b;
  const c = text[at];
  if (OPENERS.has(c) || /[\p{Lu}\p{Lt}\p{N}]/u.test(c)) return true;
  // Scripts without case (CJK, Arabic...) start sentences with any letter.
  return /\p{L}/u.test(c) && !/\p{Ll}/u.test(c);
}

/** Decide whether the period at `dot` ends the sentence, given the word before it. */
function periodEndsSentence(text: string, sentenceStart: number, dot: number, next: number, end: number): boolean {
  let w = dot;
  while (w > sentenceStart && isWordOrDot(text, w - 1)) w--;
  const word = text.slice(w, dot);
  if (word.length === 0) return true;
  const lower = word.toLowerCase();
  if (lower === 'no' || lower === 'nos') return !/\d/.test(text[next] ?? '');
  if (TITLE_ABBREVIATIONS.has(lower)) return false;
  // A lone initial ("J. Smith"), unless it is a pronoun/letter at the end of a sentence.
  // (The length and the period are checked first: one letter is one or two code units, "U.S" has a period.)
  if (word.length <= 2 && /^\p{Lu}$/u.test(word) && word !== 'I') return false;
  if (MAYBE_FINAL_ABBREVIATIONS.has(lower) || (word.includes('.') && /^(\p{L}\.)+\p{L}$/u.test(word))) {
    const following = /^[\p{L}']+/u.exec(text.slice(next, Math.min(end, next + 20)));
    return following !== null && SENTENCE_OPENERS.has(following[0].toLowerCase());
  }
  return true;
}

/** A letter, a combining mark or a period (`/[\p{L}\p{M}.]/u`), ASCII tested by code: asked for each letter before every period. */
function isWordOrDot(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c === 0x2e;
  return /[\p{L}\p{M}.]/u.test(text[i]);
}

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

function skipSpace(text: string, i: number, end: number): number {
  while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return end;
}
