/**
 * PTC (SemEval-2020 Task 11) span evaluation: slant's loaded-language findings against the
 * expert spans of Loaded_Language, Name_Calling,Labeling and both merged, with the official
 * overlap credit (see metrics.ts), beside two word-list baselines.
 *
 * A supplementary table scores each kind against the technique it aims at (KIND_TECHNIQUES: slogans,
 * flag-waving, fear, doubt); it is labelled as such and never replaces the official merged figure.
 *
 * Held-out discipline: articles whose id ends in 0 or 1 are held out from rule writing. Their
 * numbers are printed in their own table (and can be hidden with --hide-heldout); the --details
 * listings of false positives and misses only ever use the other articles ("rest").
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EvalContext, EvalSection } from './context.js';
import { loadBaselines } from './baselines.js';
import type { EvalFinding } from './slant.js';
import {
  addCredit,
  emptyCredit,
  mergeSpans,
  overlapCredit,
  pct,
  scoresFromCredit,
  sliceCodePoints,
  table,
  intersection,
  type Credit,
  type Span,
} from './metrics.js';

export const CATEGORIES = {
  Loaded_Language: ['Loaded_Language'],
  'Name_Calling,Labeling': ['Name_Calling,Labeling'],
  merged: ['Loaded_Language', 'Name_Calling,Labeling'],
} as const satisfies Record<string, readonly string[]>;
type Category = keyof typeof CATEGORIES;
const CATEGORY_NAMES = Object.keys(CATEGORIES) as Category[];

export interface PtcArticle {
  id: string;
  text: string;
  /** gold spans by technique name */
  gold: Map<string, Span[]>;
}

/** Held out while writing rules: ids ending in 0 or 1. */
export function isHeldOut(id: string): boolean {
  return /[01]$/.test(id);
}

export function loadPtc(dir: string): PtcArticle[] {
  const articlesDir = join(dir, 'articles');
  const byId = new Map<string, PtcArticle>();
  for (const name of readdirSync(articlesDir).sort()) {
    const m = /^article(\d+)\.txt$/.exec(name);
    if (!m) continue;
    const id = m[1]!;
    byId.set(id, { id, text: readFileSync(join(articlesDir, name), 'utf8'), gold: new Map() });
  }
  for (const line of readFileSync(join(dir, 'labels.tsv'), 'utf8').split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const [id, technique, start, end] = line.split('\t');
    const article = byId.get(id ?? '');
    if (!article || technique === undefined) continue;
    const span = { start: Number(start), end: Number(end) };
    if (!Number.isFinite(span.start) || !Number.isFinite(span.end)) continue;
    const list = article.gold.get(technique) ?? [];
    list.push(span);
    article.gold.set(technique, list);
  }
  return [...byId.values()];
}

function goldFor(article: PtcArticle, category: Category): Span[] {
  return CATEGORIES[category].flatMap((t) => article.gold.get(t) ?? []);
}

interface System {
  name: string;
  predict(article: PtcArticle): Span[];
}

/**
 * slant's findings for a PTC article, in the article's own code-point offsets. Ten PTC articles
 * carry U+FEFF (one at the very start); analyze() reports offsets into the text as given, which
 * the offset check in the section's output verifies.
 */
function slantFindings(ctx: EvalContext, article: PtcArticle): EvalFinding[] {
  if (!ctx.analyzer) return [];
  return ctx.analyzer.findings(article.text);
}

function scoreTable(articles: readonly PtcArticle[], systems: readonly System[]): string {
  const rows: string[][] = [];
  for (const system of systems) {
    const predictions = new Map(articles.map((a) => [a.id, system.predict(a)]));
    for (const category of CATEGORY_NAMES) {
      const credit: Credit = emptyCredit();
      for (const a of articles) addCredit(credit, overlapCredit(predictions.get(a.id) ?? [], goldFor(a, category)));
      const s = scoresFromCredit(credit);
      rows.push([system.name, category, String(credit.predicted), String(credit.gold), pct(s.precision), pct(s.recall), pct(s.f1)]);
    }
  }
  return table(['system', 'gold category', 'pred', 'gold', 'P', 'R', 'F1'], rows);
}

