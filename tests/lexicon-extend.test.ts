import { describe, expect, it } from '@jest/globals';
import { analyze } from '../src/analyze.js';
import { parsePack } from '../src/rules/load.js';
import type { RuleSet } from '../src/rules/types.js';

const PACK = `category: loaded-language
groups:
  - kind: emotive
    explanation: Because.
    question: Why?
    options: { extend: noun-phrase }
    rules:
      - id: bad
        match: [disastrous, shocking, utterly, radical, evil, "outright lie"]
        message: '"{match}" found'
        examples:
          flag: ["A disastrous deal."]
      - id: verb
        options: { extend: none }
        match: [slam]
        message: '"{match}" found'
        examples:
          flag: ["They slammed the plan."]
`;

function ruleSet(source = PACK): RuleSet {
  const rules = parsePack(source, 'p.yaml');
  return { rules, byId: new Map(rules.map((r) => [r.id, r])), dirs: [] };
}

function found(text: string, set = ruleSet()) {
  return analyze(`Title line here\n\n${text}`, { rules: set }).findings
    .filter((f) => f.category === 'loaded-language')
    .map((f) => ({ text: f.text, message: f.message, word: f.data['word'] ?? null }));
}

describe('options.extend: noun-phrase', () => {
  it('covers the loaded word and the noun phrase it modifies; the message and data.word keep the word', () => {
    expect(found('It is a disastrous nuclear deal for us.')).toEqual([
      { text: 'disastrous nuclear deal', message: '"disastrous" found', word: 'disastrous' },
    ]);
  });

  it('stops at function words, punctuation, numbers, -ly/-ed words, names and the sentence end', () => {
    const texts = (t: string) => found(t).map((f) => f.text);
    expect(texts('The result was disastrous for farmers.')).toEqual(['disastrous']);
    expect(texts('It was disastrous, officials said.')).toEqual(['disastrous']);
    expect(texts('A shocking 40 percent rise.')).toEqual(['shocking']);
    expect(texts('The shocking report revealed a gap.')).toEqual(['shocking report']);
    expect(texts('A shocking report suddenly appeared.')).toEqual(['shocking report']);
    expect(texts('They met the radical Johnson at noon.')).toEqual(['radical']);
    expect(texts('The plan is disastrous. Nuclear deals are hard.')).toEqual(['disastrous']);
    expect(texts('A shocking and sad day.')).toEqual(['shocking']);
  });

  it('adds at most two words', () => {
    expect(found('A disastrous nuclear trade deal.').map((f) => f.text)).toEqual(['disastrous nuclear trade']);
  });

  it('ends the extension where the next finding starts', () => {
    expect(found('An utterly disastrous deal.').map((f) => f.text)).toEqual(['utterly', 'disastrous deal']);
    expect(found('A radical evil plan.').map((f) => [f.text, f.word])).toEqual([['radical', null], ['evil plan', 'evil']]);
  });

  it('leaves multi-word matches and rules with extend: none alone', () => {
    expect(found('It was an outright lie today.').map((f) => f.text)).toEqual(['outright lie']);
    expect(found('They slammed Senate leaders.').map((f) => [f.text, f.word])).toEqual([['slammed', null]]);
  });

  it('rejects an unknown value', () => {
    const bad = ruleSet(PACK.replace('extend: none', 'extend: sentence'));
    expect(() => analyze('A slammed door.', { rules: bad })).toThrow(/options\.extend must be "noun-phrase" or "none"/);
  });
});

const LABELS = `category: loaded-language
groups:
  - kind: name-calling
    explanation: Because.
    question: Why?
    options: { modifiers: include }
    rules:
      - id: thug
        match: [thug, mob]
        message: '"{match}" found'
        examples:
          flag: ["Thugs came."]
      - id: radical
        options: { extend: noun-phrase }
        match: [radical]
        message: '"{match}" found'
        examples:
          flag: ["A radical plan."]
`;

describe('options.modifiers: include', () => {
  const texts = (t: string) => found(t, ruleSet(LABELS)).map((f) => [f.text, f.word]);

  it('covers up to two adjective-shaped words before the match; data.word keeps the word', () => {
    expect(texts('They were violent hired thugs indeed.')).toEqual([['violent hired thugs', 'thugs']]);
    expect(texts('They were angry violent hired thugs.')).toEqual([['violent hired thugs', 'thugs']]);
    expect(texts('The anti-democratic thugs left.')).toEqual([['anti-democratic thugs', 'thugs']]);
  });

  it('stops at function words, other word shapes, punctuation, names and the previous finding', () => {
    expect(texts('They saw the thugs.')).toEqual([['thugs', null]]);
    expect(texts('Three tall thugs left.')).toEqual([['thugs', null]]);
    expect(texts('It was violent, thugs said.')).toEqual([['thugs', null]]);
    expect(texts('Local Republican thugs left.')).toEqual([['thugs', null]]);
    expect(texts('A mob of thugs left.')).toEqual([['mob', null], ['thugs', null]]);
  });

  it('takes an -ing or -ed word only inside a noun phrase, not as the verb of the label', () => {
    expect(texts('The mayor\'s hired thugs left.')).toEqual([['hired thugs', 'thugs']]);
    expect(texts('Those marauding thugs left.')).toEqual([['marauding thugs', 'thugs']]);
    expect(texts('Raging thugs left.')).toEqual([['Raging thugs', 'thugs']]);
    expect(texts('He was accused of condoning thugs.')).toEqual([['thugs', null]]);
    expect(texts('The march included masked thugs.')).toEqual([['thugs', null]]);
  });

  it('lets a capitalised modifier in only when it opens the sentence', () => {
    expect(texts('Violent thugs left.')).toEqual([['Violent thugs', 'thugs']]);
  });

  it('merges with a group option key by key: a rule setting extend keeps modifiers', () => {
    expect(texts('A truly radical plan emerged.')).toEqual([['truly radical plan', 'radical']]);
  });

  it('rejects an unknown value', () => {
    const bad = ruleSet(LABELS.replace('modifiers: include', 'modifiers: all'));
    expect(() => analyze('A mob.', { rules: bad })).toThrow(/options\.modifiers must be "include" or "none"/);
  });
});
