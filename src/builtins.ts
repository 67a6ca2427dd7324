import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * node:fs/promises, loaded on first use: most runs read and write files synchronously, and
 * loading it (with the stream and readline modules it pulls in) cost every run ~1.2 ms.
 */
export const fsPromises = (): typeof import('node:fs/promises') => load('node:fs/promises') as typeof import('node:fs/promises');
