import { createRequire } from 'node:module';

/**
 * Inflections of an English word written as a lemma, so a rule lists "slam" and meets
 * "slammed", "slams" and "slamming". Over-generating a non-word is harmless (it never occurs);
 * generating a different real word is not, so doubling rules are conservative.
 */
const IRREGULAR: Record<string, string[]> = {
  crisis: ['crises'], thesis: ['theses'], analysis: ['analyses'], hypothesis: ['hypotheses'],
  flee: ['fled'], lie: ['lied', 'lying', 'lay', 'lain'], die: ['died', 'dying'], tie: ['tied', 'tying'],
  hit: ['hitting'], slay: ['slew', 'slain'], steal: ['stole', 'stolen'], fight: ['fought'],
  seek: ['sought'], spread: ['spreading'], wage: ['waged'], sink: ['sank', 'sunk'], shake: ['shook', 'shaken'],
  break: ['broke', 'broken'], tear: ['tore', 'torn'], strike: ['struck', 'stricken'], swear: ['swore', 'sworn'],
  drive: ['drove', 'driven'], rise: ['rose', 'risen'], fall: ['fell', 'fallen'], bring: ['brought'],
  think: ['thought'], teach: ['taught'], catch: ['caught'], buy: ['bought'], say: ['said'], tell: ['told'],
  write: ['wrote', 'written'], speak: ['spoke', 'spoken'], know: ['knew', 'known'], see: ['saw', 'seen'],
  show: ['shown'], hold: ['held'], find: ['found'], leave: ['left'], lead: ['led'], mislead: ['misled'],
  feel: ['felt'], keep: ['kept'], sweep: ['swept'], weep: ['wept'], bleed: ['bled'], feed: ['fed'],
  throw: ['threw', 'thrown'], blow: ['blew', 'blown'], grow: ['grew', 'grown'], bite: ['bit', 'bitten'],
  hide: ['hid', 'hidden'], freeze: ['froze', 'frozen'], forsake: ['forsook', 'forsaken'],
  overthrow: ['overthrew', 'overthrown'], undertake: ['undertook', 'undertaken'], take: ['took', 'taken'],
  give: ['gave', 'given'], forgive: ['forgave', 'forgiven'], betray: ['betrayed'], spin: ['spun', 'spinning'],
  run: ['ran'], begin: ['began', 'begun'], win: ['won'], lose: ['lost'], cost: ['costing'], sell: ['sold'],
  man: ['men'], woman: ['women'], child: ['children'], person: ['people'], mouse: ['mice'],
  thief: ['thieves'], wolf: ['wolves'], life: ['lives'], wife: ['wives'], knife: ['knives'], leaf: ['leaves'],
  half: ['halves'], self: ['selves'], phenomenon: ['phenomena'], criterion: ['criteria'],
  bad: ['worse', 'worst'], good: ['better', 'best'], far: ['further', 'furthest', 'farther', 'farthest'],
};

const VOWEL = /[aeiou]/;

interface NounInflector { pluralize(word: string): string }
let nouns: NounInflector | undefined;

/** natural's noun inflector knows irregular and Latin/Greek plurals; it is loaded only when a form is not precomputed. */
function nounInflector(): NounInflector {
  if (!nouns) {
    const { NounInflector: Inflector } = createRequire(import.meta.url)('natural/lib/natural/inflectors/index.js') as { NounInflector: new () => NounInflector };
    nouns = new Inflector();
  }
  return nouns;
}

const memo = new Map<string, string[]>();

/** Forms computed at build time (kept in the rule cache), so a run does not compute them again. */
export function primeInflections(table: Record<string, string[]>): void {
  for (const lemma of Object.keys(table)) memo.set(lemma, table[lemma]);
}

export function inflections(lemma: string): string[] {
  const w = lemma.toLowerCase();
  let forms = memo.get(w);
  if (!forms) {
    forms = computeInflections(w);
    memo.set(w, forms);
  }
  return forms;
}

function computeInflections(w: string): string[] {
  const forms = new Set<string>([w]);
  const add = (s: string) => forms.add(s);
  for (const f of IRREGULAR[w] ?? []) add(f);
  if (w.length > 4 && w.endsWith('man')) add(`${w.slice(0, -3)}men`); // henchman → henchmen
  if (w.length < 3 || !/^[a-z]+$/.test(w)) return [...forms];
  const plural = nounInflector().pluralize(w);
  if (plural && plural !== w) add(plural.toLowerCase());

  const last = w[w.length - 1];
  const beforeLast = w[w.length - 2];
  // -s / -es
  if (/(s|x|z|ch|sh)$/.test(w)) add(`${w}es`);
  else if (last === 'y' && !VOWEL.test(beforeLast)) add(`${w.slice(0, -1)}ies`);
  else add(`${w}s`);
  if (w.endsWith('is')) add(`${w.slice(0, -2)}es`);

  // -ed / -ing / -er / -est
  if (last === 'e') {
    add(`${w}d`);
    if (!w.endsWith('ee')) add(`${w.slice(0, -1)}ing`);
    else add(`${w}ing`);
    add(`${w}r`);
    add(`${w}st`);
  } else if (last === 'y' && !VOWEL.test(beforeLast)) {
    add(`${w.slice(0, -1)}ied`);
    add(`${w}ing`);
    add(`${w.slice(0, -1)}ier`);
    add(`${w.slice(0, -1)}iest`);
  } else if (endsConsonantVowelConsonant(w)) {
    const doubled = `${w}${last}`;
    add(`${doubled}ed`);
    add(`${doubled}ing`);
    // Longer words usually do not double ("target" → "targeted"); short ones do ("slam" → "slammed").
    if (w.length > 4) {
      add(`${w}ed`);
      add(`${w}ing`);
    }
  } else {
    add(`${w}ed`);
    add(`${w}ing`);
    if (!w.endsWith('ic') && !w.endsWith('al')) {
      add(`${w}er`);
      add(`${w}est`);
    }
  }
  return [...forms];
}

function endsConsonantVowelConsonant(w: string): boolean {
  const n = w.length;
  return n >= 3 && !VOWEL.test(w[n - 1]) && !/[wxy]/.test(w[n - 1]) && VOWEL.test(w[n - 2]) && !VOWEL.test(w[n - 3]);
}
