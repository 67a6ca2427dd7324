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
}

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
  const cache = new Map<string, EvalFinding[]>();
  return {
    findings(text: string): EvalFinding[] {
      let out = cache.get(text);
      if (out === undefined) {
        out = [];
        for (const f of analyse(text)) {
          if (f.category !== 'loaded-language' || f.start === null || f.end === null) continue;
          out.push({ rule: f.rule, kind: f.kind, voice: f.voice, start: f.start, end: f.end, text: f.text ?? '' });
        }
        cache.set(text, out);
      }
      return out;
    },
  };
}
