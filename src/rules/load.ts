import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import type { Node as YamlNode, YAMLMap } from 'yaml';
import { builtinRulesDir } from '../paths.js';
import { readCache } from './cache.js';
import { RuleError } from './errors.js';
import { CATEGORIES, SEVERITIES, type Category, type Rule, type RuleSet, type Severity } from './types.js';

/** Folders under rules/ that hold other data (the outlet registry), not rule packs. */
const NOT_PACKS = new Set(['outlets']);

const RULE_KEYS = new Set([
  'id', 'category', 'kind', 'severity', 'detector', 'message', 'explanation', 'question', 'suggestion',
  'match', 'exceptions', 'inflect', 'caseSensitive', 'notBefore', 'notAfter', 'voice', 'examples', 'options',
]);
const GROUP_KEYS = new Set(['category', 'kind', 'severity', 'detector', 'explanation', 'question', 'voice', 'inflect',
  'caseSensitive', 'notBefore', 'notAfter', 'options', 'rules']);
const FILE_KEYS = new Set(['category', 'severity', 'detector', 'description', 'groups', 'options']);

/** Load the built-in packs, then each user folder in order. A later rule with the same id replaces an earlier one. */
export function loadRuleSet(extraDirs: string[] = [], builtin = builtinRulesDir()): RuleSet {
  const dirs = [builtin, ...extraDirs];
  const byId = new Map<string, Rule>();
  for (const dir of dirs) {
    // The built-in packs come from a cache compiled at build time while it matches the files.
    // The cache keeps the rules in load order, so the files need no sorting to check it against.
    const cached = dir === builtin ? readCache(listPacks(dir, false)) : null;
    for (const rule of cached ?? parseFiles(listPacks(dir))) byId.set(rule.id, rule);
  }
  return { rules: [...byId.values()], byId, dirs };
}

export function parseFiles(files: string[]): Rule[] {
  return files.flatMap((file) => parsePack(readFileSync(file, 'utf8'), relative(process.cwd(), file) || file));
}

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;

/** The YAML parser is loaded only when a pack has to be parsed (the built-in ones are cached). */
function yaml(): YamlModule {
  yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return yamlModule;
}

/**
 * The pack files under `dir`, in load order (each folder's entries by `localeCompare`), or in
 * directory order with `sorted` false: the first `localeCompare` of a run builds an ICU
 * collator, about 10 ms of start-up that a run from the cache does not need.
 */
export function listPacks(dir: string, sorted = true): string[] {
  let info;
  try {
    info = statSync(dir);
  } catch {
    throw new RuleError(dir, 0, 'rules folder not found');
  }
  if (!info.isDirectory()) throw new RuleError(dir, 0, 'is not a folder of rule packs');
  const files: string[] = [];
  const walk = (d: string) => {
    const entries = readdirSync(d, { withFileTypes: true });
    if (sorted) entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) {
        if (!NOT_PACKS.has(entry.name)) walk(full);
      } else if (/\.ya?ml$/.test(entry.name)) files.push(full);
    }
  };
  walk(dir);
  return files;
}

type Inherited = Partial<Pick<Rule, 'category' | 'kind' | 'severity' | 'detector' | 'explanation' | 'question' | 'voice' |
  'inflect' | 'caseSensitive' | 'notBefore' | 'notAfter' | 'options'>>;

