import { UsageError } from '../errors.js';
import { openBank } from '../bank.js';
import { toInertJson } from '../../core/text/sanitize.js';
import { println } from '../context.js';
import type { DefineCommand } from './index.js';

export const defineNext: DefineCommand = (program, ctx) =>
  program
    .command('next')
    .description('what to practise next: questions due for review (FSRS spaced repetition), weighted towards your weakest concepts')
    .option('-n, --count <n>', 'how many suggestions', parseCount, 3)
    .option('--json', 'print the suggestions as JSON')
    .addHelpText(
      'after',
      `
Each attempt's score rates the question as a review (below 50: again, 70: hard, 85: good, else easy).
"mlsd drill --next" starts the first suggestion.

Examples:
  $ mlsd next
  $ mlsd next -n 5 --json`,
    )
    .action(async (options: { count: number; json?: boolean }) => {
      const [{ planNext }, { conceptsById }, { renderNext }, { readHistory }] = await Promise.all([
        import('../../core/progress/schedule.js'),
        import('../../core/progress/stats.js'),
        import('../../report/progress.js'),
        import('../history.js'),
      ]);
      const [{ bank }, records] = await Promise.all([openBank(ctx), readHistory(ctx)]);
      const suggestions = planNext(records, bank, Date.now()).slice(0, options.count);
      if (options.json) {
        println(ctx.stdout, toInertJson(suggestions, 2));
        return;
      }
      const labels = new Map([...conceptsById(bank)].map(([id, item]) => [id, item.label]));
      println(ctx.stdout, renderNext(suggestions, labels, ctx.color));
    });

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 100) throw new UsageError(`--count takes a whole number from 1 to 100, not "${value}"`);
  return count;
}
