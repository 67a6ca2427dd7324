import { Command, Option } from 'commander';
import { analyze } from '../analyze.js';
import { fsPromises } from '../builtins.js';
import { grade, GradeError } from '../classroom/grade.js';
import { UserError } from '../input/errors.js';
import { decodeText } from '../input/decode.js';
import { readInput, readStdinText, STDIN_NAME } from '../input/read.js';
import { renderGradeJson, renderGradeText } from '../render/grade.js';
import { write } from './output.js';
import type { ClassroomContext } from './worksheet-command.js';

/**
 * `slant grade article.txt student.txt`: compare the phrases a student marked with [[...]] in
 * their copy of the article with slant's findings. Bad markup or a changed text: one line, exit 2.
 */
export function gradeCommand(ctx: ClassroomContext): Command {
  return new Command('grade')
    .description('grade a student\'s marked-up copy ([[phrase]] or [[phrase|loaded]]) against slant\'s findings')
    .argument('<article>', 'the article as given to the student')
    .argument('<student>', 'the student\'s copy with [[...]] marks ("-" for standard input)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['terminal', 'json']).default('terminal'))
    .option('--width <columns>', 'wrap the text at this width', '80')
    .option('--rules <dir>', 'add a folder of rule packs (repeatable)', (v: string, p: string[]) => [...p, v], [])
    .action(async (articlePath: string, studentPath: string, opts: { format: 'terminal' | 'json'; width: string; rules: string[] }) => {
      const width = Number(opts.width);
      if (!Number.isInteger(width) || width < 40) throw new UserError('--width must be a whole number of at least 40');
      if (articlePath === '-' && studentPath === '-') throw new UserError('only one of the two inputs can be standard input');
      const rules = ctx.rules(opts.rules);
      const article = await readInput(articlePath);
      const student = await readStudent(studentPath);
      const report = analyze(article.text, { name: article.name, rules, page: article.page, allow: ctx.allow() });
      const explanations = new Map(rules.rules.map((r) => [r.id, r.explanation]));
      let result;
      try {
        result = grade(report, student.text, { articleName: article.name, studentName: student.name, explanations });
      } catch (error) {
        if (error instanceof GradeError) throw new UserError(error.message);
        throw error;
      }
      await write(opts.format === 'json' ? renderGradeJson(result) : renderGradeText(result, width));
    });
}

/** The student's copy is read as text, never as HTML: its markup is ours to parse. */
async function readStudent(path: string): Promise<{ name: string; text: string }> {
  if (path === '-') return { name: STDIN_NAME, text: readStdinText() };
  let bytes: Uint8Array;
  try {
    bytes = await fsPromises().readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : 'cannot be read'}`);
  }
  return { name: path, text: decodeText(bytes, path) };
}