/** Parse and validate one pack; every problem names the file and line. */
export function parsePack(source: string, file: string): Rule[] {
  const { LineCounter, parseDocument, isMap, isSeq } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: YamlNode | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new RuleError(file, lineCounter.linePos(e.pos[0]).line, `YAML: ${e.message.split('\n')[0]}`);
  }
  const fail = (node: YamlNode | null | undefined, problem: string): never => {
    throw new RuleError(file, lineOf(node), problem);
  };
  const root = doc.contents;
  if (!isMap(root)) return fail(root, 'a rule pack is a mapping with a `groups` list');
  checkKeys(root, FILE_KEYS, 'pack', fail);
  const fileDefaults = readInherited(root, fail);
  const groups = root.get('groups', true);
  if (!isSeq(groups) || groups.items.length === 0) return fail(groups ?? root, '`groups` must be a non-empty list');

  const rules: Rule[] = [];
  const seen = new Set<string>();
  for (const groupNode of groups.items) {
    if (!isMap(groupNode)) return fail(groupNode as YamlNode, 'each group is a mapping');
    checkKeys(groupNode, GROUP_KEYS, 'group', fail);
    // Options merge key by key (file, then group, then rule): a rule that sets `extend` keeps its
    // group's `modifiers`.
    const groupOwn = stripUndefined(readInherited(groupNode, fail));
    const group = { ...fileDefaults, ...groupOwn, options: { ...fileDefaults.options, ...groupOwn.options } };
    const ruleList = groupNode.get('rules', true);
    if (!isSeq(ruleList) || ruleList.items.length === 0) return fail(ruleList ?? groupNode, '`rules` must be a non-empty list');
    for (const ruleNode of ruleList.items) {
      if (!isMap(ruleNode)) return fail(ruleNode as YamlNode, 'each rule is a mapping');
      checkKeys(ruleNode, RULE_KEYS, 'rule', fail);
      const own = stripUndefined(readInherited(ruleNode, fail));
      const merged = { ...group, ...own, options: { ...group.options, ...own.options } };
      const at = (key: string) => ruleNode.get(key, true) as YamlNode | undefined ?? ruleNode;
      const id = requireString(ruleNode, 'id', fail);
      if (!/^[a-z0-9][a-z0-9./-]*$/.test(id)) fail(at('id'), `id "${id}" must be lower-case letters, digits, "-", "." or "/"`);
      if (!merged.category) return fail(ruleNode, `rule "${id}" has no category (one of ${CATEGORIES.join(', ')})`);
      if (!merged.kind) return fail(ruleNode, `rule "${id}" has no kind`);
      if (!merged.explanation) return fail(ruleNode, `rule "${id}" has no explanation (set it on the rule or its group)`);
      if (!merged.question) return fail(ruleNode, `rule "${id}" has no question (set it on the rule or its group)`);
      const fullId = id.includes('/') ? id : `${merged.kind}/${id}`;
      if (seen.has(fullId)) fail(at('id'), `duplicate rule id "${fullId}"`);
      seen.add(fullId);
      const detector = merged.detector ?? 'lexicon';
      const match = stringList(ruleNode, 'match', fail);
      if (detector === 'lexicon' && match.length === 0) fail(ruleNode, `rule "${fullId}" needs a non-empty \`match\` list`);
      const examples = readExamples(ruleNode, fail);
      rules.push({
        id: fullId,
        category: merged.category,
        kind: merged.kind,
        severity: merged.severity ?? 'warning',
        detector,
        message: requireString(ruleNode, 'message', fail),
        explanation: merged.explanation,
        question: merged.question,
        suggestion: optionalString(ruleNode, 'suggestion', fail),
        match,
        exceptions: stringList(ruleNode, 'exceptions', fail),
        inflect: merged.inflect ?? true,
        caseSensitive: merged.caseSensitive ?? false,
        notBefore: merged.notBefore ?? [],
        notAfter: merged.notAfter ?? [],
        voice: merged.voice ?? 'any',
        examples,
        options: merged.options ?? {},
        source: `${file}:${lineOf(ruleNode)}`,
      });
    }
  }
  return rules;
}

type Fail = (node: YamlNode | null | undefined, problem: string) => never;

function checkKeys(map: YAMLMap, allowed: Set<string>, what: string, fail: Fail): void {
  const { isScalar } = yaml();
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!allowed.has(key)) fail(pair.key as YamlNode, `unknown ${what} field "${key}" (allowed: ${[...allowed].join(', ')})`);
  }
}

