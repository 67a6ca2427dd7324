/**
 * A count with commas between groups of three digits ("1,042"), as `toLocaleString('en')`
 * writes it. That call builds ICU's number formatter first, which cost a run ~7 ms.
 */
export function groupDigits(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = (end > 3 ? ',' : '') + digits.slice(Math.max(0, end - 3), end) + out;
  return n < 0 ? `-${out}` : out;
}
