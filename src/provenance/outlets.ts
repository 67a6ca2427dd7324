import { loadOutletRegistry, type OutletEntry, type OutletRegistry } from '../outlets/registry.js';
import type { OutletFacts, OutletLookup } from './lookup.js';

const AGENCY_NAME = /\b(?:agency|agence|agencia|agentur|press|presse|news service|wire)\b/i;

/** The provenance reader's view of the outlet registry. Every fact comes from the registry's sourced data. */
export function lookupFromRegistry(registry: OutletRegistry): OutletLookup {
  const facts = new Map<OutletEntry, OutletFacts>();
  const toFacts = (e: OutletEntry): OutletFacts => {
    let f = facts.get(e);
    if (!f) {
      const info = e.typology ? registry.typology(e.typology) : undefined;
      const source = e.sources.find((s) => s.fact === 'typology')?.source ?? info?.source ?? null;
      f = {
        key: e.id,
        name: e.name,
        owner: e.owner,
        country: e.country,
        typology: e.typology,
        typologyLabel: info ? `${info.label}${e.typologyUncertain ? ' (marked uncertain by the source)' : ''}` : null,
        typologySource: e.typology ? source : null,
        agency: e.kind === 'wire' || e.kind === 'agency' || [e.name, ...e.aliases].some((n) => AGENCY_NAME.test(n)),
      };
      facts.set(e, f);
    }
    return f;
  };
  return {
    findInText: (text) => registry.findInText(text).map((m) => ({ facts: toFacts(m.entry), start: m.start, end: m.end })),
    byName(name) {
      const e = registry.byName(name);
      return e ? toFacts(e) : null;
    },
    byHost(hostOrUrl) {
      const e = registry.byHost(hostOrUrl);
      return e ? toFacts(e) : null;
    },
  };
}

let cached: OutletLookup | undefined;

/** The default registry (rules/outlets/), loaded once. */
export function defaultOutletLookup(): OutletLookup {
  return (cached ??= lookupFromRegistry(loadOutletRegistry()));
}