function readInherited(map: YAMLMap, fail: Fail): Inherited {
  const { isMap } = yaml();
  const node = (key: string) => map.get(key, true) as YamlNode | undefined;
  const category = optionalString(map, 'category', fail);
  if (category !== null && !(CATEGORIES as readonly string[]).includes(category)) {
    fail(node('category'), `category "${category}" is not one of ${CATEGORIES.join(', ')}`);
  }
  const severity = optionalString(map, 'severity', fail);
  if (severity !== null && !(SEVERITIES as readonly string[]).includes(severity)) {
    fail(node('severity'), `severity "${severity}" is not one of ${SEVERITIES.join(', ')}`);
  }
  const voice = optionalString(map, 'voice', fail);
  if (voice !== null && voice !== 'any' && voice !== 'outlet') fail(node('voice'), 'voice must be "any" or "outlet"');
  const kind = optionalString(map, 'kind', fail);
  if (kind !== null && !/^[a-z][a-z0-9-]*$/.test(kind)) fail(node('kind'), `kind "${kind}" must be kebab-case`);
  const options = map.get('options', true);
  if (options !== undefined && !isMap(options)) fail(options as YamlNode, '`options` must be a mapping');
  return {
    category: (category ?? undefined) as Category | undefined,
    severity: (severity ?? undefined) as Severity | undefined,
    voice: (voice ?? undefined) as 'any' | 'outlet' | undefined,
    kind: kind ?? undefined,
    detector: optionalString(map, 'detector', fail) ?? undefined,
    explanation: optionalString(map, 'explanation', fail)?.trim() ?? undefined,
    question: optionalString(map, 'question', fail)?.trim() ?? undefined,
    inflect: optionalBoolean(map, 'inflect', fail),
    caseSensitive: optionalBoolean(map, 'caseSensitive', fail),
    notBefore: map.has('notBefore') ? stringList(map, 'notBefore', fail) : undefined,
    notAfter: map.has('notAfter') ? stringList(map, 'notAfter', fail) : undefined,
    options: isMap(options) ? (options.toJSON() as Record<string, unknown>) : undefined,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function requireString(map: YAMLMap, key: string, fail: Fail): string {
  const value = optionalString(map, key, fail);
  if (value === null || value.trim() === '') return fail(map, `missing required field "${key}"`);
  return value.trim();
}

function optionalString(map: YAMLMap, key: string, fail: Fail): string | null {
  const { isScalar } = yaml();
  const node = map.get(key, true) as YamlNode | undefined;
  if (node === undefined) return null;
  if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
    return fail(node, `"${key}" must be text`);
  }
  return String(node.value);
}

function optionalBoolean(map: YAMLMap, key: string, fail: Fail): boolean | undefined {
  const { isScalar } = yaml();
  const node = map.get(key, true) as YamlNode | undefined;
  if (node === undefined) return undefined;
  if (!isScalar(node) || typeof node.value !== 'boolean') return fail(node, `"${key}" must be true or false`);
  return node.value;
}

function stringList(map: YAMLMap, key: string, fail: Fail): string[] {
  const { isScalar, isSeq } = yaml();
  const node = map.get(key, true) as YamlNode | undefined;
  if (node === undefined) return [];
  if (!isSeq(node)) return fail(node, `"${key}" must be a list`);
  return node.items.map((item) => {
    if (!isScalar(item) || (typeof item.value !== 'string' && typeof item.value !== 'number') || String(item.value).trim() === '') {
      return fail(item as YamlNode, `every entry of "${key}" must be non-empty text`);
    }
    return String(item.value);
  });
}

function readExamples(map: YAMLMap, fail: Fail): { flag: string[]; pass: string[] } {
  const { isMap, isScalar } = yaml();
  const node = map.get('examples', true) as YamlNode | undefined;
  if (node === undefined) return { flag: [], pass: [] };
  if (!isMap(node)) return fail(node, '`examples` must be a mapping with `flag` and `pass` lists');
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'flag' && key !== 'pass') fail(pair.key as YamlNode, `unknown examples field "${key}" (flag, pass)`);
  }
  return { flag: stringList(node, 'flag', fail), pass: stringList(node, 'pass', fail) };
}
