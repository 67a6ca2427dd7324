/**
 * Binary search over positions 0..n-1 where `before` holds for a prefix and fails for the rest:
 * returns the length of that prefix. Every sorted lookup in slant (offset to token, sentence,
 * line, code point, paragraph) is one call of this.
 */
export function partitionPoint(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