/** Findings per kind, and on the development articles the share that overlaps a merged gold span. */
function kindTable(ctx: EvalContext, articles: readonly PtcArticle[]): string {
  const stats = new Map<string, { all: number; dev: number; devHit: number; outlet: number }>();
  for (const a of articles) {
    const gold = mergeSpans(goldFor(a, 'merged'));
    for (const f of slantFindings(ctx, a)) {
      const s = stats.get(f.kind) ?? { all: 0, dev: 0, devHit: 0, outlet: 0 };
      s.all++;
      if (f.voice === 'outlet') s.outlet++;
      if (!isHeldOut(a.id)) {
        s.dev++;
        if (gold.some((g) => intersection(g, f) > 0)) s.devHit++;
      }
      stats.set(f.kind, s);
    }
  }
  const rows = [...stats.entries()]
    .sort((x, y) => y[1].all - x[1].all)
    .map(([kind, s]) => [kind, String(s.all), String(s.outlet), String(s.dev), s.dev > 0 ? pct(s.devHit / s.dev) : '-']);
  return table(['kind', 'findings', 'outlet voice', 'findings (rest)', 'hit rate (rest)'], rows);
}

/**
 * The PTC technique each slant kind aims at, decided from the technique definitions of the PTC
 * annotation guidelines (Da San Martino et al., EMNLP 2019), not from the scores: PTC files
 * slogans, flag-waving, appeals to fear, doubt and exaggeration as techniques of their own, apart
 * from Loaded_Language and Name_Calling,Labeling. Editorial asides ("sadly", "needless to say")
 * match none of the 14 techniques. Kinds not listed aim at Loaded_Language + Name_Calling,Labeling,
 * and only those kinds are the predictions of the headline rows; the "all kinds" row scores every
 * loaded-language finding against the merged pair, so nothing is hidden.
 */
export const KIND_TECHNIQUES: Readonly<Record<string, readonly string[]>> = {
  slogan: ['Slogans', 'Thought-terminating_Cliches'],
  'flag-waving': ['Flag-Waving'],
  fear: ['Appeal_to_fear-prejudice'],
  doubt: ['Doubt'],
  'scare-quotes': ['Doubt'],
  absolute: ['Exaggeration,Minimisation'],
  editorializing: [],
};

/** Does this kind aim at Loaded_Language or Name_Calling,Labeling (the figure the issue sets)? */
export function aimsAtLoadedOrLabel(kind: string): boolean {
  return KIND_TECHNIQUES[kind] === undefined;
}

export function techniquesFor(kind: string): readonly string[] {
  return KIND_TECHNIQUES[kind] ?? CATEGORIES.merged;
}

/**
 * Supplementary per-kind precision: each kind's findings scored (overlap credit) against the PTC
 * technique that matches it (KIND_TECHNIQUES), beside the share that overlaps a span of any of
 * the 14 techniques. Rest articles, plus held-out precision unless hidden.
 */
