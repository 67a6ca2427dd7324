import { Command, Option } from 'commander';
import { UserError } from '../input/errors.js';
import { sanitizeLine } from '../render/sanitize.js';
import { CATEGORIES, type Rule, type RuleSet } from '../rules/types.js';
import { write } from './output.js';

/**
 * `slant explain <rule-id>`: one rule's explanation, question, suggestion, where it is defined,
 * and the examples it must flag and pass. `--list-kinds` lists the kinds with their questions.
 */
export interface ExplainContext {
  /** Every rule (built-in plus --rules folders), disabled ones included: explaining never hides a rule. */
  rules(extraDirs: string[]): RuleSet;
}

export function explainCommand(ctx: ExplainContext): Command {
  return new Command('explain')
    .description('explain one rule: why it matters, the question to ask, and its examples')
    .argument('[rule-id]', 'a rule id as shown by `slant rules` (or its last part, when that is unique)')
    .option('--list-kinds', 'list every kind of finding with its category and question')
    .option('--rules <dir>', 'add a folder of rule packs (repeatable)', (v: string, p: string[]) => [...p, v], [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['terminal', 'json']).default('terminal'))
    .action(async (id: string | undefined, opts: { listKinds?: boolean; rules: string[]; format: 'terminal' | 'json' }) => {
      const ruleSet = ctx.rules(opts.rules);
      if (opts.listKinds) {
        await write(renderKinds(ruleSet, opts.format));
        return;
      }
      if (!id) throw new UserError('explain needs a rule id (see `slant rules`), or --list-kinds');
      const rule = findRule(ruleSet, id);
      await write(opts.format === 'json' ? `${JSON.stringify(ruleJson(rule), null, 2)}\n` : renderRule(rule));
    });
}

/** Exact id, then case-insensitive, then a unique last part (`thug` for `name-calling/thug`). */
export function findRule(ruleSet: RuleSet, id: string): Rule {
  const exact = ruleSet.byId.get(id);
  if (exact) return exact;
  const lower = id.toLowerCase();
  const folded = ruleSet.rules.filter((r) => r.id.toLowerCase() === lower);
  if (folded.length === 1) return folded[0];
  const bySuffix = ruleSet.rules.filter((r) => r.id.toLowerCase().split('/').pop() === lower);
  if (bySuffix.length === 1) return bySuffix[0];
  if (bySuffix.length > 1) throw new UserError(`rule "${sanitizeLine(id)}" is ambiguous: ${bySuffix.map((r) => r.id).join(', ')}`);
  const closest = closestIds(ruleSet.rules.map((r) => r.id), id, 3);
  // Someone may type a flagged word rather than a rule id: say which rules match it.
  const matching = ruleSet.rules.filter((r) => r.match.some((m) => m.toLowerCase() === lower)).map((r) => r.id);
  const hint = matching.length > 0 ? `; the phrase "${sanitizeLine(id)}" is matched by ${matching.join(', ')}` : '';
  throw new UserError(`unknown rule "${sanitizeLine(id)}"; closest ids: ${closest.join(', ')}${hint} (run \`slant rules\` for the list)`);
}

/** Levenshtein distance (insertions, deletions, substitutions), O(a·b) time, O(b) space. */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[y.length];
}

/** The ids nearest to `query`: by distance to the whole id or to its last part, whichever is smaller. */
export function closestIds(ids: string[], query: string, count: number): string[] {
  const q = query.toLowerCase();
  return ids
    .map((id) => {
      const lower = id.toLowerCase();
      const [kind, name = kind] = lower.split('/');
      const [qKind, qName = qKind] = q.split('/');
      const d = q.includes('/')
        ? Math.min(editDistance(lower, q), editDistance(name, qName) + Math.min(editDistance(kind, qKind), 2))
        : Math.min(editDistance(lower, q), editDistance(name, q), editDistance(kind, q) + 1);
      return { id, d };
    })
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .slice(0, count)
    .map((x) => x.id);
}

const CATEGORY_LABEL: Record<string, string> = {
  'loaded-language': 'loaded language', attribution: 'attribution', 'unattributed-claim': 'unattributed claim', provenance: 'provenance',
};

function ruleJson(r: Rule) {
  return {
    id: r.id, category: r.category, kind: r.kind, severity: r.severity, detector: r.detector, source: r.source,
    message: r.message, explanation: r.explanation, question: r.question, suggestion: r.suggestion,
    match: r.match, exceptions: r.exceptions, voice: r.voice, examples: r.examples,
  };
}

export function renderRule(r: Rule, width = 80): string {
  const out: string[] = [];
  out.push(r.id);
  out.push(`  ${CATEGORY_LABEL[r.category] ?? r.category} · ${r.kind} · ${r.severity}${r.voice === 'outlet' ? ' · only in the outlet\'s own voice' : ''}`);
  out.push(`  defined in ${r.source} (detector: ${r.detector})`);
  const section = (title: string, body: string) => {
    out.push('', title, ...wrap(body, width, '  '));
  };
  section('Why it matters', r.explanation);
  section('Ask', r.question);
  section('What slant says', r.message.replace(/\{match\}/g, '…'));
  if (r.suggestion) section('Try instead', r.suggestion);
  if (r.match.length > 0) {
    const shown = r.match.slice(0, 12).join(', ');
    section(r.detector === 'lexicon' ? 'Matches' : 'Word lists', `${shown}${r.match.length > 12 ? `, … (${r.match.length - 12} more)` : ''}`);
  }
  if (r.exceptions.length > 0) section('Never flagged', r.exceptions.join(', '));
  if (r.examples.flag.length + r.examples.pass.length > 0) {
    out.push('', 'Examples');
    for (const e of r.examples.flag) out.push(...wrap(e, width, '  flags:  ', '          '));
    for (const e of r.examples.pass) out.push(...wrap(e, width, '  passes: ', '          '));
  }
  return `${out.join('\n')}\n`;
}

function renderKinds(ruleSet: RuleSet, format: 'terminal' | 'json'): string {
  const kinds = new Map<string, { category: string; kind: string; rules: string[]; question: string }>();
  for (const r of ruleSet.rules) {
    const key = `${r.category}\u0000${r.kind}`;
    const k = kinds.get(key) ?? { category: r.category, kind: r.kind, rules: [], question: r.question };
    k.rules.push(r.id);
    kinds.set(key, k);
  }
  const rows = [...kinds.values()].sort((a, b) =>
    CATEGORIES.indexOf(a.category as never) - CATEGORIES.indexOf(b.category as never) || a.kind.localeCompare(b.kind));
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const out: string[] = [];
  let category = '';
  for (const k of rows) {
    if (k.category !== category) {
      if (category) out.push('');
      category = k.category;
      out.push(CATEGORY_LABEL[category] ?? category);
    }
    out.push(`  ${k.kind} (${k.rules.length} ${k.rules.length === 1 ? 'rule' : 'rules'})`);
    out.push(...wrap(`Ask: ${k.question}`, 80, '      '));
  }
  return `${out.join('\n')}\n`;
}

function wrap(text: string, width: number, indent: string, hanging = indent): string[] {
  const lines: string[] = [];
  let line = indent;
  let empty = true;
  for (const word of sanitizeLine(text).split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = hanging;
      empty = true;
    }
    line += (empty ? '' : ' ') + word;
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}
