import { describe, expect, it } from '@jest/globals';
import { analyze } from '../src/analyze.js';
import { loadRuleSet } from '../src/rules/load.js';

/** Every rule's own examples, run through the whole rule set: a rule is tested by writing it. */
const ruleSet = loadRuleSet();

describe('rule examples', () => {
  it('every rule that reports has at least one example that it must flag', () => {
    // A rule with `options.report: false` only feeds a detector (neutral reporting verbs): it never flags.
    const without = ruleSet.rules.filter((r) => r.options.report !== false && r.examples.flag.length === 0).map((r) => r.id);
    expect(without).toEqual([]);
  });

  for (const rule of ruleSet.rules) {
    describe(rule.id, () => {
      for (const example of rule.examples.flag) {
        it(`flags: ${example.replace(/\n/g, ' ⏎ ').slice(0, 80)}`, () => {
          const ids = analyze(example, { rules: ruleSet }).findings.map((f) => f.rule);
          expect(ids).toContain(rule.id);
        });
      }
      for (const example of rule.examples.pass) {
        it(`passes: ${example.replace(/\n/g, ' ⏎ ').slice(0, 80)}`, () => {
          const ids = analyze(example, { rules: ruleSet }).findings.map((f) => f.rule);
          expect(ids).not.toContain(rule.id);
        });
      }
    });
  }
});
