/**
 * Word-list baselines, read from ../shared/reference/lexicons (never copied into the repository).
 *
 * - `bias-lexicon`: Recasens et al. (2013) bias lexicon, one lemma a line: every text token equal
 *   to an entry is predicted (no inflection; the list already holds common forms).
 * - `strong-subjective`: the strong subjective words of Riloff & Wiebe (2003), one word a line.
 *
 * Tokens are the metric's word tokens (see metrics.ts): a hyphenated list entry ("anti-US")
 * therefore never matches; that affects 7 of 4,747 subjective entries and none of the bias lexicon.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseWord, wordTokens, type Span } from './metrics.js';

export interface Baseline {
  name: string;
  predict(text: string): Span[];
}

function readList(path: string): Set<string> {
  const out = new Set<string>();
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const w = line.trim();
    if (w !== '' && !w.startsWith('#')) out.add(normaliseWord(w));
  }
  return out;
}

export function wordListBaseline(name: string, path: string): Baseline {
  const list = readList(path);
  return {
    name,
    predict(text: string): Span[] {
      return wordTokens(text)
        .filter((t) => list.has(t.word))
        .map((t) => ({ start: t.start, end: t.end }));
    },
  };
}

/** The two baselines, or an empty list (with the reason) when the lexicons are absent. */
export function loadBaselines(shared: string): { baselines: Baseline[]; note: string | null } {
  const dir = join(shared, 'reference', 'lexicons');
  const bias = join(dir, 'bias-lexicon.txt');
  const strong = join(dir, 'strong_subjectives_riloff2003.txt');
  if (!existsSync(bias) || !existsSync(strong)) {
    return { baselines: [], note: `baselines skipped: ${dir} lacks bias-lexicon.txt or strong_subjectives_riloff2003.txt` };
  }
  return {
    baselines: [wordListBaseline('baseline: bias-lexicon', bias), wordListBaseline('baseline: strong-subjective', strong)],
    note: null,
  };
}
