import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { openBank, requireQuestion } from '../bank.js';
import { println } from '../context.js';
import { CliError } from '../errors.js';
import { writeUserFile } from '../output.js';
import type { DefineCommand } from './index.js';

interface NewOptions {
  output?: string;
  force?: boolean;
  candidate?: string;
}

export const defineNew: DefineCommand = (program, ctx) =>
  program
    .command('new')
    .description('write a notes template for a question, to practise offline and grade later')
    .argument('<id>', 'question id (see "mlsd list")')
    .option('-o, --output <file>', 'where to write it (default: <id>.md)')
    .option('--candidate <name>', 'your name, written into the front matter')
    .option('-f, --force', 'overwrite the file if it exists')
    .addHelpText(
      'after',
      `
The template has front matter naming the question, the prompt, and one "##" heading per step
with its guiding questions as comments. Write under the headings, then run "mlsd grade".

Examples:
  $ mlsd new fraud-detection
  $ mlsd new video-recommendation -o answers/video-recommendation.md --candidate ada
  $ mlsd grade answers/video-recommendation.md`,
    )
    .action(async (id: string, options: NewOptions) => {
      const { renderNotesTemplate } = await import('../../core/notes/template.js');
      const { bank } = await openBank(ctx);
      const entry = requireQuestion(bank, id);
      const target = resolve(ctx.cwd, options.output ?? `${id}.md`);
      const exists = await access(target).then(
        () => true,
        () => false,
      );
      if (exists && !options.force) {
        throw new CliError(`${options.output ?? `${id}.md`} already exists: pass --force to overwrite it, or -o to write elsewhere`);
      }
      await writeUserFile(target, renderNotesTemplate(entry.question, options.candidate), options.output ?? `${id}.md`);
      println(ctx.stdout, `Wrote ${options.output ?? `${id}.md`}. Write your answer under each heading, then: mlsd grade ${options.output ?? `${id}.md`}`);
    });
