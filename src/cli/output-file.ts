import { realpathSync, statSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fsPromises, nodeCrypto } from '../builtins.js';
import { UserError } from '../input/errors.js';
import { writeTextSync } from './write-text.js';

/** Inputs that are not files: standard input and URLs. */
const NOT_A_FILE = /^(?:-|https?:\/\/.*)$/i;

interface FileId {
  real: string;
  dev: number;
  ino: number;
}

function identify(path: string): FileId | null {
  try {
    const real = realpathSync(path);
    const info = statSync(real);
    return { real, dev: info.dev, ino: info.ino };
  } catch {
    return null;
  }
}

/**
 * Check `--output FILE` before anything is read or written: the folder must exist, FILE must not
 * be a folder, and it must not be one of the inputs (same real path, or the same file through a
 * hard link). Returns the path to write: the real path when FILE is a symbolic link.
 */
export function checkOutputTarget(output: string, inputs: readonly string[], cwd = process.cwd()): string {
  const abs = resolve(cwd, output);
  let info;
  try {
    info = statSync(abs);
  } catch {
    info = null;
  }
  if (info?.isDirectory()) throw new UserError(`--output ${output}: is a directory (name a file)`);
  if (info && !info.isFile()) throw new UserError(`--output ${output}: is not a regular file`);
  const folder = dirname(abs);
  let folderInfo;
  try {
    folderInfo = statSync(folder);
  } catch {
    throw new UserError(`--output ${output}: folder ${folder} does not exist`);
  }
  if (!folderInfo.isDirectory()) throw new UserError(`--output ${output}: ${folder} is not a folder`);
  const target = info ? realpathSync(abs) : join(realpathSync(folder), basename(abs));
  const targetId = identify(target);
  for (const input of inputs) {
    if (NOT_A_FILE.test(input)) continue;
    const id = identify(resolve(cwd, input));
    if (!id) continue;
    if (id.real === target || (targetId && id.dev === targetId.dev && id.ino === targetId.ino)) {
      throw new UserError(`--output ${output}: refusing to overwrite the input ${input}`);
    }
  }
  return target;
}

/** Write `text` to `path` atomically: a temporary file in the same folder, then a rename over the target. */
export async function writeFileAtomic(path: string, text: string, shown = path): Promise<void> {
  const file = new AtomicFile(path, shown);
  try {
    await file.write(text);
    await file.commit();
  } finally {
    await file.abort();
  }
}

/**
 * An output file written piece by piece into a temporary file in the same folder and renamed over
 * the target by `commit`, so a reader never sees half a report however long it takes to write.
 * The temporary file is created on the first write (or by `commit`); `abort` removes it.
 */
export class AtomicFile {
  private handle: FileHandle | null = null;
  private temp: string | null = null;
  private done = false;

  constructor(private readonly path: string, private readonly shown = path) {}

  /** Write text, or several pieces of text one after the other. */
  async write(texts: string | readonly string[]): Promise<void> {
    if (texts.length === 0) return;
    await this.guard(async () => {
      const handle = await this.open();
      writeTextSync(handle.fd, texts);
    });
  }

  async commit(): Promise<void> {
    await this.guard(async () => {
      const handle = await this.open();
      this.handle = null;
      await handle.close();
      await fsPromises().rename(this.temp!, this.path);
      this.done = true;
    });
  }

  /** Remove the temporary file unless it was committed (safe to call more than once). */
  async abort(): Promise<void> {
    if (this.done || this.temp === null) return;
    this.done = true;
    await this.handle?.close().catch(() => undefined);
    await fsPromises().unlink(this.temp).catch(() => undefined);
  }

  private async open(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    // node:crypto is loaded here, not at start-up: most runs never write a file.
    const { randomBytes } = nodeCrypto();
    let mode = 0o666;
    try {
      mode = (await fsPromises().stat(this.path)).mode & 0o7777;
    } catch {
      // A new file: default permissions (less the umask).
    }
    const temp = join(dirname(this.path), `.${basename(this.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    this.handle = await fsPromises().open(temp, 'wx', mode);
    this.temp = temp;
    return this.handle;
  }

  private async guard(step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (error) {
      await this.abort();
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new UserError(`--output ${this.shown}: cannot write (${code})`);
    }
  }
}
