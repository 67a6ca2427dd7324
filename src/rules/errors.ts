import { UserError } from '../input/errors.js';

/** A rule pack problem, reported as `file:LINE: what is wrong`. */
export class RuleError extends UserError {
  constructor(readonly file: string, readonly line: number, problem: string) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'RuleError';
  }
}
