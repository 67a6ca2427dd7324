import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The folder that holds slant's package.json. Found by walking up from this module, so it works
 * from the compiled `dist/src/` and from the TypeScript sources under test alike.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'rules'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('slant: cannot find its own package folder');
    dir = up;
  }
  root = dir;
  return dir;
}

export function builtinRulesDir(): string {
  return join(packageRoot(), 'rules');
}