function kindTechniqueTable(ctx: EvalContext, articles: readonly PtcArticle[]): string {
  const allTechniques = (a: PtcArticle) => [...a.gold.values()].flat();
  const stats = new Map<string, { rest: Credit; restAny: Credit; held: Credit }>();
  for (const a of articles) {
    const byKind = new Map<string, EvalFinding[]>();
    for (const f of slantFindings(ctx, a)) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
    for (const [kind, found] of byKind) {
      const s = stats.get(kind) ?? { rest: emptyCredit(), restAny: emptyCredit(), held: emptyCredit() };
      const gold = techniquesFor(kind).flatMap((t) => a.gold.get(t) ?? []);
      if (isHeldOut(a.id)) addCredit(s.held, overlapCredit(found, gold));
      else {
        addCredit(s.rest, overlapCredit(found, gold));
        addCredit(s.restAny, overlapCredit(found, allTechniques(a)));
      }
      stats.set(kind, s);
    }
  }
  const precision = (c: Credit) => (c.predicted > 0 ? pct(c.precisionCredit / c.predicted) : '-');
  const rows = [...stats.entries()]
    .sort((x, y) => y[1].rest.predicted - x[1].rest.predicted)
    .map(([kind, s]) => [
      kind,
      techniquesFor(kind).join(' + ') || '(none of the 14)',
      String(s.rest.predicted),
      precision(s.rest),
      precision(s.restAny),
      ...(ctx.hideHeldOut ? [] : [String(s.held.predicted), precision(s.held)]),
    ]);
  const header = ['kind', 'scored against', 'pred (rest)', 'P (rest)', 'P any technique (rest)'];
  return table(ctx.hideHeldOut ? header : [...header, 'pred (held-out)', 'P (held-out)'], rows);
}

/** --details: what slant flags that experts did not, and what experts marked that slant missed (rest only). */
function detailListing(ctx: EvalContext, articles: readonly PtcArticle[]): string {
  const fp = new Map<string, number>();
  const hitByRule = new Map<string, { n: number; hit: number }>();
  const hitByMatch = new Map<string, { n: number; hit: number }>();
  const missed = new Map<string, number>();
  for (const a of articles) {
    if (isHeldOut(a.id)) continue;
    const gold = mergeSpans(goldFor(a, 'merged'));
    const found = slantFindings(ctx, a);
    for (const f of found) {
      const hit = gold.some((g) => intersection(g, f) > 0);
      const r = hitByRule.get(f.rule) ?? { n: 0, hit: 0 };
      r.n++;
      if (hit) r.hit++;
      hitByRule.set(f.rule, r);
      const key = `${f.rule}: ${sliceCodePoints(a.text, f.start, f.end).toLowerCase()}`;
      const m = hitByMatch.get(key) ?? { n: 0, hit: 0 };
      m.n++;
      if (hit) m.hit++;
      hitByMatch.set(key, m);
      if (!hit) {
        const key = `${f.rule}: ${sliceCodePoints(a.text, f.start, f.end).toLowerCase()}`;
        fp.set(key, (fp.get(key) ?? 0) + 1);
      }
    }
    for (const g of gold) {
      if (found.some((f) => intersection(g, f) > 0)) continue;
      const key = sliceCodePoints(a.text, g.start, g.end).toLowerCase().replace(/\s+/g, ' ');
      missed.set(key, (missed.get(key) ?? 0) + 1);
    }
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).slice(0, n).map(([k, v]) => `  ${v}\t${k}`).join('\n');
  const worst = [...hitByRule.entries()]
    .filter(([, r]) => r.n >= 3)
    .sort((x, y) => x[1].hit / x[1].n - y[1].hit / y[1].n || y[1].n - x[1].n)
    .slice(0, 40)
    .map(([rule, r]) => `  ${pct(r.hit / r.n)}  ${r.hit}/${r.n}\t${rule}`)
    .join('\n');
  const byMatch = [...hitByMatch.entries()]
    .filter(([, r]) => r.n >= 4)
    .sort((x, y) => x[1].hit / x[1].n - y[1].hit / y[1].n || y[1].n - x[1].n)
    .slice(0, 120)
    .map(([k, r]) => `  ${pct(r.hit / r.n)}  ${r.hit}/${r.n}\t${k}`)
    .join('\n');
  // --per-entry (read from the command line here; scripts/eval.ts passes the other flags): every
  // matched text on rest with its findings and hits, most false positives first.
  const perEntry = process.argv.includes('--per-entry')
    ? [
        'per entry on rest (hits/findings, matched text as written, most misses first):',
        [...hitByMatch.entries()]
          .sort((x, y) => y[1].n - y[1].hit - (x[1].n - x[1].hit) || x[0].localeCompare(y[0]))
          .map(([k, r]) => `  ${r.hit}/${r.n}\t${k}`)
          .join('\n'),
      ]
    : [];
  return [
    ...perEntry,
    'matched texts with the lowest hit rate on rest (at least 4 findings):',
    byMatch,
    'false positives on rest (finding text not overlapping any merged gold span), most frequent:',
    top(fp, 80),
    'rules with the lowest hit rate on rest (at least 3 findings):',
    worst,
    'missed merged gold spans on rest, most frequent:',
    top(missed, 80),
  ].join('\n');
}

