/**
 * The system under test, seen by the evaluation sections: slant's loaded-language findings for
 * a text. Kept apart from the metric and data code so the sections can run with baselines only.
 */
import type { Span } from './metrics.js';

export interface EvalFinding extends Span {
  rule: string;
  kind: string;
  voice: 'outlet' | 'quoted';
  text: string;
}

export interface Analyzer {
  /** loaded-language findings that have a position, in text order */
  findings(text: string): EvalFinding[];
  /**
   * Reporting verbs that take a stance (doubting "claimed", emotive "slammed", endorsing
   * "revealed", culpability "admitted"): attribution findings, not loaded language, but word
   * choice all the same. BABE scores them in a row of their own.
   */
  stanceVerbs(text: string): EvalFinding[];
}

/** Attribution kinds of the reporting-verb classes other than neutral (rules/attribution/reporting-verbs.yaml). */
const STANCE_VERB_KINDS = new Set(['doubting-verb', 'emotive-verb', 'endorsing-verb', 'culpability-verb']);

/** Minimal shape of a finding as analyze() reports it (see src/analyze.ts). */
export interface RawFinding {
  rule: string;
  category: string;
  kind: string;
  start: number | null;
  end: number | null;
  text: string | null;
  voice: 'outlet' | 'quoted';
}

/** Wrap an analysis function; results are cached per text (PTC and BABE texts repeat across tables). */
export function makeAnalyzer(analyse: (text: string) => readonly RawFinding[]): Analyzer {
  const cache = new Map<string, { loaded: EvalFinding[]; verbs: EvalFinding[] }>();
  const split = (text: string) => {
    let out = cache.get(text);
    if (out === undefined) {
      out = { loaded: [], verbs: [] };
      for (const f of analyse(text)) {
        if (f.start === null || f.end === null) continue;
        const list = f.category === 'loaded-language' ? out.loaded : STANCE_VERB_KINDS.has(f.kind) ? out.verbs : null;
        list?.push({ rule: f.rule, kind: f.kind, voice: f.voice, start: f.start, end: f.end, text: f.text ?? '' });
      }
      cache.set(text, out);
    }
    return out;
  };
  return {
    findings: (text) => split(text).loaded,
    stanceVerbs: (text) => split(text).verbs,
  };
}
