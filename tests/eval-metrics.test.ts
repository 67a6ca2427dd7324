import { describe, it, expect } from '@jest/globals';
import {
  codePointIndex,
  mergeSpans,
  overlapCredit,
  scoresFromCounts,
  scoresFromCredit,
  sliceCodePoints,
  tokenCounts,
  tokensInSpans,
  wordTokens,
  words,
} from '../scripts/eval/metrics.js';
import { parseWordList } from '../scripts/eval/babe.js';
import { isHeldOut } from '../scripts/eval/ptc.js';

describe('overlap credit (SemEval-2020 Task 11 span scorer)', () => {
  it('gives full credit to an exact match', () => {
    const c = overlapCredit([{ start: 5, end: 10 }], [{ start: 5, end: 10 }]);
    expect(c).toEqual({ precisionCredit: 1, recallCredit: 1, predicted: 1, gold: 1 });
    expect(scoresFromCredit(c)).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('gives partial credit by the share of each span that overlaps', () => {
    // predicted [0,4) and gold [2,10): overlap 2 -> precision 2/4, recall 2/8
    const c = overlapCredit([{ start: 0, end: 4 }], [{ start: 2, end: 10 }]);
    expect(c.precisionCredit).toBeCloseTo(0.5);
    expect(c.recallCredit).toBeCloseTo(0.25);
    const s = scoresFromCredit(c);
    expect(s.precision).toBeCloseTo(0.5);
    expect(s.recall).toBeCloseTo(0.25);
    expect(s.f1).toBeCloseTo((2 * 0.5 * 0.25) / 0.75);
  });

  it('credits one predicted span against several gold spans', () => {
    // predicted [0,10) covers gold [0,2) and [8,10): precision 2/10 + 2/10, recall 1 + 1
    const c = overlapCredit([{ start: 0, end: 10 }], [{ start: 0, end: 2 }, { start: 8, end: 10 }]);
    expect(c.precisionCredit).toBeCloseTo(0.4);
    expect(c.recallCredit).toBeCloseTo(2);
    expect(scoresFromCredit(c).recall).toBeCloseTo(1);
  });

  it('gives nothing to adjacent spans that share no position', () => {
    const c = overlapCredit([{ start: 0, end: 3 }], [{ start: 3, end: 6 }]);
    expect(c.precisionCredit).toBe(0);
    expect(c.recallCredit).toBe(0);
  });

  it('scores empty predictions as zero, not as an error', () => {
    const c = overlapCredit([], [{ start: 0, end: 3 }]);
    expect(c).toEqual({ precisionCredit: 0, recallCredit: 0, predicted: 0, gold: 1 });
    expect(scoresFromCredit(c)).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(scoresFromCredit(overlapCredit([], []))).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('merges overlapping spans before scoring, so a duplicate does not count twice', () => {
    expect(mergeSpans([{ start: 4, end: 8 }, { start: 0, end: 5 }, { start: 8, end: 9 }, { start: 2, end: 2 }])).toEqual([
      { start: 0, end: 8 },
      { start: 8, end: 9 },
    ]);
    const c = overlapCredit([{ start: 0, end: 4 }, { start: 0, end: 4 }], [{ start: 0, end: 4 }]);
    expect(c).toEqual({ precisionCredit: 1, recallCredit: 1, predicted: 1, gold: 1 });
  });
});

describe('word tokens', () => {
  it('lower-cases, keeps inner apostrophes and splits at hyphens and quotes', () => {
    expect(words('The “hard-left” mob don’t care.')).toEqual(['the', 'hard', 'left', 'mob', "don't", 'care']);
  });

  it('gives code-point offsets even after astral characters', () => {
    const text = '😀 radical idea';
    const toks = wordTokens(text);
    expect(toks.map((t) => [t.word, t.start, t.end])).toEqual([
      ['radical', 2, 9],
      ['idea', 10, 14],
    ]);
    expect(sliceCodePoints(text, 2, 9)).toBe('radical');
    expect(codePointIndex('abc')(2)).toBe(2);
  });

  it('takes a token as predicted when it overlaps a flagged span', () => {
    const toks = wordTokens('a truly disastrous plan');
    expect(tokensInSpans(toks, [{ start: 8, end: 18 }]).map((t) => t.word)).toEqual(['disastrous']);
    expect(tokensInSpans(toks, [])).toEqual([]);
  });
});

describe('token-level counts', () => {
  it('compares sets of words per sentence', () => {
    const c = tokenCounts(['radical', 'mob', 'mob', 'the'], ['radical', 'mob', 'illegal']);
    expect(c).toEqual({ tp: 2, fp: 1, fn: 1 });
    const s = scoresFromCounts(c);
    expect(s.precision).toBeCloseTo(2 / 3);
    expect(s.recall).toBeCloseTo(2 / 3);
  });

  it('scores nothing predicted and nothing expected as zero', () => {
    expect(scoresFromCounts(tokenCounts([], []))).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(scoresFromCounts(tokenCounts([], ['mob']))).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('data helpers', () => {
  it('reads the Python list literal of BABE biased_words', () => {
    expect(parseWordList(`['spin', "don't", 'so-called']`)).toEqual(['spin', "don't", 'so-called']);
    expect(parseWordList('[]')).toEqual([]);
  });

  it('holds out PTC ids ending in 0 or 1', () => {
    expect(isHeldOut('111111110')).toBe(true);
    expect(isHeldOut('111111111')).toBe(true);
    expect(isHeldOut('111111112')).toBe(false);
  });
});