export function ptcSection(ctx: EvalContext): EvalSection {
  return {
    name: 'PTC train: Loaded_Language and Name_Calling,Labeling spans (overlap credit)',
    async run(): Promise<string> {
      const dir = join(ctx.shared, 'eval', 'ptc-train');
      if (!existsSync(join(dir, 'labels.tsv'))) return `skipped: ${dir} not found`;
      const articles = loadPtc(dir);
      const { baselines, note } = loadBaselines(ctx.shared);
      const systems: System[] = [];
      if (ctx.analyzer) {
        const aimed = (a: PtcArticle) => slantFindings(ctx, a).filter((f) => aimsAtLoadedOrLabel(f.kind));
        systems.push({ name: 'slant (any voice)', predict: aimed });
        systems.push({ name: 'slant (outlet voice)', predict: (a) => aimed(a).filter((f) => f.voice === 'outlet') });
        systems.push({ name: 'slant, all kinds (any voice)', predict: (a) => slantFindings(ctx, a) });
      }
      for (const b of baselines) {
        const cache = new Map<string, Span[]>();
        systems.push({
          name: b.name,
          predict: (a) => {
            let s = cache.get(a.id);
            if (!s) cache.set(a.id, (s = b.predict(a.text)));
            return s;
          },
        });
      }
      const heldOut = articles.filter((a) => isHeldOut(a.id));
      const rest = articles.filter((a) => !isHeldOut(a.id));
      const out: string[] = [];
      if (!ctx.analyzer) out.push('slant rows missing: the analysis could not be loaded (see above)');
      if (note) out.push(note);
      // Sanity check: each finding's text must be the text at its offsets.
      if (ctx.analyzer) {
        let bad = 0;
        let total = 0;
        for (const a of articles) {
          for (const f of slantFindings(ctx, a)) {
            total++;
            if (f.text !== '' && sliceCodePoints(a.text, f.start, f.end) !== f.text) bad++;
          }
        }
        out.push(`offset check: ${total - bad} of ${total} findings have text equal to the article text at their offsets`);
      }
      if (ctx.hideHeldOut) {
        out.push(`development articles (id not ending in 0/1): ${rest.length}; held-out table hidden (--hide-heldout)`);
        out.push(scoreTable(rest, systems));
      } else {
        out.push(`all ${articles.length} training articles`, scoreTable(articles, systems));
        out.push(`held-out articles (id ends in 0 or 1): ${heldOut.length}`, scoreTable(heldOut, systems));
        out.push(`rest (used while writing rules): ${rest.length}`, scoreTable(rest, systems));
      }
      if (ctx.analyzer) {
        out.push('slant findings per kind (all articles; hit rate = share overlapping a merged gold span, rest only)');
        out.push(kindTable(ctx, articles));
        out.push(
          'SUPPLEMENTARY (not the official figure above): precision per kind against the PTC technique it aims at ' +
            `(${Object.entries(KIND_TECHNIQUES).map(([k, t]) => `${k}: ${t.join(' + ') || 'none of the 14'}`).join('; ')}; ` +
            'other kinds: Loaded_Language + Name_Calling,Labeling), overlap credit; "any technique" = against the spans of all 14 techniques',
        );
        out.push(kindTechniqueTable(ctx, articles));
        if (ctx.details) out.push(detailListing(ctx, articles));
      }
      return out.join('\n\n');
    },
  };
}
