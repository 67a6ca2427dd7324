import { UserError } from '../input/errors.js';
import { loadRuleSet } from '../rules/load.js';
import type { Rule, RuleSet, Severity } from '../rules/types.js';
import { COMMAND_LINE, type ResolvedConfig, type RuleSelector, type Sourced } from './types.js';

const SPECIFICITY: Record<RuleSelector['type'], number> = { category: 0, kind: 1, rule: 2 };

function selects(selector: RuleSelector, rule: Rule): boolean {
  if (selector.type === 'rule') return rule.id === selector.name;
  if (selector.type === 'kind') return rule.kind === selector.name;
  return rule.category === selector.name;
}

/** Every selector must name something in the rule set: a typo should not silently disable nothing. */
function check(ruleSet: RuleSet, entry: Sourced<RuleSelector>, setting: 'disable' | 'severity'): void {
  const s = entry.value;
  const known = s.type === 'rule' ? ruleSet.byId.has(s.name)
    : s.type === 'kind' ? ruleSet.rules.some((r) => r.kind === s.name)
    : true;
  if (known) return;
  const what = s.type === 'rule' ? `no rule "${s.name}"` : `no rule of kind "${s.name}"`;
  const where = entry.source === COMMAND_LINE ? `--${setting} ${s.text}` : `${entry.source}: ${setting}`;
  throw new UserError(`${where}: ${what} (run slant rules for the list)`);
}

/**
 * A derived rule set with `disable` and `severity` applied (the original is left as it is). The most
 * specific severity override wins: a rule id over `kind:`, `kind:` over `category:`; among equals, the last.
 */
export function applyRuleConfig(ruleSet: RuleSet, config: Pick<ResolvedConfig, 'disable' | 'severity'>): RuleSet {
  for (const entry of config.disable) check(ruleSet, entry, 'disable');
  for (const entry of config.severity) check(ruleSet, { value: entry.value.selector, source: entry.source }, 'severity');
  if (config.disable.length === 0 && config.severity.length === 0) return ruleSet;
  const rules: Rule[] = [];
  for (const rule of ruleSet.rules) {
    if (config.disable.some((d) => selects(d.value, rule))) continue;
    let best: { rank: number; severity: Severity } | null = null;
    for (const { value } of config.severity) {
      const rank = SPECIFICITY[value.selector.type];
      if (selects(value.selector, rule) && (!best || rank >= best.rank)) best = { rank, severity: value.severity };
    }
    rules.push(best && best.severity !== rule.severity ? { ...rule, severity: best.severity } : rule);
  }
  return { rules, byId: new Map(rules.map((r) => [r.id, r])), dirs: ruleSet.dirs };
}

/** The rules in effect for a resolved config: built-ins, the config's folders, the command line's, then disable/severity. */
export function effectiveRuleSet(config: ResolvedConfig): RuleSet {
  return applyRuleConfig(loadRuleSet(config.rules.map((r) => r.value)), config);
}
