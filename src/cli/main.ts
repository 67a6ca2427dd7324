import { Command, CommanderError, Option } from 'commander';
import { UserError } from '../input/errors.js';
import { effectiveRuleSet } from '../config/apply.js';
import { loadRuleSet } from '../rules/load.js';
import { SEVERITIES, type Severity } from '../rules/types.js';
import { FORMATS, INPUT_FORMATS, runAnalyze, type Format, type InputFormat } from './analyze-command.js';
import { configFromProgram, renderConfig } from './config-command.js';
import { explainCommand } from './explain-command.js';
import { gradeCommand } from './grade-command.js';
import { worksheetCommand, type ClassroomContext } from './worksheet-command.js';
import { isCharacterDevice, warn, write, writeOut } from './output.js';
import { renderRuleList } from './rules-command.js';
import { renderSchema } from './schema-command.js';
import { packageVersion } from './version.js';

interface GlobalOptions {
  format: Format;
  rules: string[];
  failOn?: Severity;
  color?: boolean;
  explain?: boolean;
  width?: string;
  timeout?: string;
  output?: string;
  jobs?: string;
  recursive?: boolean;
  inputFormat?: InputFormat;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('slant')
    .description('Annotate a news article: loaded language, who is quoted and how, and where the piece comes from.\nFlags are prompts to think, not verdicts.')
    .version(packageVersion(), '-V, --version')
    .argument('[inputs...]', 'article files; "-" or nothing reads standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...FORMATS]).default('terminal'))
    .option('--rules <dir>', 'add a folder of rule packs (repeatable)', collect, [])
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity is found').choices([...SEVERITIES]))
    .option('--explain', 'print each finding\'s explanation and the question to ask')
    .option('--width <columns>', 'wrap the terminal report at this width')
    .option('--timeout <seconds>', 'give up fetching a URL after this many seconds', '15')
    .option('--color', 'force colour')
    .option('--no-color', 'never colour')
    .option('-o, --output <file>', 'write the report to FILE (atomically; never over an input)')
    .option('--config <file>', 'read settings from FILE instead of the .slantrc found upwards from here')
    .option('--no-config', 'ignore config files')
    .option('--disable <rule>', 'switch off a rule, kind:<kind> or category:<category> (repeatable)', collect, [])
    .option('--allow <file>', 'allowlist: phrases, one a line, that are never flagged (repeatable)', collect, [])
    .option('-r, --recursive', 'read the .txt, .md and .html files in folders given as inputs')
    .option('-j, --jobs <n>', 'analyse with N worker threads (output stays in input order)', '1')
    .addOption(new Option('--input-format <format>', 'inputs are plain text/HTML, or JSON Lines corpora of {"id", "text"}').choices([...INPUT_FORMATS]).default('auto'))
    .showHelpAfterError('(run slant --help for usage)')
    .enablePositionalOptions()
    .action(async (inputs: string[], opts: GlobalOptions) => {
      // Asked of the descriptor first: Node's stream for a pipe would load its net module (~2.5 ms).
      if (inputs.length === 0 && isCharacterDevice(0) && process.stdin.isTTY) {
        process.stderr.write(program.helpInformation());
        process.exitCode = 2;
        return;
      }
      const width = opts.width === undefined ? undefined : Number(opts.width);
      if (width !== undefined && (!Number.isInteger(width) || width < 20)) throw new UserError('--width must be a whole number of at least 20');
      const timeout = Number(opts.timeout ?? '15');
      if (!Number.isFinite(timeout) || timeout <= 0) throw new UserError('--timeout must be a number of seconds greater than 0');
      const jobs = Number(opts.jobs ?? '1');
      if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UserError('--jobs must be a whole number from 1 to 64');
      const config = configFromProgram(program);
      process.exitCode = await runAnalyze(inputs, {
        timeoutMs: Math.round(timeout * 1000),
        format: config.format.value as Format,
        failOn: config.failOn.value ?? undefined,
        color: opts.color,
        explain: opts.explain ?? false,
        width,
        // Only the built-in rules, unchanged: loaded when an input needs them (see JobContext).
        rules: config.rules.length === 0 && config.disable.length === 0 && config.severity.length === 0 ? null : effectiveRuleSet(config),
        allow: config.allow.map((a) => a.value),
        output: opts.output,
        jobs,
        recursive: opts.recursive ?? false,
        inputFormat: opts.inputFormat,
      });
    });

  program
    .command('rules')
    .description('list the rules in effect')
    .option('--rules <dir>', 'add a folder of rule packs (repeatable)', collect, [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['terminal', 'json']).default('terminal'))
    .action(async (opts: { rules: string[]; format: string }) => {
      const ruleSet = effectiveRuleSet(configFromProgram(program, { rules: opts.rules }));
      await write(renderRuleList(ruleSet, opts.format === 'json' ? 'json' : 'terminal'));
    });
  program
    .command('schema')
    .description('print the JSON Schema of the --format json report')
    .action(async () => {
      await write(renderSchema());
    });

  program
    .command('config')
    .description('print the settings in effect and where each one comes from')
    .option('--config <file>', 'read settings from FILE')
    .option('--no-config', 'ignore config files')
    .option('--json', 'print as JSON')
    .action(async (opts: { config?: string | false; json?: boolean }) => {
      await write(renderConfig(configFromProgram(program, { config: opts.config }), opts.json ? 'json' : 'terminal'));
    });

  // Classroom: explain a rule, make a worksheet, grade a student's marked-up copy.
  const classroom: ClassroomContext = {
    rules: (extra) => effectiveRuleSet(configFromProgram(program, { rules: extra })),
    allow: () => configFromProgram(program).allow.map((a) => a.value),
  };
  program.addCommand(explainCommand({ rules: (extra) => loadRuleSet(configFromProgram(program, { rules: extra }).rules.map((r) => r.value)) }));
  program.addCommand(worksheetCommand(classroom));
  program.addCommand(gradeCommand(classroom));
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.exitOverride();
  program.configureOutput({
    writeOut,
    writeErr: (s) => process.stderr.write(s),
    outputError: (s, writeErr) => writeErr(s.startsWith('error:') ? `slant: ${s}` : s),
  });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end "with an error" of code 0.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    if (error instanceof UserError) {
      warn(error.message);
      process.exitCode = error.exitCode;
      return;
    }
    warn(`internal error: ${error instanceof Error ? error.message : String(error)} (please report this with the input that caused it)`);
    if (process.env.SLANT_DEBUG) console.error(error);
    process.exitCode = 70;
  }
}
