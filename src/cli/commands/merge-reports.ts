import { appendFile, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option } from 'commander';
import { REPORTER_NAMES, type ReporterName } from '../../report/grade/names.js';
import { PLAIN, println } from '../context.js';
import { CliError, EXIT, ProblemsError } from '../errors.js';
import { writeFailure, writeUserFile } from '../output.js';
import type { DefineCommand } from './index.js';

export const defineMergeReports: DefineCommand = (program, ctx) =>
  program
    .command('merge-reports')
    .description('join the json reports of "mlsd grade --shard" runs into one report and one exit code')
    .argument('<reports...>', 'json reports written by mlsd grade --shard i/n --reporter json')
    .addOption(new Option('-r, --reporter <name>', 'output format (default: github on GitHub Actions, else pretty)').choices(REPORTER_NAMES))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('-v, --verbose', 'pretty: show every hit with its evidence and every miss')
    .addHelpText(
      'after',
      `
Files are sorted by path and the summary is worked out again; a question of the set is missing
only if no shard answered it. Exit codes as for mlsd grade: 0 every file passed, 1 some file is
below the bar or a set question has no answer, 2 a file could not be graded or a report is bad.

Examples:
  $ mlsd grade --set practice-set.yaml --shard 1/4 --reporter json --output shard-1.json
  $ mlsd merge-reports shard-*.json --reporter junit --output mlsd.xml`,
    )
    .action(async (paths: string[], options: { reporter?: ReporterName; output?: string; verbose?: boolean }) => {
      const [{ mergeReports }, { REPORTERS }, { displayPath }] = await Promise.all([
        import('../../core/grading/merge-reports.js'),
        import('../../report/grade/index.js'),
        import('../../io/bank-files.js'),
      ]);
      const reports = await Promise.all(
        paths.map(async (path) => {
          const file = displayPath(resolve(ctx.cwd, path), ctx.cwd);
          const text = await readFile(resolve(ctx.cwd, path), 'utf8').catch((error: unknown) => {
            throw new CliError(`cannot read ${file}: ${writeFailure(error).replace('its folder does not exist and cannot be created', 'no such file')}`);
          });
          try {
            return { file, report: JSON.parse(text) as unknown };
          } catch (error) {
            throw new ProblemsError([{ file, line: 1, col: 1, message: `not JSON: ${(error as Error).message}` }]);
          }
        }),
      );
      const merged = mergeReports(reports);
      if (!merged.ok) throw new ProblemsError([merged.problem]);
      const name = options.reporter ?? (ctx.env.GITHUB_ACTIONS === 'true' ? 'github' : 'pretty');
      const output = REPORTERS[name](merged.report, { color: options.output ? PLAIN : ctx.color, verbose: options.verbose === true });
      if (options.output) {
        await writeUserFile(resolve(ctx.cwd, options.output), output.text, options.output);
        println(ctx.stderr, `mlsd: wrote the ${name} report to ${options.output}`);
      } else {
        ctx.stdout.write(output.text);
      }
      if (output.stepSummary && ctx.env.GITHUB_STEP_SUMMARY) {
        await appendFile(ctx.env.GITHUB_STEP_SUMMARY, output.stepSummary).catch((error: unknown) => {
          throw new CliError(`cannot append the summary to $GITHUB_STEP_SUMMARY (${ctx.env.GITHUB_STEP_SUMMARY}): ${writeFailure(error)}`);
        });
      }
      const { summary } = merged.report;
      ctx.exitCode = summary.errors > 0 ? EXIT.badInput : summary.passedAll ? EXIT.ok : EXIT.belowBar;
    });
