import { dateline } from './dateline.js';
import { lexicon } from './lexicon.js';
import { scareQuotes } from './scare-quotes.js';
import type { Detector } from './types.js';

/** Every detector a rule can name in its `detector` field. */
export const DETECTORS: ReadonlyMap<string, Detector> = new Map(
  [lexicon, scareQuotes, dateline].map((d) => [d.meta.name, d]),
);
