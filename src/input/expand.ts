import { join } from 'node:path';
import { fsPromises } from '../builtins.js';
import { UserError } from './errors.js';
import { looksLikeUrl } from './fetch.js';

/** Files slant reads when it walks a folder. */
const TEXT_FILE = /\.(txt|text|md|markdown|html?)$/i;
const GLOB_CHARS = /[*?[\]{}]/;

export interface ExpandOptions {
  recursive: boolean;
}

/**
 * Turn the command line's inputs into the list of things to read, in a stable order: a glob
 * (quoted so the shell did not expand it) becomes its matches, a folder with `--recursive`
 * becomes the text and HTML files below it (skipping node_modules and hidden folders).
 * Anything else stays as given, so readInput can report it precisely.
 */
export async function expandInputs(inputs: string[], options: ExpandOptions): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    if (input === '-' || looksLikeUrl(input)) out.push(input);
    else if (GLOB_CHARS.test(input) && !(await exists(input))) {
      const { glob } = await import('tinyglobby');
      const matches = await glob(input, { onlyFiles: true, dot: false, ignore: ['**/node_modules/**'], expandDirectories: false });
      if (matches.length === 0) throw new UserError(`${input}: no files match this pattern`);
      out.push(...matches.sort());
    } else if (options.recursive && (await isDirectory(input))) {
      const found = await walk(input);
      if (found.length === 0) throw new UserError(`${input}: no .txt, .md or .html files in this folder`);
      out.push(...found);
    } else out.push(input);
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await fsPromises().readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile() && TEXT_FILE.test(entry.name)) out.push(full);
  }
  return out;
}

async function exists(path: string): Promise<boolean> {
  try {
    await fsPromises().stat(path);
    return true;
  } catch {
    return false;
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await fsPromises().stat(path)).isDirectory();
  } catch {
    return false;
  }
}
