import type { Bank, BankQuestion } from '../../core/bank.js';
import { renderQuestion } from '../../report/question-view.js';
import { openBank, requireQuestion } from '../bank.js';
import { toInertJson } from '../../core/text/sanitize.js';
import { println } from '../context.js';
import type { DefineCommand } from './index.js';

interface ShowOptions {
  rubric?: boolean;
  answer?: boolean;
  json?: boolean;
}

export const defineShow: DefineCommand = (program, ctx) =>
  program
    .command('show')
    .description('print a question: its prompt, the plan of steps and their guiding questions')
    .argument('<id>', 'question id (see "mlsd list")')
    .option('-r, --rubric', 'also reveal the checklist, grouped by step')
    .option('-a, --answer', 'also print a strong example answer and the reference architecture of its problem family')
    .option('--json', 'print the question and its whole checklist as JSON (with --answer, the answer and architecture too)')
    .addHelpText(
      'after',
      `
Examples:
  $ mlsd show video-recommendation
  $ mlsd show fraud-detection --rubric
  $ mlsd show fraud-detection --answer     # after you have tried it yourself
  $ mlsd show ad-click-prediction --json`,
    )
    .action(async (id: string, options: ShowOptions) => {
      const { bank, dirs } = await openBank(ctx);
      const entry = requireQuestion(bank, id);
      const reference = options.answer ? await referenceOf(bank, dirs, entry) : undefined;
      if (options.json) {
        println(ctx.stdout, toInertJson({ ...entry.question, checklist: entry.items, ...reference }, 2));
        return;
      }
      println(ctx.stdout, renderQuestion(entry, ctx.color, { rubric: options.rubric === true }));
      if (reference) {
        const { renderReference } = await import('../../report/answer-view.js');
        println(ctx.stdout, `\n${renderReference(reference, ctx.color)}`);
      }
    });

/** The strong example answer and the family's architecture, loaded only when asked for. */
async function referenceOf(bank: Bank, dirs: readonly string[], entry: BankQuestion) {
  const [{ architectureOf }, { readExample }] = await Promise.all([import('../../core/bank-assembly.js'), import('../../io/bank-files.js')]);
  return { answer: await readExample(dirs, entry.question.id), architecture: architectureOf(bank, entry) };
}
