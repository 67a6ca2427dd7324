import { MAYBE_FINAL_ABBREVIATIONS, SENTENCE_OPENERS, TITLE_ABBREVIATIONS } from './abbreviations.js';
import type { Span } from './types.js';

const TERMINATORS = new Set(['.', '!', '?', '…']);
/** Marks that may follow the terminator and still belong to the sentence: `."`, `.”`, `?)`. */
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', '¿', '¡']);

/**
 * Split one paragraph (text[start, end)) into sentences in a single left-to-right pass:
 * linear in the input, unlike tokenizers that rescan for every abbreviation.
 */
export function splitSentences(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  let sentenceStart = skipSpace(text, start, end);
  for (let i = sentenceStart; i < end; i++) {
    const ch = text[i];
    if (!TERMINATORS.has(ch)) continue;
    // Run of terminators ("?!", "...") and closing marks.
    let j = i + 1;
    while (j < end && (TERMINATORS.has(text[j]) || CLOSERS.has(text[j]))) j++;
    if (j >= end) break;
    if (!isSpace(text[j])) continue; // "3.5", "U.S.-led", "example.com"
    const next = skipSpace(text, j, end);
    if (next >= end) break;
    if (!startsSentence(text, next)) continue;
    if (ch === '.' && j === i + 1 && !periodEndsSentence(text, sentenceStart, i, next, end)) continue;
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
  const c = text[at];
  if (OPENERS.has(c) || /[\p{Lu}\p{Lt}\p{N}]/u.test(c)) return true;
  // Scripts without case (CJK, Arabic...) start sentences with any letter.
  return /\p{L}/u.test(c) && !/\p{Ll}/u.test(c);
}

/** Decide whether the period at `dot` ends the sentence, given the word before it. */
function periodEndsSentence(text: string, sentenceStart: number, dot: number, next: number, end: number): boolean {
  let w = dot;
  while (w > sentenceStart && /[\p{L}\p{M}.]/u.test(text[w - 1])) w--;
  const word = text.slice(w, dot);
  if (word.length === 0) return true;
  const lower = word.toLowerCase();
  if (lower === 'no' || lower === 'nos') return !/\d/.test(text[next] ?? '');
  if (TITLE_ABBREVIATIONS.has(lower)) return false;
  // A lone initial ("J. Smith"), unless it is a pronoun/letter at the end of a sentence.
  if (/^\p{Lu}$/u.test(word) && word !== 'I') return false;
  if (MAYBE_FINAL_ABBREVIATIONS.has(lower) || /^(\p{L}\.)+\p{L}$/u.test(word)) {
    const following = /^[\p{L}']+/u.exec(text.slice(next, Math.min(end, next + 20)));
    return following !== null && SENTENCE_OPENERS.has(following[0].toLowerCase());
  }
  return true;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\u00a0' || c === '\u2009' || c === '\u202f';
}

function skipSpace(text: string, i: number, end: number): number {
  while (i < end && isSpace(text[i])) i++;
  return i;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isSpace(text[end - 1])) end--;
  return end;
}
