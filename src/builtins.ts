import { createRequire } from 'node:module';

/**
 * Node's modules that most runs never use, loaded on first use rather than at start-up (an
 * import is loaded when the bundle starts). Node keeps each once loaded.
 */
const load = createRequire(import.meta.url);

/** Most runs read and write files synchronously; loading it (with the stream and readline modules it pulls in) cost every run ~1.2 ms. */
export const fsPromises = (): typeof import('node:fs/promises') => load('node:fs/promises') as typeof import('node:fs/promises');

/** For hashes of edited rule packs and names of temporary files: loading it costs a run ~6 ms. */
export const nodeCrypto = (): typeof import('node:crypto') => load('node:crypto') as typeof import('node:crypto');

/** For V8's flags and heap statistics. */
export const nodeV8 = (): typeof import('node:v8') => load('node:v8') as typeof import('node:v8');
