import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Node as YamlNode, YAMLMap } from 'yaml';
import { decodeText } from '../input/decode.js';
import { UserError } from '../input/errors.js';
import { CATEGORIES, SEVERITIES, type Severity } from '../rules/types.js';
import {
  COMMAND_LINE, CONFIG_FILES, CONFIG_KEYS, DEFAULT,
  type CommandLineConfig, type FileConfig, type ResolvedConfig, type RuleSelector, type Sourced,
} from './types.js';

/** A config problem: `FILE:LINE: what is wrong` (or `FILE: what is wrong` when no line applies); exit 2. */
export class ConfigError extends UserError {
  constructor(readonly file: string, readonly line: number | null, problem: string) {
    super(line ? `${file}:${line}: ${problem}` : `${file}: ${problem}`);
    this.name = 'ConfigError';
  }
}

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;
function yaml(): YamlModule {
  yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return yamlModule;
}

/** A path as shown to the user: relative to the current folder when inside it, absolute otherwise. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? basename(path) : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/**
 * The config file for a folder: walk up from `cwd` and stop at the first folder that has a
 * `.slantrc.json`, `.slantrc.yaml`, `.slantrc.yml` or a `package.json` with a `slant` field.
 */
export function findConfigFile(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const candidate = join(dir, name);
      if (isFile(candidate)) return candidate;
    }
    const pkg = join(dir, 'package.json');
    if (isFile(pkg) && packageHasSlantField(pkg)) return pkg;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function packageHasSlantField(path: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return typeof pkg === 'object' && pkg !== null && !Array.isArray(pkg) && 'slant' in pkg;
  } catch {
    // Someone else's broken package.json is not a slant config.
    return false;
  }
}

interface ParsedConfig {
  map: YAMLMap | null;
  lineOf(node: YamlNode | null | undefined): number | null;
}

/** Parse a config file (JSON, YAML, or package.json's `slant` field) into YAML nodes that know their lines. */
function parseConfigText(text: string, path: string, shown: string): ParsedConfig {
  const { LineCounter, parseDocument, isMap } = yaml();
  const isJson = /\.json$/i.test(path);
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  if (isJson) {
    try {
      JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const at = /position (\d+)/.exec(message);
      const line = /line (\d+)/.exec(message)?.[1];
      throw new ConfigError(shown, line ? Number(line) : at ? lineAt(Number(at[1])) : null, `not valid JSON (${message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')})`);
    }
  }
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: YamlNode | null | undefined) => (node?.range ? lineAt(node.range[0]) : null);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new ConfigError(shown, lineAt(e.pos[0]), `${isJson ? 'JSON' : 'YAML'}: ${e.message.split('\n')[0]}`);
  }
  let root = doc.contents as YamlNode | null;
  if (basename(path) === 'package.json') {
    if (!isMap(root) || !root.has('slant')) throw new ConfigError(shown, null, 'has no "slant" field');
    root = root.get('slant', true) as YamlNode;
    if (!isMap(root)) throw new ConfigError(shown, lineOf(root), 'the "slant" field must be an object');
    return { map: root, lineOf };
  }
  if (root === null || root === undefined) return { map: null, lineOf };
  const value = (root as YamlNode).toJSON?.() as unknown;
  if (value === null) return { map: null, lineOf };
  if (!isMap(root)) throw new ConfigError(shown, lineOf(root), `a config file is ${isJson ? 'an object' : 'a mapping'} of settings (${CONFIG_KEYS.join(', ')})`);
  return { map: root, lineOf };
}

/** Parse a rule selector: a rule id, `kind:<kind>` or `category:<category>`. Returns an error text when bad. */
export function parseSelector(text: string): RuleSelector | string {
  const t = text.trim();
  const m = /^(kind|category):(.*)$/.exec(t);
  if (m) {
    const name = m[2].trim();
    if (name === '') return `"${t}" names no ${m[1]}`;
    if (m[1] === 'category' && !(CATEGORIES as readonly string[]).includes(name)) {
      return `unknown category "${name}" (one of ${CATEGORIES.join(', ')})`;
    }
    return { type: m[1] as 'kind' | 'category', name, text: t };
  }
  if (t === '' || /\s/.test(t)) return `"${t}" is not a rule id (or kind:<kind>, category:<category>)`;
  return { type: 'rule', name: t, text: t };
}

