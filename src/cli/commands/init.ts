import { access } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { openBank, requireQuestion } from '../bank.js';
import { collect } from '../options.js';
import { println } from '../context.js';
import { CliError } from '../errors.js';
import { writeUserFile } from '../output.js';
import { VERSION } from '../version.js';
import type { DefineCommand } from './index.js';

const DEFAULT_QUESTIONS = ['video-recommendation', 'fraud-detection'];

interface InitOptions {
  question?: string[];
  name?: string;
}

export const defineInit: DefineCommand = (program, ctx) =>
  program
    .command('init')
    .description('scaffold a practice-set repository: set file, answers folder, CI workflow')
    .argument('[dir]', 'where to create it', '.')
    .option('-q, --question <id>', 'a question of the set (repeatable; default: two from the bank)', collect)
    .option('--name <name>', 'the set\'s name', 'ML system design practice')
    .addHelpText(
      'after',
      `
Writes practice-set.yaml, answers/README.md, one answer template, and
.github/workflows/mlsd.yml, which runs "mlsd grade --set practice-set.yaml --reporter github"
on every push. Existing files are never overwritten.

Examples:
  $ mlsd init study-group
  $ mlsd init . --question fraud-detection --question visual-search --name "Week 3"`,
    )
    .action(async (dir: string, options: InitOptions) => {
      const [{ renderNotesTemplate }, { renderPracticeRepo }] = await Promise.all([
        import('../../core/notes/template.js'),
        import('../../core/practice-set-template.js'),
      ]);
      const { bank } = await openBank(ctx);
      const questions = options.question ?? DEFAULT_QUESTIONS;
      const entries = questions.map((id) => requireQuestion(bank, id));
      const files = renderPracticeRepo({
        name: options.name ?? 'ML system design practice',
        questions,
        version: VERSION,
        template: renderNotesTemplate(entries[0]!.question),
      });
      const root = resolve(ctx.cwd, dir);
      const existing: string[] = [];
      for (const path of Object.keys(files)) {
        if (await access(join(root, path)).then(() => true, () => false)) existing.push(path);
      }
      if (existing.length > 0) throw new CliError(`not overwriting what is there: ${existing.join(', ')} (in ${dir})`);
      for (const [path, text] of Object.entries(files)) {
        await writeUserFile(join(root, path), text, join(dir, path));
        println(ctx.stdout, `  created ${join(dir, path)}`);
      }
      println(ctx.stdout, `\nNext: commit it, push, and CI grades every answer. Locally: cd ${dir} && mlsd grade --set practice-set.yaml`);
    });
