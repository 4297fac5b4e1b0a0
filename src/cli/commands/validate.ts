import { openBank } from '../bank.js';
import { println } from '../context.js';
import type { DefineCommand } from './index.js';

export const defineValidate: DefineCommand = (program, ctx) =>
  program
    .command('validate')
    .description('check questions and rubric packs against their schemas and each other')
    .argument('[paths...]', 'extra bank folders or YAML files to check with the built-in bank')
    .addHelpText(
      'after',
      `
Every problem is printed as file:line:col: message, and the exit code is 2 if there is any.

Examples:
  $ mlsd validate
  $ mlsd validate ./my-bank
  $ mlsd validate --bank ./my-bank`,
    )
    .action(async (paths: string[]) => {
      ctx.bankDirs = [...ctx.bankDirs, ...paths];
      const bank = await openBank(ctx);
      if (ctx.exitCode) {
        println(ctx.stderr, ctx.errorColor.red('mlsd validate: the bank has problems (listed above)'));
        return;
      }
      const questions = bank.questions.length;
      const packs = bank.rubrics.size;
      const concepts = bank.questions.reduce((sum, entry) => sum + entry.items.length, 0);
      println(
        ctx.stdout,
        ctx.color.green(`✓ ${questions} questions and ${packs} rubric packs are valid (${concepts} checklist items in all)`),
      );
    });
