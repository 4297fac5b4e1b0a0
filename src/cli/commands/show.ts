import { renderQuestion } from '../../report/question-view.js';
import { openBank, requireQuestion } from '../bank.js';
import { println } from '../context.js';
import type { DefineCommand } from './index.js';

interface ShowOptions {
  rubric?: boolean;
  json?: boolean;
}

export const defineShow: DefineCommand = (program, ctx) =>
  program
    .command('show')
    .description('print a question: its prompt, the plan of steps and their guiding questions')
    .argument('<id>', 'question id (see "mlsd list")')
    .option('-r, --rubric', 'also reveal the checklist, grouped by step')
    .option('--json', 'print the question and its whole checklist as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ mlsd show video-recommendation
  $ mlsd show fraud-detection --rubric
  $ mlsd show ad-click-prediction --json`,
    )
    .action(async (id: string, options: ShowOptions) => {
      const { bank } = await openBank(ctx);
      const entry = requireQuestion(bank, id);
      if (options.json) {
        println(ctx.stdout, JSON.stringify({ ...entry.question, checklist: entry.items }, null, 2));
        return;
      }
      println(ctx.stdout, renderQuestion(entry, ctx.color, { rubric: options.rubric === true }));
    });