/** Read an allowlist: one phrase per line; blank lines and `#` comments are ignored. */
export function readAllowlist(path: string, shown: string, fail: (problem: string) => never): Sourced<string>[] {
  let bytes: Uint8Array;
  try {
    if (statSync(path).isDirectory()) fail(`allowlist "${shown}" is a directory`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof UserError) throw error;
    return fail(`allowlist "${shown}" not found`);
  }
  const text = decodeText(bytes, shown);
  const out: Sourced<string>[] = [];
  text.split('\n').forEach((raw, i) => {
    const phrase = raw.replace(/(^|\s)#.*$/, '').trim();
    if (phrase !== '') out.push({ value: phrase, source: `${shown}:${i + 1}` });
  });
  return out;
}

/** Read and check one config file. Paths in it are resolved against its folder. */
export function readConfigFile(path: string, options: { cwd: string; formats: readonly string[] }): FileConfig {
  const { isMap, isSeq, isScalar } = yaml();
  const shown = displayPath(path, options.cwd);
  let bytes: Uint8Array;
  try {
    if (statSync(path).isDirectory()) throw new ConfigError(shown, null, 'is a directory, not a config file');
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new ConfigError(shown, null, 'no such config file');
  }
  const { map, lineOf } = parseConfigText(decodeText(bytes, shown), path, shown);
  const config: FileConfig = { file: shown, rules: [], disable: [], severity: [], allow: [], allowFiles: [] };
  if (!map) return config;
  const folder = dirname(path);
  const fail = (node: YamlNode | null | undefined, problem: string): never => {
    throw new ConfigError(shown, lineOf(node), problem);
  };
  const source = (node: YamlNode | null | undefined) => {
    const line = lineOf(node);
    return line ? `${shown}:${line}` : shown;
  };
  /** A string or a list of strings, each with its node. */
  const strings = (node: YamlNode, key: string): Array<[string, YamlNode]> => {
    const items = isSeq(node) ? (node.items as YamlNode[]) : [node];
    return items.map((item) => {
      if (!isScalar(item) || typeof item.value !== 'string') return fail(item, `"${key}" must be a string or a list of strings`);
      return [item.value, item];
    });
  };

  for (const pair of map.items) {
    const keyNode = pair.key as YamlNode;
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    const node = (pair.value ?? keyNode) as YamlNode;
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      fail(keyNode, `unknown setting "${key}" (known: ${CONFIG_KEYS.join(', ')})`);
    }
    if (pair.value === null || (isScalar(node) && node.value === null)) fail(keyNode, `"${key}" has no value`);
    switch (key) {
      case 'rules':
        for (const [dir, item] of strings(node, key)) {
          const abs = resolve(folder, dir);
          let isDir = false;
          try {
            isDir = statSync(abs).isDirectory();
          } catch {
            fail(item, `rules folder "${dir}" not found (looked for ${abs})`);
          }
          if (!isDir) fail(item, `rules: "${dir}" is not a folder of rule packs`);
          config.rules.push({ value: abs, source: source(item) });
        }
        break;
      case 'disable':
        for (const [text, item] of strings(node, key)) {
          const selector = parseSelector(text);
          if (typeof selector === 'string') fail(item, `disable: ${selector}`);
          else config.disable.push({ value: selector, source: source(item) });
        }
        break;
      case 'severity': {
        if (!isMap(node)) fail(node, '"severity" must map rule ids (or kind:<kind>, category:<category>) to info, warning or error');
        for (const entry of (node as YAMLMap).items) {
          const k = entry.key as YamlNode;
          const v = entry.value as YamlNode | null;
          const selector = parseSelector(isScalar(k) ? String(k.value) : '');
          if (typeof selector === 'string') fail(k, `severity: ${selector}`);
          const level = isScalar(v) ? v.value : undefined;
          if (typeof level !== 'string' || !(SEVERITIES as readonly string[]).includes(level)) {
            fail(v ?? k, `severity of "${(selector as RuleSelector).text}" must be one of ${SEVERITIES.join(', ')}`);
          }
          config.severity.push({ value: { selector: selector as RuleSelector, severity: level as Severity }, source: source(k) });
        }
        break;
      }
      case 'allow':
        if (isScalar(node) && typeof node.value === 'string') {
          const abs = resolve(folder, node.value);
          const listShown = displayPath(abs, options.cwd);
          config.allowFiles.push({ value: listShown, source: source(node) });
          config.allow.push(...readAllowlist(abs, listShown, (problem) => fail(node, `allow: ${problem}`)));
        } else if (isSeq(node)) {
          for (const [phrase, item] of strings(node, key)) {
            if (phrase.trim() === '') fail(item, 'allow: an empty phrase');
            config.allow.push({ value: phrase.trim(), source: source(item) });
          }
        } else {
          fail(node, '"allow" must be a list of phrases or the path of an allowlist file');
        }
        break;
      case 'format': {
        const value = isScalar(node) ? node.value : undefined;
        if (typeof value !== 'string' || !options.formats.includes(value)) fail(node, `"format" must be one of ${options.formats.join(', ')}`);
        config.format = { value: value as string, source: source(node) };
        break;
      }
      case 'failOn': {
        const value = isScalar(node) ? node.value : undefined;
        if (typeof value !== 'string' || !(SEVERITIES as readonly string[]).includes(value)) fail(node, `"failOn" must be one of ${SEVERITIES.join(', ')}`);
        config.failOn = { value: value as Severity, source: source(node) };
        break;
      }
    }
  }
  return config;
}

