import { FRAMEWORK } from '../../core/framework.js';
import { openBank } from '../bank.js';
import { CliError, EXIT } from '../errors.js';
import { toInertJson } from '../../core/text/sanitize.js';
import { println } from '../context.js';
import type { DefineCommand } from './index.js';

export const defineCheatsheet: DefineCommand = (program, ctx) =>
  program
    .command('cheatsheet')
    .description('print the seven steps with the key concepts of each, and the mistakes to avoid, on one screen')
    .option('--json', 'print the steps and their concepts as JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ mlsd cheatsheet
  $ mlsd cheatsheet --json`,
    )
    .action(async (options: { json?: boolean }) => {
      const { bank } = await openBank(ctx);
      const core = bank.rubrics.get('core')?.value;
      if (!core) throw new CliError('the bank has no "core" rubric pack, which the cheatsheet is made from', EXIT.badInput);
      const avoid = [...bank.rubrics.values()].flatMap((pack) => pack.value.antipatterns);
      if (options.json) {
        const steps = FRAMEWORK.map((step) => ({
          id: step.id,
          title: step.title,
          minutes: step.minutes,
          concepts: core.concepts.filter((concept) => concept.step === step.id).map(({ id, label, required, weight }) => ({ id, label, required, weight })),
        }));
        println(ctx.stdout, toInertJson({ steps, avoid: avoid.map(({ id, label, hint }) => ({ id, label, hint })) }, 2));
        return;
      }
      const { renderCheatsheet } = await import('../../report/cheatsheet.js');
      const width = Math.min(ctx.stdout.columns ?? 100, 120);
      println(ctx.stdout, renderCheatsheet(core.concepts, avoid, ctx.color, width));
    });
