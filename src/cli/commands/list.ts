import { Option } from 'commander';
import { filterQuestions } from '../../core/question-filter.js';
import { DIFFICULTIES, type Difficulty } from '../../core/difficulty.js';
import { sanitize, toInertJson } from '../../core/text/sanitize.js';
import { formatTable } from '../../report/table.js';
import { openQuestionIndex } from '../bank.js';
import { collect } from '../options.js';
import { println } from '../context.js';
import type { HistoryRecord } from '../../core/progress/record.js';
import type { DefineCommand } from './index.js';

/** Titles longer than this are cut in the table; --json and `show` have them whole. */
const TITLE_WIDTH = 64;

interface ListOptions {
  tag: string[];
  difficulty?: Difficulty;
  search?: string;
  json?: boolean;
}

export const defineList: DefineCommand = (program, ctx) =>
  program
    .command('list')
    .alias('ls')
    .description('list the questions in the bank')
    .option('-t, --tag <tag>', 'only questions with this tag (repeatable)', collect, [] as string[])
    .addOption(new Option('-d, --difficulty <level>', 'only questions of this difficulty').choices(DIFFICULTIES))
    .option('-s, --search <text>', 'only questions whose id, title, prompt or tags contain every word')
    .option('--json', 'print a JSON array of {id, title, difficulty, tags, best, last}')
    .addHelpText(
      'after',
      `
Examples:
  $ mlsd list
  $ mlsd list --tag recommendation --difficulty medium
  $ mlsd list --search "fraud" --json`,
    )
    .action(async (options: ListOptions) => {
      const [questions, { readHistory }] = await Promise.all([openQuestionIndex(ctx), import('../history.js')]);
      const progress = bestAndLast(await readHistory(ctx));
      const entries = filterQuestions(questions, {
        tags: options.tag,
        difficulty: options.difficulty,
        search: options.search,
      });
      if (options.json) {
        const rows = entries.map(({ question }) => ({
          id: question.id,
          title: question.title,
          difficulty: question.difficulty,
          tags: question.tags,
          best: progress.get(question.id)?.best ?? null,
          last: progress.get(question.id)?.last ?? null,
        }));
        println(ctx.stdout, toInertJson(rows, 2));
        return;
      }
      if (entries.length === 0) {
        println(ctx.stdout, 'No questions match.');
        return;
      }
      const c = ctx.color;
      const paint = { easy: c.green, medium: c.yellow, hard: c.red } as const;
      const header = ['ID', 'TITLE', 'DIFFICULTY', 'BEST', 'LAST', 'TAGS'].map((title) => c.bold(title));
      const rows = entries.map(({ question }) => [
        c.cyan(question.id),
        truncate(sanitize(question.title), TITLE_WIDTH),
        paint[question.difficulty](question.difficulty),
        progress.has(question.id) ? String(progress.get(question.id)!.best) : c.dim('-'),
        progress.get(question.id)?.last.slice(0, 10) ?? c.dim('-'),
        c.dim(question.tags.join(', ')),
      ]);
      println(ctx.stdout, formatTable([header, ...rows]));
      println(ctx.stdout, c.dim(`\n${entries.length} of ${questions.length} questions`));
    });

/** Per question, the best score and the date of the last attempt in the history. */
function bestAndLast(records: readonly HistoryRecord[]): Map<string, { best: number; last: string }> {
  const progress = new Map<string, { best: number; last: string }>();
  for (const record of records) {
    const seen = progress.get(record.question);
    progress.set(record.question, { best: Math.max(seen?.best ?? 0, record.score), last: seen && seen.last > record.date ? seen.last : record.date });
  }
  return progress;
}

function truncate(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
