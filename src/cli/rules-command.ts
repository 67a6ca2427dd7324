import type { RuleSet } from '../rules/types.js';

export function renderRuleList(ruleSet: RuleSet, format: 'terminal' | 'json'): string {
  if (format === 'json') {
    return `${JSON.stringify(ruleSet.rules.map((r) => ({
      id: r.id, category: r.category, kind: r.kind, severity: r.severity, detector: r.detector,
      message: r.message, question: r.question, source: r.source,
    })), null, 2)}\n`;
  }
  const rows = [...ruleSet.rules].sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id));
  const idWidth = Math.max(4, ...rows.map((r) => r.id.length));
  const lines = [`${'rule'.padEnd(idWidth)}  ${'category'.padEnd(18)}  ${'severity'.padEnd(8)}  entries  source`];
  for (const r of rows) {
    lines.push(`${r.id.padEnd(idWidth)}  ${r.category.padEnd(18)}  ${r.severity.padEnd(8)}  ${String(r.match.length).padStart(7)}  ${r.source}`);
  }
  lines.push('', `${rows.length} rules from ${ruleSet.dirs.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
