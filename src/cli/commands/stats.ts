import { openBank } from '../bank.js';
import { toInertJson } from '../../core/text/sanitize.js';
import { println } from '../context.js';
import type { DefineCommand } from './index.js';

export const defineStats: DefineCommand = (program, ctx) =>
  program
    .command('stats')
    .description('your progress: per-step averages and trends, the concepts you miss most, pacing, questions never tried')
    .option('--json', 'print the statistics as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ mlsd stats
  $ mlsd stats --json`,
    )
    .action(async (options: { json?: boolean }) => {
      const [{ computeStats }, { renderStats }, { readHistory }] = await Promise.all([
        import('../../core/progress/stats.js'),
        import('../../report/progress.js'),
        import('../history.js'),
      ]);
      const [{ bank }, records] = await Promise.all([openBank(ctx), readHistory(ctx)]);
      const stats = computeStats(records, bank);
      println(ctx.stdout, options.json ? toInertJson(stats, 2) : renderStats(stats, ctx.color));
    });
