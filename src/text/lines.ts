import { partitionPoint } from './search.js';

/** One index of line starts, built once, so line/column lookups are O(log n) (peers recompute from 0). */
export interface LineIndex {
  /** 1-based line and column for a UTF-16 offset; columns count code points. */
  position(offset: number): { line: number; column: number };
  readonly count: number;
}

export function lineIndex(text: string, toCodePoint: (i: number) => number = (i) => i): LineIndex {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    count: starts.length,
    position(offset) {
      const lo = Math.max(0, partitionPoint(starts.length, (i) => starts[i] <= offset) - 1);
      return { line: lo + 1, column: toCodePoint(offset) - toCodePoint(starts[lo]) + 1 };
    },
  };
}
