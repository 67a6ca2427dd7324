import type { Severity } from '../rules/types.js';

/** Names of the config files looked for in each folder, in this order (then `package.json`'s `slant` field). */
export const CONFIG_FILES = ['.slantrc.json', '.slantrc.yaml', '.slantrc.yml'] as const;

export const CONFIG_KEYS = ['rules', 'disable', 'severity', 'allow', 'format', 'failOn'] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

export const COMMAND_LINE = 'command line';
export const DEFAULT = 'default';

/** A value and where it came from: `file:line`, "command line" or "default". */
export interface Sourced<T> {
  value: T;
  source: string;
}

/** One entry of `disable` or a key of `severity`: a rule id, `kind:<kind>` or `category:<category>`. */
export interface RuleSelector {
  type: 'rule' | 'kind' | 'category';
  name: string;
  /** As written, for messages. */
  text: string;
}

/** What a config file says, already checked for shape (paths resolved against the file's folder). */
export interface FileConfig {
  /** The file as shown to the user (relative to the current folder when inside it). */
  file: string;
  rules: Sourced<string>[];
  disable: Sourced<RuleSelector>[];
  severity: Sourced<{ selector: RuleSelector; severity: Severity }>[];
  allow: Sourced<string>[];
  allowFiles: Sourced<string>[];
  format?: Sourced<string>;
  failOn?: Sourced<Severity>;
}

/** The settings in effect: config file, then command line on top (lists add up, single values are replaced). */
export interface ResolvedConfig {
  /** The config file in use, or null (none found, or `--no-config`). */
  file: string | null;
  /** Rule pack folders in load order (a later rule with the same id replaces an earlier one). */
  rules: Sourced<string>[];
  disable: Sourced<RuleSelector>[];
  severity: Sourced<{ selector: RuleSelector; severity: Severity }>[];
  /** Phrases never flagged (compared case-insensitively with a finding's text). */
  allow: Sourced<string>[];
  /** The allowlist files the phrases were read from. */
  allowFiles: Sourced<string>[];
  format: Sourced<string>;
  failOn: Sourced<Severity | null>;
}

/** The command line's part, before merging. */
export interface CommandLineConfig {
  cwd: string;
  /** `--config FILE`, `--no-config` (false), or neither (undefined: search upwards from cwd). */
  config?: string | false;
  rules: string[];
  disable: string[];
  allow: string[];
  /** Only when given on the command line. */
  format?: string;
  failOn?: Severity;
  /** The formats the CLI knows (checked for `format` in a config file). */
  formats: readonly string[];
  defaultFormat: string;
}
