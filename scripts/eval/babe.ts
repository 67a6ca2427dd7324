/**
 * BABE (Bias Annotations By Experts) evaluation on ../shared/eval/babe-dev.csv.
 *
 * Each sentence is analysed on its own.
 * - Token level: gold = the sentence's `biased_words`, split into word tokens; predicted = the
 *   word tokens of the sentence that overlap a flagged span. Tokens are lower-cased runs of letters
 *   and digits with inner apostrophes; hyphens and punctuation separate them (metrics.ts,
 *   wordTokens). Each sentence contributes sets of distinct tokens; counts are summed over all
 *   sentences (biased and not).
 * - Sentence level: predicted Biased iff the sentence carries at least one loaded-language
 *   finding in the outlet's voice (headline figure; any-voice shown too), against `label_bias`
 *   ("No agreement" rows are left out). P/R/F1 are for the Biased class.
 * - A third slant row adds the outlet's stance-taking reporting verbs ("claimed", "slammed",
 *   "revealed", "admitted": attribution findings, see slant.ts) to its loaded language: the
 *   whole of slant's word-choice flags in the narrator's voice.
 *
 * BABE has no ids, so the held-out part is by position: rows whose 0-based index ends in 0 or 1
 * (a fifth, as for PTC). Rule work reads only the other rows (--details lists only them); the
 * held-out rows were first set aside in session 3, after some entries had been read off misses
 * across all rows, so the split guards the work from then on.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { EvalContext, EvalSection } from './context.js';
import { loadBaselines } from './baselines.js';
import type { EvalFinding } from './slant.js';
import {
  addCounts,
  emptyCounts,
  pct,
  scoresFromCounts,
  table,
  tokenCounts,
  tokensInSpans,
  wordTokens,
  words,
  type Counts,
  type Span,
} from './metrics.js';

export interface BabeSentence {
  /** 0-based row index in the file */
  index: number;
  text: string;
  biased: boolean | null;
  biasedWords: string[];
}

/** Parse the Python-list literal of `biased_words` (['a', "don't"]) into its strings. */
export function parseWordList(literal: string): string[] {
  const out: string[] = [];
  const re = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g;
  for (const m of literal.matchAll(re)) {
    const raw = m[1] ?? m[2] ?? '';
    out.push(raw.replace(/\\(.)/g, '$1'));
  }
  return out;
}

export function loadBabe(path: string): BabeSentence[] {
  const records = parse(readFileSync(path, 'utf8'), {
    delimiter: ';',
    columns: true,
    skip_empty_lines: true,
    relax_quotes: true,
    bom: true,
  }) as Record<string, string>[];
  return records.map((r, index) => {
    const label = (r['label_bias'] ?? '').trim();
    return {
      index,
      text: (r['text'] ?? '').trim(),
      biased: label === 'Biased' ? true : label === 'Non-biased' ? false : null,
      biasedWords: parseWordList(r['biased_words'] ?? '[]'),
    };
  });
}

/** Rows set aside from rule writing: index ending in 0 or 1. */
export const isHeldOutRow = (s: BabeSentence): boolean => s.index % 10 <= 1;

interface System {
  name: string;
  spans(text: string): Span[];
}

