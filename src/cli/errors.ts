import { formatProblem, type Problem } from '../core/problem.js';

export const EXIT = { ok: 0, belowBar: 1, badInput: 2, bug: 70 } as const;

/** An error the user can act on: its message is printed as is, with no stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.badInput,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Wrong flags, arguments or ids: exit 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.badInput);
    this.name = 'UsageError';
  }
}

/** Input files with problems, each at its file, line and column: exit 2. */
export class ProblemsError extends CliError {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'), EXIT.badInput);
    this.name = 'ProblemsError';
  }
}
