import type { Bank, BankQuestion } from '../core/bank.js';
import { formatProblem } from '../core/problem.js';
import { didYouMean } from '../core/suggest.js';
import type { LoadedBank } from '../io/bank-loader.js';
import { println, type Context } from './context.js';
import { EXIT, UsageError } from './errors.js';

/**
 * Loads the bank for a command that reads it. Problems are printed, one per line, and make the
 * command end with exit code 2; whatever loaded cleanly is still used. The loader (and the
 * schema library behind it) is imported here, on first use, so `--help` never pays for it.
 */
export async function openBank(ctx: Context): Promise<LoadedBank> {
  const { loadBank } = await import('../io/bank-loader.js');
  const loaded = await loadBank(ctx.bankDirs, ctx.cwd);
  for (const problem of loaded.problems) println(ctx.stderr, ctx.errorColor.red(formatProblem(problem)));
  if (loaded.problems.length > 0) ctx.exitCode = EXIT.badInput;
  return loaded;
}

export function requireQuestion(bank: Bank, id: string): BankQuestion {
  const found = bank.questions.find((entry) => entry.question.id === id);
  if (found) return found;
  const ids = bank.questions.map((entry) => entry.question.id);
  const close = didYouMean(id, ids);
  const shown = ids.slice(0, 5).join(', ') + (ids.length > 5 ? ', …' : '');
  const suggestion = close !== '' ? close : ` (try one of: ${shown})`;
  throw new UsageError(`no question "${id}" in the bank${suggestion}; "mlsd list" shows them all`);
}
