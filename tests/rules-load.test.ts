import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/analyze.js';
import { inflections } from '../src/rules/inflect.js';
import { loadRuleSet, parsePack } from '../src/rules/load.js';

const PACK = `category: loaded-language
groups:
  - kind: test-kind
    explanation: Because.
    question: Why?
    rules:
      - id: one
        match: [slam, crisis, "hard-line", "paint * orange again"]
        message: "{match} found"
        examples:
          flag: ["They slammed the door."]
`;

describe('rule pack validation', () => {
  it('parses a pack and fills defaults', () => {
    const [rule] = parsePack(PACK, 'p.yaml');
    expect(rule).toMatchObject({ id: 'test-kind/one', category: 'loaded-language', severity: 'warning', detector: 'lexicon', voice: 'any', inflect: true });
    expect(rule.source).toBe('p.yaml:7');
  });

  it.each([
    [PACK.replace('category: loaded-language', 'category: spin'), /p\.yaml:1: category "spin" is not one of/],
    [PACK.replace('    question: Why?\n', ''), /p\.yaml:6: rule "one" has no question/],
    [PACK.replace('message: "{match} found"', 'mesage: x'), /p\.yaml:9: unknown rule field "mesage"/],
    [PACK.replace('match: [slam, crisis, "hard-line", "paint * orange again"]', 'match: []'), /p\.yaml:7: rule "test-kind\/one" needs a non-empty `match` list/],
    [PACK.replace('groups:', 'groups:\n  - [oops'), /p\.yaml:\d+: YAML:/],
    [PACK.replace('id: one', 'id: One Two'), /p\.yaml:7: id "One Two" must be lower-case/],
    [PACK + PACK.split('rules:\n')[1], /p\.yaml:\d+: duplicate rule id "test-kind\/one"/],
  ])('reports file and line for a bad pack (%#)', (source, message) => {
    expect(() => parsePack(source, 'p.yaml')).toThrow(message);
  });

  it('adds a user pack with --rules semantics and lets it replace a rule by id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slant-rules-'));
    writeFileSync(join(dir, 'mine.yaml'), PACK);
    const set = loadRuleSet([dir]);
    expect(set.byId.has('test-kind/one')).toBe(true);
    const report = analyze('Title line here\n\nThey will paint Ohio orange again amid crises. A hard line stance.', { rules: set });
    const texts = report.findings.filter((f) => f.rule === 'test-kind/one').map((f) => f.text);
    expect(texts).toEqual(['paint Ohio orange again', 'crises', 'hard line']);
  });

  it('names a missing rules folder', () => {
    expect(() => loadRuleSet(['/no/such/folder'])).toThrow('/no/such/folder:0: rules folder not found');
  });
});

describe('inflections', () => {
  it.each([
    ['slam', ['slams', 'slammed', 'slamming']],
    ['crisis', ['crises']],
    ['flee', ['flees', 'fled', 'fleeing']],
    ['lie', ['lies', 'lied', 'lying']],
    ['smear', ['smears', 'smeared', 'smearing']],
    ['scare', ['scares', 'scared', 'scaring']],
    ['bully', ['bullies', 'bullied', 'bullying']],
    ['target', ['targets', 'targeted', 'targeting']],
  ])('%s', (lemma, forms) => {
    expect(inflections(lemma)).toEqual(expect.arrayContaining([lemma, ...forms]));
  });

  it('does not turn a short word into a different real word', () => {
    expect(inflections('rat')).not.toContain('rated');
    expect(inflections('war')).not.toContain('wared');
  });
});
