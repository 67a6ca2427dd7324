import { describe, expect, it } from '@jest/globals';
import { analyze } from '../src/analyze.js';
import { loadRuleSet } from '../src/rules/load.js';

const rules = loadRuleSet();

function scareQuotes(text: string): string[] {
  return analyze(text, { name: 't', rules })
    .findings.filter((f) => f.kind === 'scare-quotes')
    .map((f) => f.text ?? '');
}

describe('scare-quotes detector', () => {
  it('flags a short quoted term with no speaker', () => {
    expect(scareQuotes('The government’s “reform” left thousands without pensions.')).toEqual(['“reform”']);
  });

  it('flags a repeated term once per article', () => {
    const text = 'The “experts” met on Monday.\n\nLater the “experts” changed their advice.';
    expect(scareQuotes(text)).toEqual(['“experts”']);
  });

  it('leaves a term that a quoted speaker used elsewhere in the article', () => {
    const text =
      'The agency said: “Releasing the files would harm national security and our sources.”\n\n' +
      'Historians doubt that “national security” is at stake.';
    expect(scareQuotes(text)).toEqual([]);
  });

  it('leaves quoted words that name a law, a bill or a programme', () => {
    expect(scareQuotes('Under the new “red flag” law, police can seize guns.')).toEqual([]);
    expect(scareQuotes('The “guardian” programme arms school staff.')).toEqual([]);
  });
});