/** The settings in effect: the config file (unless `--no-config`), then the command line on top. */
export function resolveConfig(cli: CommandLineConfig): ResolvedConfig {
  let file: FileConfig | null = null;
  if (typeof cli.config === 'string') {
    const abs = resolve(cli.cwd, cli.config);
    if (!existsSync(abs)) throw new UserError(`--config ${cli.config}: no such file`);
    file = readConfigFile(abs, cli);
  } else if (cli.config !== false) {
    const found = findConfigFile(cli.cwd);
    if (found) file = readConfigFile(found, cli);
  }

  const disable = [...(file?.disable ?? [])];
  for (const arg of cli.disable.flatMap((d) => d.split(','))) {
    const selector = parseSelector(arg);
    if (typeof selector === 'string') throw new UserError(`--disable ${arg}: ${selector}`);
    disable.push({ value: selector, source: COMMAND_LINE });
  }
  const allow = [...(file?.allow ?? [])];
  const allowFiles = [...(file?.allowFiles ?? [])];
  for (const arg of cli.allow) {
    const abs = resolve(cli.cwd, arg);
    allowFiles.push({ value: arg, source: COMMAND_LINE });
    allow.push(...readAllowlist(abs, arg, (problem) => {
      throw new UserError(`--allow ${arg}: ${problem.replace(/^allowlist "[^"]*" /, '')}`);
    }));
  }
  if (cli.format !== undefined && !cli.formats.includes(cli.format)) {
    throw new UserError(`--format must be one of ${cli.formats.join(', ')}`);
  }

  return {
    file: file?.file ?? null,
    rules: [...(file?.rules ?? []), ...cli.rules.map((value) => ({ value, source: COMMAND_LINE }))],
    disable,
    severity: [...(file?.severity ?? [])],
    allow,
    allowFiles,
    format: cli.format !== undefined ? { value: cli.format, source: COMMAND_LINE } : file?.format ?? { value: cli.defaultFormat, source: DEFAULT },
    failOn: cli.failOn !== undefined ? { value: cli.failOn, source: COMMAND_LINE } : file?.failOn ?? { value: null, source: DEFAULT },
  };
}
