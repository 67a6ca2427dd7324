import type { Command } from 'commander';
import { effectiveRuleSet } from '../config/apply.js';
import { displayPath, resolveConfig } from '../config/load.js';
import { DEFAULT, type ResolvedConfig, type Sourced } from '../config/types.js';
import { builtinRulesDir } from '../paths.js';
import type { Severity } from '../rules/types.js';
import { FORMATS } from './analyze-command.js';
import { sanitizeLine } from '../render/sanitize.js';

/** The options every command reads its config from (defined on the program). */
export interface ConfigFlags {
  config?: string | false;
  rules?: string[];
  disable?: string[];
  allow?: string[];
  failOn?: Severity;
  format?: string;
}

/**
 * The settings in effect for this run: the config file (found upwards from the current folder,
 * `--config FILE`, or none with `--no-config`), then the program's command-line flags on top.
 * `extra` holds a subcommand's own flags (its `--rules`, `--config`).
 */
export function configFromProgram(program: Command, extra: { rules?: string[]; config?: string | false } = {}): ResolvedConfig {
  const opts = program.opts<ConfigFlags>();
  const given = (name: string) => program.getOptionValueSource(name) === 'cli';
  return resolveConfig({
    cwd: process.cwd(),
    config: extra.config ?? opts.config,
    rules: [...(opts.rules ?? []), ...(extra.rules ?? [])],
    disable: opts.disable ?? [],
    allow: opts.allow ?? [],
    format: given('format') ? opts.format : undefined,
    failOn: given('failOn') ? opts.failOn : undefined,
    formats: FORMATS,
    defaultFormat: 'terminal',
  });
}

/** `slant config`: every setting in effect and where it came from. */
export function renderConfig(config: ResolvedConfig, format: 'terminal' | 'json'): string {
  const ruleSet = effectiveRuleSet(config);
  if (format === 'json') {
    return `${JSON.stringify({
      file: config.file,
      format: config.format,
      failOn: config.failOn,
      rules: [{ value: builtinRulesDir(), source: DEFAULT }, ...config.rules],
      disable: config.disable.map((d) => ({ value: d.value.text, source: d.source })),
      severity: config.severity.map((s) => ({ value: { rule: s.value.selector.text, severity: s.value.severity }, source: s.source })),
      allow: config.allow,
      allowFiles: config.allowFiles,
      rulesInEffect: ruleSet.rules.length,
    }, null, 2)}\n`;
  }
  const rows: Array<[string, string, string]> = [];
  const add = (name: string, entries: Array<Sourced<string>>) => {
    entries.forEach((e, i) => rows.push([i === 0 ? name : '', sanitizeLine(e.value), sanitizeLine(e.source)]));
  };
  add('format', [config.format]);
  add('failOn', [{ value: config.failOn.value ?? '(never)', source: config.failOn.source }]);
  add('rules', [{ value: `${displayPath(builtinRulesDir(), process.cwd())} (built-in)`, source: DEFAULT }, ...config.rules]);
  add('disable', config.disable.length > 0 ? config.disable.map((d) => ({ value: d.value.text, source: d.source })) : [{ value: '(nothing)', source: DEFAULT }]);
  add('severity', config.severity.length > 0
    ? config.severity.map((s) => ({ value: `${s.value.selector.text} → ${s.value.severity}`, source: s.source }))
    : [{ value: '(as the rules say)', source: DEFAULT }]);
  add('allowlist', config.allowFiles);
  add('allow', config.allow.length > 0 ? config.allow.map((a) => ({ value: JSON.stringify(a.value), source: a.source })) : [{ value: '(nothing)', source: DEFAULT }]);
  const nameWidth = Math.max(...rows.map((r) => r[0].length));
  const valueWidth = Math.min(48, Math.max(...rows.map((r) => r[1].length)));
  const lines = [`config file: ${config.file === null ? '(none)' : sanitizeLine(config.file)}`, ''];
  for (const [name, value, source] of rows) lines.push(`${name.padEnd(nameWidth)}  ${value.padEnd(valueWidth)}  ${source}`);
  lines.push('', `${ruleSet.rules.length} rules in effect`);
  return `${lines.join('\n')}\n`;
}
