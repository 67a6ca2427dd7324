import { Command, Option } from 'commander';
import { analyzeDocument } from '../analyze.js';
import { buildWorksheet } from '../classroom/worksheet.js';
import { UserError } from '../input/errors.js';
import { readInput } from '../input/read.js';
import { renderWorksheetHtml, renderWorksheetMarkdown } from '../render/worksheet.js';
import type { RuleSet } from '../rules/types.js';
import { checkOutputTarget, writeFileAtomic } from './output-file.js';
import { write } from './output.js';

export interface ClassroomContext {
  /** The rules in effect (config, --disable and the given extra folders applied). */
  rules(extraDirs: string[]): RuleSet;
  /** Allowlisted phrases from the config. */
  allow(): readonly string[];
}

/** `slant worksheet article.txt`: a printable exercise without the answers; `--key FILE` writes them as JSON. */
export function worksheetCommand(ctx: ClassroomContext): Command {
  return new Command('worksheet')
    .description('make a printable exercise from an article (numbered lines, instructions, questions; no answers)')
    .argument('<article>', 'the article: a file, a URL, or "-" for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['html', 'markdown']).default('html'))
    .option('--key <file>', 'also write the answer key (findings with worksheet line numbers) as JSON to FILE')
    .option('-o, --output <file>', 'write the worksheet to FILE instead of standard output')
    .option('--rules <dir>', 'add a folder of rule packs (repeatable)', (v: string, p: string[]) => [...p, v], [])
    .action(async (path: string, opts: { format: 'html' | 'markdown'; key?: string; output?: string; rules: string[] }) => {
      const keyTarget = opts.key === undefined ? null : checkOutputTarget(opts.key, [path]);
      const target = opts.output === undefined ? null : checkOutputTarget(opts.output, [path]);
      if (keyTarget !== null && keyTarget === target) throw new UserError('--key and --output name the same file');
      const rules = ctx.rules(opts.rules);
      const input = await readInput(path);
      const { report, paragraphs } = analyzeDocument(input.text, { name: input.name, rules, page: input.page, allow: ctx.allow() });
      const explanations = new Map(rules.rules.map((r) => [r.id, r.explanation]));
      const { worksheet, key } = buildWorksheet(report, paragraphs, { explanations });
      const text = opts.format === 'markdown' ? renderWorksheetMarkdown(worksheet) : renderWorksheetHtml(worksheet);
      if (keyTarget !== null) await writeFileAtomic(keyTarget, `${JSON.stringify(key, null, 2)}\n`, opts.key);
      if (target !== null) await writeFileAtomic(target, text, opts.output);
      else await write(text);
    });
}
