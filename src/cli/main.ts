import { Command, CommanderError, Option } from 'commander';
import { UserError } from '../input/errors.js';
import { loadRuleSet } from '../rules/load.js';
import { SEVERITIES, type Severity } from '../rules/types.js';
import { FORMATS, runAnalyze, type Format } from './analyze-command.js';
import { installPipeGuard, warn, write } from './output.js';
import { renderRuleList } from './rules-command.js';
import { packageVersion } from './version.js';

interface GlobalOptions {
  format: Format;
  rules: string[];
  failOn?: Severity;
  color?: boolean;
  explain?: boolean;
  width?: string;
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
    .option('--color', 'force colour')
    .option('--no-color', 'never colour')
    .showHelpAfterError('(run slant --help for usage)')
    .enablePositionalOptions()
    .action(async (inputs: string[], opts: GlobalOptions) => {
      if (inputs.length === 0 && process.stdin.isTTY) {
        process.stderr.write(program.helpInformation());
        process.exitCode = 2;
        return;
      }
      const width = opts.width === undefined ? undefined : Number(opts.width);
      if (width !== undefined && (!Number.isInteger(width) || width < 20)) throw new UserError('--width must be a whole number of at least 20');
      process.exitCode = await runAnalyze(inputs, {
        format: opts.format,
        failOn: opts.failOn,
        color: opts.color,
        explain: opts.explain ?? false,
        width,
        rules: loadRuleSet(opts.rules),
      });
    });

  program
    .command('rules')
    .description('list the rules in effect')
    .option('--rules <dir>', 'add a folder of rule packs (repeatable)', collect, [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['terminal', 'json']).default('terminal'))
    .action(async (opts: { rules: string[]; format: string }) => {
      const parent = program.opts<GlobalOptions>();
      const ruleSet = loadRuleSet([...parent.rules, ...opts.rules]);
      await write(renderRuleList(ruleSet, opts.format === 'json' ? 'json' : 'terminal'));
    });
  return program;
}

export async function main(argv: string[]): Promise<void> {
  installPipeGuard();
  const program = buildProgram();
  program.exitOverride();
  program.configureOutput({
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
