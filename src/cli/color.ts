/**
 * Decide the colour level once: `--no-color`/`--color` first, then FORCE_COLOR, NO_COLOR and
 * TERM=dumb, and colour only when stdout is a terminal. Pipes never get escape codes.
 */
export function colorLevel(flag: boolean | undefined, env: NodeJS.ProcessEnv, stream: { isTTY?: boolean; hasColors?: (n?: number) => boolean }): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') {
    const n = Number(force);
    return n === 2 || n === 3 ? n : 1;
  }
  if (flag !== true) {
    if (force === '0' || force === 'false') return 0;
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
    if (env.TERM === 'dumb') return 0;
    if (!stream.isTTY) return 0;
  }
  if (stream.hasColors?.(2 ** 24)) return 3;
  if (stream.hasColors?.(256)) return 2;
  return 1;
}
