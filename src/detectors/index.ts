import { dateline } from './dateline.js';
import { byline, republication, residue } from './provenance.js';
import { lexicon } from './lexicon.js';
import { documentAttribution } from './document-attribution.js';
import { reportingVerb } from './reporting-verb.js';
import { scareQuotes } from './scare-quotes.js';
import type { Detector } from './types.js';
import { unattributedClaim } from './unattributed-claim.js';
import { weaselHeadline } from './weasel-headline.js';

/** Every detector a rule can name in its `detector` field. */
export const DETECTORS: ReadonlyMap<string, Detector> = new Map(
  [lexicon, scareQuotes, dateline, reportingVerb, unattributedClaim, documentAttribution, weaselHeadline, residue, byline, republication].map((d) => [d.meta.name, d]),
);
