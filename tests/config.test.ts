import { describe, expect, it, jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { analyze } from '../src/analyze.js';
import { applyRuleConfig, effectiveRuleSet } from '../src/config/apply.js';
import { findConfigFile, readConfigFile, resolveConfig } from '../src/config/load.js';
import type { CommandLineConfig } from '../src/config/types.js';
import { UserError } from '../src/input/errors.js';
import { loadRuleSet } from '../src/rules/load.js';
import type { Report } from '../src/report/types.js';
import { runCli } from './helpers/cli.js';

// Tests here start the CLI, some several times: allow for a loaded machine.
jest.setTimeout(60_000);

const FORMATS = ['terminal', 'json', 'jsonl', 'markdown'];
const ARTICLE = 'Council votes on budget\n\nThugs stormed the hall on Monday. Experts say the radical plan failed.\n';

/** A temp folder tree: `files` maps relative paths to contents. Returns the real path of the root. */
function tree(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'slant-config-')));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const PACK = `category: loaded-language
groups:
  - kind: test-kind
    severity: warning
    explanation: A test rule.
    question: Is it a test?
    rules:
      - id: zorblat
        match: [zorblat]
        message: a made-up word
`;

function cli(cwd: string, extra: Partial<CommandLineConfig> = {}): CommandLineConfig {
  return { cwd, rules: [], disable: [], allow: [], formats: FORMATS, defaultFormat: 'terminal', ...extra };
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

/** The ids of the rules that flag ARTICLE by default, found by text so the test does not depend on rule ids. */
const baseline = analyze(ARTICLE, { name: 'a' });
const ruleFor = (text: string) => baseline.findings.find((f) => f.text?.toLowerCase() === text.toLowerCase())!;

describe('finding the config file', () => {
  it('walks up from the current folder and stops at the first folder with one', () => {
    const root = tree({ 'a/.slantrc.yaml': 'format: json\n', 'a/b/c/.keep': '' });
    expect(findConfigFile(join(root, 'a/b/c'))).toBe(join(root, 'a/.slantrc.yaml'));
  });

  it('takes a package.json only when it has a "slant" field', () => {
    const root = tree({
      'a/.slantrc.json': '{"format": "json"}',
      'a/b/package.json': '{"name": "x"}',
      'a/b/c/package.json': '{"name": "y", "slant": {"format": "markdown"}}',
      'a/b/c/d/.keep': '',
    });
    expect(findConfigFile(join(root, 'a/b/c/d'))).toBe(join(root, 'a/b/c/package.json'));
    expect(findConfigFile(join(root, 'a/b'))).toBe(join(root, 'a/.slantrc.json'));
  });

  it('prefers .slantrc.json, then .slantrc.yaml, then .slantrc.yml in one folder', () => {
    const root = tree({ '.slantrc.yml': '', '.slantrc.yaml': '' });
    expect(findConfigFile(root)).toBe(join(root, '.slantrc.yaml'));
  });
});

describe('reading a config file', () => {
  it('reads every key of a YAML config; paths are relative to the file', () => {
    const root = tree({
      'project/.slantrc.yaml': [
        'rules: packs',
        'disable: [category:provenance, "kind:weasel"]',
        'severity:',
        '  kind:name-calling: error',
        'allow: allow.txt',
        'format: markdown',
        'failOn: warning',
      ].join('\n'),
      'project/packs/test.yaml': PACK,
      'project/allow.txt': '# phrases we allow\nThugs\n\n  radical plan  # a term of art here\n',
      'project/sub/.keep': '',
    });
    // Shown relative to the current folder when inside it, absolute otherwise.
    expect(readConfigFile(join(root, 'project/.slantrc.yaml'), { cwd: join(root, 'project'), formats: FORMATS }).file).toBe('.slantrc.yaml');
    const config = readConfigFile(join(root, 'project/.slantrc.yaml'), { cwd: join(root, 'project/sub'), formats: FORMATS });
    const file = join(root, 'project/.slantrc.yaml');
    expect(config.file).toBe(file);
    expect(config.rules).toEqual([{ value: join(root, 'project/packs'), source: `${file}:1` }]);
    expect(config.disable.map((d) => [d.value.type, d.value.name, d.source])).toEqual([
      ['category', 'provenance', `${file}:2`], ['kind', 'weasel', `${file}:2`],
    ]);
    expect(config.severity.map((s) => [s.value.selector.text, s.value.severity, s.source])).toEqual([['kind:name-calling', 'error', `${file}:4`]]);
    expect(config.allow.map((a) => [a.value, a.source])).toEqual([['Thugs', `${join(root, 'project/allow.txt')}:2`], ['radical plan', `${join(root, 'project/allow.txt')}:4`]]);
    expect(config.format).toEqual({ value: 'markdown', source: `${file}:6` });
    expect(config.failOn).toEqual({ value: 'warning', source: `${file}:7` });
  });

  it('reads JSON and a package.json "slant" field, with an inline allow list', () => {
    const root = tree({
      '.slantrc.json': '{\n  "format": "jsonl",\n  "allow": ["Thugs"]\n}\n',
      'pkg/package.json': '{\n  "name": "x",\n  "slant": {\n    "failOn": "error",\n    "disable": "weasel/experts-say"\n  }\n}\n',
    });
    const json = readConfigFile(join(root, '.slantrc.json'), { cwd: root, formats: FORMATS });
    expect(json.format).toEqual({ value: 'jsonl', source: '.slantrc.json:2' });
    expect(json.allow).toEqual([{ value: 'Thugs', source: '.slantrc.json:3' }]);
    const pkg = readConfigFile(join(root, 'pkg/package.json'), { cwd: root, formats: FORMATS });
    expect(pkg.failOn).toEqual({ value: 'error', source: 'pkg/package.json:4' });
    expect(pkg.disable[0].value).toEqual({ type: 'rule', name: 'weasel/experts-say', text: 'weasel/experts-say' });
  });

  it('accepts an empty file', () => {
    const root = tree({ '.slantrc.yaml': '# nothing yet\n' });
    expect(readConfigFile(join(root, '.slantrc.yaml'), { cwd: root, formats: FORMATS }).rules).toEqual([]);
  });

  it.each([
    ['.slantrc.yaml', 'format: json\ncolour: true\n', '.slantrc.yaml:2: unknown setting "colour" (known: rules, disable, severity, allow, format, failOn)'],
    ['.slantrc.yaml', 'failOn: fatal\n', '.slantrc.yaml:1: "failOn" must be one of info, warning, error'],
    ['.slantrc.yaml', 'format: pdf\n', '.slantrc.yaml:1: "format" must be one of terminal, json, jsonl, markdown'],
    ['.slantrc.yaml', 'severity:\n  weasel/experts-say: loud\n', '.slantrc.yaml:2: severity of "weasel/experts-say" must be one of info, warning, error'],
    ['.slantrc.yaml', 'severity: error\n', '.slantrc.yaml:1: "severity" must map rule ids'],
    ['.slantrc.yaml', 'disable:\n  - category:opinion\n', '.slantrc.yaml:2: disable: unknown category "opinion"'],
    ['.slantrc.yaml', 'disable:\n  - 3\n', '.slantrc.yaml:2: "disable" must be a string or a list of strings'],
    ['.slantrc.yaml', 'rules: [missing-folder]\n', '.slantrc.yaml:1: rules folder "missing-folder" not found'],
    ['.slantrc.yaml', 'allow: missing.txt\n', '.slantrc.yaml:1: allow: allowlist "missing.txt" not found'],
    ['.slantrc.yaml', 'allow: {a: 1}\n', '.slantrc.yaml:1: "allow" must be a list of phrases or the path of an allowlist file'],
    ['.slantrc.yaml', 'format: json\nformat: jsonl\n', '.slantrc.yaml:2: YAML: Map keys must be unique'],
    ['.slantrc.yaml', 'format: [json\n', '.slantrc.yaml:'],
    ['.slantrc.yaml', '- json\n', '.slantrc.yaml:1: a config file is a mapping of settings'],
    ['.slantrc.json', '{\n  "format": "json",\n}\n', '.slantrc.json:3: not valid JSON'],
    ['.slantrc.json', '{\n  "failOn": 2\n}\n', '.slantrc.json:2: "failOn" must be one of info, warning, error'],
    ['package.json', '{"name": "x", "slant": "json"}', 'package.json:1: the "slant" field must be an object'],
  ])('refuses %s with %j: %s', (name, content, message) => {
    const root = tree({ [name]: content });
    expect(errorOf(() => readConfigFile(join(root, name), { cwd: root, formats: FORMATS }))).toContain(message);
  });
});

describe('the settings in effect', () => {
  it('takes single values from the command line over the file, and adds up lists', () => {
    const root = tree({ '.slantrc.yaml': 'format: json\nfailOn: info\ndisable: kind:weasel\nallow: [radical]\n', 'more.txt': 'thugs\n' });
    const file = resolveConfig(cli(root));
    expect(file.file).toBe('.slantrc.yaml');
    expect(file.format).toEqual({ value: 'json', source: '.slantrc.yaml:1' });
    const both = resolveConfig(cli(root, { format: 'markdown', failOn: 'error', disable: ['category:provenance'], allow: ['more.txt'] }));
    expect(both.format).toEqual({ value: 'markdown', source: 'command line' });
    expect(both.failOn).toEqual({ value: 'error', source: 'command line' });
    expect(both.disable.map((d) => d.source)).toEqual(['.slantrc.yaml:3', 'command line']);
    expect(both.allow.map((a) => a.value)).toEqual(['radical', 'thugs']);
    expect(both.allowFiles).toEqual([{ value: 'more.txt', source: 'command line' }]);
  });

  it('uses the defaults with --no-config, and a named file with --config', () => {
    const root = tree({ '.slantrc.yaml': 'format: json\n', 'other.yml': 'format: jsonl\n' });
    const none = resolveConfig(cli(root, { config: false }));
    expect(none.file).toBeNull();
    expect(none.format).toEqual({ value: 'terminal', source: 'default' });
    expect(none.failOn).toEqual({ value: null, source: 'default' });
    expect(resolveConfig(cli(root, { config: 'other.yml' })).format.value).toBe('jsonl');
    expect(errorOf(() => resolveConfig(cli(root, { config: 'nope.yml' })))).toBe('--config nope.yml: no such file');
  });

  it('refuses a bad --disable or a missing --allow file', () => {
    const root = tree({});
    expect(errorOf(() => resolveConfig(cli(root, { config: false, disable: ['category:nope'] })))).toMatch(/^--disable category:nope: unknown category "nope"/);
    expect(errorOf(() => resolveConfig(cli(root, { config: false, allow: ['nope.txt'] })))).toBe('--allow nope.txt: not found');
  });
});

describe('applying disable, severity and allow in the pipeline', () => {
  const builtin = loadRuleSet();
  const thug = ruleFor('thugs');
  const weasel = ruleFor('experts say');
  const ids = (report: Report) => report.findings.map((f) => f.rule);

  it('finds the rules this test relies on', () => {
    expect(thug).toBeDefined();
    expect(weasel).toBeDefined();
  });

  it('switches off a rule by id, by kind and by category, leaving the original rule set alone', () => {
    const sel = (text: string) => ({ value: { type: text.startsWith('kind:') ? 'kind' as const : text.startsWith('category:') ? 'category' as const : 'rule' as const, name: text.replace(/^(kind|category):/, ''), text }, source: 'test' });
    const byId = applyRuleConfig(builtin, { disable: [sel(thug.rule)], severity: [] });
    expect(byId.byId.has(thug.rule)).toBe(false);
    expect(builtin.byId.has(thug.rule)).toBe(true);
    expect(ids(analyze(ARTICLE, { rules: byId }))).not.toContain(thug.rule);
    const byKind = applyRuleConfig(builtin, { disable: [sel(`kind:${weasel.kind}`)], severity: [] });
    expect(analyze(ARTICLE, { rules: byKind }).findings.map((f) => f.kind)).not.toContain(weasel.kind);
    const byCategory = applyRuleConfig(builtin, { disable: [sel('category:provenance')], severity: [] });
    expect(analyze(ARTICLE, { rules: byCategory }).summary.byCategory.provenance).toBe(0);
  });

  it('overrides severity, the most specific selector winning', () => {
    const root = tree({ '.slantrc.yaml': `severity:\n  ${thug.rule}: info\n  kind:${thug.kind}: error\n  category:${thug.category}: warning\n` });
    const rules = effectiveRuleSet(resolveConfig(cli(root)));
    const report = analyze(ARTICLE, { rules });
    expect(report.findings.find((f) => f.rule === thug.rule)!.severity).toBe('info');
    const sameKind = rules.rules.find((r) => r.kind === thug.kind && r.id !== thug.rule)!;
    expect(sameKind.severity).toBe('error');
    expect(report.summary.bySeverity.info).toBeGreaterThan(baseline.summary.bySeverity.info);
  });

  it('refuses a selector that names no rule, pointing at the file line', () => {
    const root = tree({ '.slantrc.yaml': 'format: json\ndisable:\n  - no-such/rule\n' });
    expect(errorOf(() => effectiveRuleSet(resolveConfig(cli(root))))).toBe('.slantrc.yaml:3: disable: no rule "no-such/rule" (run slant rules for the list)');
    expect(errorOf(() => effectiveRuleSet(resolveConfig(cli(root, { config: false, disable: ['kind:nothing'] })))))
      .toBe('--disable kind:nothing: no rule of kind "nothing" (run slant rules for the list)');
  });

  it('adds rule packs from the config file folder', () => {
    const root = tree({ '.slantrc.yaml': 'rules: packs\n', 'packs/test.yaml': PACK });
    const report = analyze('A zorblat appeared.', { rules: effectiveRuleSet(resolveConfig(cli(root))) });
    expect(report.findings.map((f) => f.rule)).toContain('test-kind/zorblat');
  });

  it('drops findings whose text is on the allowlist, case-insensitively, and renumbers the rest', () => {
    const report = analyze(ARTICLE, { allow: ['THUGS', 'experts  say'] });
    expect(report.findings.map((f) => f.text?.toLowerCase())).not.toContain('thugs');
    expect(report.findings.map((f) => f.text?.toLowerCase())).not.toContain('experts say');
    expect(report.findings.map((f) => f.n)).toEqual(report.findings.map((_, i) => i + 1));
    expect(report.summary.findings).toBe(baseline.summary.findings - 2);
    // A phrase only allows an equal text, not a longer one.
    expect(analyze(ARTICLE, { allow: ['thug'] }).findings.length).toBe(baseline.findings.length);
  });
});

describe('slant with a config file', () => {
  const project = () => tree({
    '.slantrc.yaml': `format: json\nfailOn: warning\ndisable:\n  - kind:weasel\nallow: allow.txt\n`,
    'allow.txt': 'Thugs\n',
    'a.txt': ARTICLE,
    'sub/.keep': '',
  });

  it('uses the config found upwards from the current folder', () => {
    const root = project();
    const r = runCli(['../a.txt'], { cwd: join(root, 'sub') });
    expect(r.status).toBe(1); // failOn: warning, and "radical" is still flagged
    const report = JSON.parse(r.stdout) as Report;
    expect(report.findings.map((f) => f.kind)).not.toContain('weasel');
    expect(report.findings.map((f) => f.text)).not.toContain('Thugs');
  });

  it('lets command-line flags win, and --no-config ignore the file', () => {
    const root = project();
    const r = runCli(['a.txt', '--format', 'jsonl', '--fail-on', 'error'], { cwd: root });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const plain = runCli(['a.txt', '--no-config', '--disable', weaselRule(), '--allow', 'allow.txt'], { cwd: root });
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('Summary');
    expect(plain.stdout).not.toContain('Experts say[');
  });

  it('prints the settings in effect and where each one comes from', () => {
    const root = project();
    const r = runCli(['--fail-on', 'error', 'config'], { cwd: root });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('config file: .slantrc.yaml');
    expect(r.stdout).toMatch(/format\s+json\s+\.slantrc\.yaml:1/);
    expect(r.stdout).toMatch(/failOn\s+error\s+command line/);
    expect(r.stdout).toMatch(/disable\s+kind:weasel\s+\.slantrc\.yaml:4/);
    expect(r.stdout).toMatch(/"Thugs"\s+allow\.txt:1/);
    const json = JSON.parse(runCli(['config', '--json', '--no-config'], { cwd: root }).stdout) as Record<string, any>;
    expect(json.file).toBeNull();
    expect(json.format).toEqual({ value: 'terminal', source: 'default' });
    expect(json.rulesInEffect).toBeGreaterThan(10);
  });

  it('refuses a bad config with one line naming the file and line, exit 2', () => {
    const root = tree({ '.slantrc.yaml': 'format: json\nfailOn: sometimes\n', 'a.txt': ARTICLE });
    for (const args of [['a.txt'], ['config']]) {
      const r = runCli(args, { cwd: root });
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('slant: .slantrc.yaml:2: "failOn" must be one of info, warning, error\n');
    }
  });

  it('applies the config to `slant rules`', () => {
    const root = project();
    const r = runCli(['rules', '--format', 'json'], { cwd: root });
    const rules = JSON.parse(r.stdout) as Array<{ kind: string }>;
    expect(rules.map((x) => x.kind)).not.toContain('weasel');
  });
});

function weaselRule(): string {
  return ruleFor('experts say').rule;
}
