import { join } from 'node:path';
import type { Bank, BankQuestion } from '../core/bank.js';
import { formatProblem } from '../core/problem.js';
import { didYouMean } from '../core/suggest.js';
import type { QuestionSummary } from '../core/question-filter.js';
import { bankCacheKey, readAliasKeys, readBankCache, readQuestionIndex, writeBankCache, type AliasKeys } from '../io/bank-cache.js';
import { bankDirs, findBankFiles } from '../io/bank-files.js';
import type { LoadedBank } from '../io/bank-loader.js';
import { cacheDir } from '../io/data-dir.js';
import { println, type Context } from './context.js';
import { EXIT, UsageError } from './errors.js';
import { VERSION } from './version.js';

/**
 * Loads the bank for a command that reads it. Problems are printed, one per line, and make the
 * command end with exit code 2; whatever loaded cleanly is still used. A bank that loaded cleanly
 * is cached (bank-cache.ts), and the YAML loader and schema library behind it are imported only
 * when the cache misses, so most starts never pay for them. `fresh` always parses: for validate.
 * A cached bank comes with `cachedAliasKeys`, which reads the keys of its aliases kept beside it,
 * for a command that compiles many matchers. MLSD_CACHE=0 turns the cache off.
 */
export async function openBank(ctx: Context, { fresh = false }: { fresh?: boolean } = {}): Promise<LoadedBank & { cachedAliasKeys?: () => AliasKeys | null }> {
  const { dirs, files, cachePath, stamp } = locateBank(ctx, fresh);
  const cached = stamp ? readBankCache(cachePath, stamp.key) : null;
  if (cached) return { bank: cached, problems: [], dirs, cachedAliasKeys: () => readAliasKeys(cachePath, stamp!.key) };
  const { readBank } = await import('../io/bank-loader.js');
  const loaded = await readBank(files, dirs, ctx.cwd);
  for (const problem of loaded.problems) println(ctx.stderr, ctx.errorColor.red(formatProblem(problem)));
  if (loaded.problems.length > 0) ctx.exitCode = EXIT.badInput;
  else if (stamp?.settled) await writeBankCache(cachePath, stamp.key, loaded.bank);
  return loaded;
}

/** The questions as `mlsd list` shows them: from the cache's index when it is fresh, else from the whole bank. */
export async function openQuestionIndex(ctx: Context): Promise<{ question: QuestionSummary }[]> {
  const { cachePath, stamp } = locateBank(ctx, false);
  const index = stamp ? readQuestionIndex(cachePath, stamp.key) : null;
  if (index) return index.map((question) => ({ question }));
  return (await openBank(ctx)).bank.questions;
}

function locateBank(ctx: Context, fresh: boolean) {
  const dirs = bankDirs(ctx.bankDirs, ctx.cwd);
  const files = findBankFiles(dirs);
  const useCache = !fresh && ctx.env.MLSD_CACHE !== '0';
  const cachePath = join(cacheDir(ctx.env, ctx.cwd), 'bank.json');
  return { dirs, files, cachePath, stamp: useCache ? bankCacheKey(files, ctx.cwd, VERSION) : null };
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
