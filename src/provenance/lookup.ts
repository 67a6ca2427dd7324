/** What the provenance reader needs from the outlet registry (see ../outlets/registry.ts and ./outlets.ts). */
export interface OutletFacts {
  /** Identity: two facts with the same key are the same outlet. */
  key: string;
  name: string;
  owner: string | null;
  country: string | null;
  typology: string | null;
  typologyLabel: string | null;
  typologySource: string | null;
  /** A news agency (wire service): its copyright line marks the copy as its own, not the site's. */
  agency: boolean;
}

export interface OutletMention {
  facts: OutletFacts;
  start: number;
  end: number;
}

export interface OutletLookup {
  /** Outlet names and aliases matched as phrases in a text (offsets into that text). */
  findInText(text: string): OutletMention[];
  /** An outlet whose name or alias is exactly this string (case and a leading "The" aside). */
  byName(name: string): OutletFacts | null;
  /** An outlet by URL or host: exact host first, then registrable domain. */
  byHost(hostOrUrl: string): OutletFacts | null;
}

/** An outlet the registry does not know: named as written, with no facts. */
export function unknownOutlet(name: string): OutletFacts {
  return {
    key: `unknown:${name.toLowerCase().replace(/^the\s+/, '')}`,
    name, owner: null, country: null, typology: null, typologyLabel: null, typologySource: null,
    agency: /\b(?:agency|press|wire|news service)\b/i.test(name),
  };
}

/** A lookup that knows nothing (used when the registry cannot be loaded). */
export const EMPTY_LOOKUP: OutletLookup = { findInText: () => [], byName: () => null, byHost: () => null };