export function babeSection(ctx: EvalContext): EvalSection {
  return {
    name: 'BABE: biased words (token level) and biased sentences',
    async run(): Promise<string> {
      const path = join(ctx.shared, 'eval', 'babe-dev.csv');
      if (!existsSync(path)) return `skipped: ${path} not found`;
      const sentences = loadBabe(path);
      const { baselines, note } = loadBaselines(ctx.shared);
      const systems: System[] = [];
      const analyzer = ctx.analyzer;
      if (analyzer) {
        const outlet = (fs: EvalFinding[]) => fs.filter((f) => f.voice === 'outlet');
        systems.push({ name: 'slant (outlet voice)', spans: (t) => outlet(analyzer.findings(t)) });
        systems.push({ name: 'slant (any voice)', spans: (t) => analyzer.findings(t) });
        systems.push({
          name: 'slant (outlet voice) + stance verbs',
          spans: (t) => [...outlet(analyzer.findings(t)), ...outlet(analyzer.stanceVerbs(t))],
        });
      }
      for (const b of baselines) systems.push({ name: b.name, spans: (t) => b.predict(t) });

      const labelled = sentences.filter((s) => s.biased !== null);
      const fpWords = new Map<string, number>();
      const fnWords = new Map<string, number>();
      const isDev = (s: BabeSentence) => !isHeldOutRow(s);
      const parts: Array<readonly [string, (s: BabeSentence) => boolean]> = ctx.hideHeldOut
        ? [['development rows (index not ending in 0/1)', isDev]]
        : [
            ['all rows', () => true],
            ['held-out rows (index ends in 0 or 1)', isHeldOutRow],
            ['development rows', isDev],
          ];
      const rowsByPart = parts.map(([, part]) => [] as string[][]);
      for (const system of systems) {
        const isSlantOutlet = system.name === 'slant (outlet voice)';
        const counts = parts.map(() => ({ tok: emptyCounts(), sent: emptyCounts() }));
        for (const s of sentences) {
          const spans = system.spans(s.text);
          const predicted = tokensInSpans(wordTokens(s.text), spans).map((t) => t.word);
          const gold = s.biasedWords.flatMap((w) => words(w));
          const tokens = tokenCounts(predicted, gold);
          const flagged = spans.length > 0;
          parts.forEach(([, inPart], k) => {
            if (!inPart(s)) return;
            addCounts(counts[k].tok, tokens);
            if (s.biased === null) return;
            const sent = counts[k].sent;
            if (flagged && s.biased) sent.tp++;
            else if (flagged) sent.fp++;
            else if (s.biased) sent.fn++;
          });
          if (isSlantOutlet && ctx.details && !isHeldOutRow(s)) {
            const g = new Set(gold);
            const p = new Set(predicted);
            for (const w of p) if (!g.has(w)) fpWords.set(w, (fpWords.get(w) ?? 0) + 1);
            for (const w of g) if (!p.has(w)) fnWords.set(w, (fnWords.get(w) ?? 0) + 1);
          }
        }
        counts.forEach(({ tok, sent }, k) => {
          const t = scoresFromCounts(tok);
          const b = scoresFromCounts(sent);
          rowsByPart[k].push([system.name, pct(t.precision), pct(t.recall), pct(t.f1), pct(b.precision), pct(b.recall), pct(b.f1)]);
        });
      }
      const out: string[] = [];
      if (!analyzer) out.push('slant rows missing: the analysis could not be loaded (see above)');
      if (note) out.push(note);
      const nBiased = labelled.filter((s) => s.biased).length;
      out.push(
        `${sentences.length} sentences (${nBiased} Biased, ${labelled.length - nBiased} Non-biased, ` +
          `${sentences.length - labelled.length} without agreement, left out of the sentence level)`,
      );
      parts.forEach(([name, inPart], k) => {
        out.push(`${name}: ${sentences.filter(inPart).length}`);
        out.push(table(['system', 'token P', 'token R', 'token F1', 'sent P', 'sent R', 'sent F1 (Biased)'], rowsByPart[k]));
      });

      if (analyzer) {
        const kinds = new Map<string, { n: number; sentences: number; biased: number }>();
        for (const s of labelled.filter(isDev)) {
          const seen = new Set<string>();
          for (const f of [...analyzer.findings(s.text), ...analyzer.stanceVerbs(s.text)]) {
            if (f.voice !== 'outlet') continue;
            const k = kinds.get(f.kind) ?? { n: 0, sentences: 0, biased: 0 };
            k.n++;
            if (!seen.has(f.kind)) {
              seen.add(f.kind);
              k.sentences++;
              if (s.biased) k.biased++;
            }
            kinds.set(f.kind, k);
          }
        }
        const kindRows = [...kinds.entries()]
          .sort((x, y) => y[1].n - x[1].n)
          .map(([kind, k]) => [kind, String(k.n), String(k.sentences), pct(k.biased / Math.max(1, k.sentences))]);
        out.push('outlet-voice findings per kind (labelled development sentences; share = flagged sentences that are Biased)');
        out.push(table(['kind', 'findings', 'sentences', 'share Biased'], kindRows));
      }
      if (ctx.details && analyzer) {
        const top = (m: Map<string, number>) =>
          [...m.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).slice(0, 80).map(([k, v]) => `${k} ${v}`).join(', ');
        out.push('development rows only:');
        out.push(`flagged words not in biased_words: ${top(fpWords)}`);
        out.push(`biased_words not flagged: ${top(fnWords)}`);
      }
      return out.join('\n\n');
    },
  };
}
