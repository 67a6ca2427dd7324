/** An error the user caused (bad input, bad flag, bad rule file): printed as one line, exit 2. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'UserError';
  }
}
