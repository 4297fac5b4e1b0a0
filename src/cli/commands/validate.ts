import { formatProblem } from '../../core/problem.js';
import { openBank } from '../bank.js';
import { EXIT } from '../errors.js';
import { println } from '../context.js';
import { SCORE_BANDS, type AnswerKind } from '../../core/scoring/bands.js';
import type { DefineCommand } from './index.js';

const band = (kind: AnswerKind) => SCORE_BANDS[kind].join('-');

export const defineValidate: DefineCommand = (program, ctx) =>
  program
    .command('validate')
    .description('check questions and rubric packs against their schemas, and run the rubric self-tests')
    .argument('[paths...]', 'extra bank folders or YAML files to check with the built-in bank')
    .addHelpText(
      'after',
      `
The self-tests grade every question's example answers (questions/examples/<id>/*.md), each
held to its band: strong*.md ${band('strong')}, strong-terse.md ${band('terse')}, mid*.md ${band('mid')}, weak*.md ${band('weak')};
and a paste of every alias of the question's rubric ${band('dump')}. Every problem is printed as
file:line:col: message, and the exit code is 2 if there is any.

Examples:
  $ mlsd validate
  $ mlsd validate ./my-bank
  $ mlsd validate --report          # thin spots: items per step, aliases, example scores
  $ mlsd validate --bank ./my-bank`,
    )
    .option('--report', 'also print, per question, its checklist items per step, aliases and example scores')
    .action(async (paths: string[], options: { report?: boolean }) => {
      const [{ runSelfTests }, { loadExamples }] = await Promise.all([import('../../core/self-test.js'), import('../../io/bank-files.js')]);
      ctx.bankDirs = [...ctx.bankDirs, ...paths];
      const { bank, dirs } = await openBank(ctx, { fresh: true });
      const examples = await loadExamples(dirs, ctx.cwd);
      const { problems, report } = runSelfTests(bank, examples);
      if (options.report) {
        const { renderBankReport } = await import('../../report/bank-report.js');
        const packs = [...bank.rubrics.values()].map((pack) => pack.value.concepts);
        const totals = { concepts: packs.flat().length, aliases: packs.flat().reduce((sum, concept) => sum + concept.any.length, 0) };
        println(ctx.stdout, `${renderBankReport(report, totals, ctx.color)}\n`);
      }
      for (const problem of problems) println(ctx.stderr, ctx.errorColor.red(formatProblem(problem)));
      if (ctx.exitCode || problems.length > 0) {
        ctx.exitCode = EXIT.badInput;
        println(ctx.stderr, ctx.errorColor.red('mlsd validate: the bank has problems (listed above)'));
        return;
      }
      const questions = bank.questions.length;
      const packs = bank.rubrics.size;
      const concepts = bank.questions.reduce((sum, entry) => sum + entry.items.length, 0);
      println(
        ctx.stdout,
        ctx.color.green(`✓ ${questions} questions and ${packs} rubric packs are valid (${concepts} checklist items); ${examples.length} example answers score as expected`),
      );
    });
