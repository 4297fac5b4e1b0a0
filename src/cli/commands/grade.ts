import { appendFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option } from 'commander';
import { DEFAULT_MIN_SCORE, failedFile, summarize, type FileGrade, type PassPolicy } from '../../core/grading/grade-report.js';
import { formatProblem, type Problem } from '../../core/problem.js';
import { REPORTER_NAMES, REPORTERS, type ReporterName } from '../../report/grade/index.js';
import { openBank } from '../bank.js';
import { PLAIN, println } from '../context.js';
import { CliError, EXIT, ProblemsError, UsageError } from '../errors.js';
import { writeFailure, writeUserFile } from '../output.js';
import type { DefineCommand } from './index.js';
import { plural } from '../../core/text/plural.js';

interface GradeOptions {
  question?: string;
  set?: string;
  minScore?: number;
  reporter?: ReporterName;
  output?: string;
  verbose?: boolean;
  record?: boolean;
}

export const defineGrade: DefineCommand = (program, ctx) =>
  program
    .command('grade')
    .description('score notes files against their questions\' rubrics')
    .argument('[paths...]', 'notes files, folders (every *.md below) or globs')
    .option('-q, --question <id>', 'grade every file against this question, whatever its front matter says')
    .option('--set <file>', 'grade a practice set: its questions, answers folder, minimum scores and bank')
    .option('--min-score <n>', `the bar a file must reach, 0-100 (default: the set's, else ${DEFAULT_MIN_SCORE})`, parseScore)
    .addOption(new Option('-r, --reporter <name>', 'output format (default: github on GitHub Actions, else pretty)').choices(REPORTER_NAMES))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('-v, --verbose', 'pretty: show every hit with its evidence and every miss')
    .option('--record', 'add each graded file to your history, for "mlsd stats" and "mlsd next"')
    .addHelpText(
      'after',
      `
Exit codes: 0 every file passed, 1 some file is below the bar (or a set question has no
answer), 2 bad input (the file and line are named) or wrong usage.

Examples:
  $ mlsd grade answers/video-recommendation.md
  $ mlsd grade answers/ --min-score 70 --verbose
  $ mlsd grade "answers/**/*.md" --reporter junit --output mlsd.xml
  $ mlsd grade --set practice-set.yaml --reporter github
  $ mlsd grade notes.md --question fraud-detection --reporter json
  $ mlsd grade my-answer.md --record            # counts in mlsd history, stats and next`,
    )
    .action(async (paths: string[], options: GradeOptions) => {
      const [{ gradeNotesText, MatcherCache }, { displayPath }, { findNotesFiles, readNotesFile }, { loadPracticeSet }] = await Promise.all([
        import('../../core/grading/grade-notes.js'),
        import('../../io/bank-files.js'),
        import('../../io/notes-files.js'),
        import('../../io/practice-set-loader.js'),
      ]);
      const problems: Problem[] = [];
      let setName: string | null = null;
      let policy: PassPolicy = { minScore: options.minScore ?? DEFAULT_MIN_SCORE, stepMinScores: {} };
      let setQuestions: string[] = [];
      if (options.set) {
        const { loaded, problems: setProblems } = await loadPracticeSet(options.set, ctx.cwd);
        if (!loaded) throw new ProblemsError(setProblems);
        setName = loaded.set.name;
        setQuestions = loaded.set.questions;
        policy = { minScore: options.minScore ?? loaded.set.min_score, stepMinScores: loaded.set.step_min_scores };
        if (loaded.bankDir) ctx.bankDirs = [...ctx.bankDirs, loaded.bankDir];
        if (paths.length === 0) paths = [loaded.answersDir];
      }
      if (paths.length === 0) throw new UsageError('name the notes files to grade, or a practice set with --set (see "mlsd grade --help")');

      const { bank } = await openBank(ctx);
      const known = new Set(bank.questions.map((entry) => entry.question.id));
      if (options.question && !known.has(options.question)) {
        throw new UsageError(`--question: no question "${options.question}" in the bank; "mlsd list" shows them all`);
      }
      for (const id of setQuestions) {
        if (!known.has(id)) problems.push({ file: options.set!, line: 1, col: 1, message: `the set names question "${id}", which is not in the bank` });
      }
      const found = await findNotesFiles(paths, ctx.cwd);
      problems.push(...found.problems);

      const context = { bank, policy, matchers: new MatcherCache(), question: options.question };
      const files: FileGrade[] = problems.map((problem) => failedFile(problem.file, problem, null, policy.minScore));
      for (const path of found.files) {
        const shown = displayPath(path, ctx.cwd);
        const read = await readNotesFile(path, shown);
        files.push('problem' in read ? failedFile(shown, read.problem, null, policy.minScore) : gradeNotesText(read.text, shown, context));
      }
      const answered = new Set(files.filter((file) => file.score !== null).map((file) => file.question));
      const missing = setQuestions.filter((id) => !answered.has(id));
      const report = summarize(files, setName, missing, policy.minScore);

      const name = options.reporter ?? (ctx.env.GITHUB_ACTIONS === 'true' ? 'github' : 'pretty');
      const toFile = options.output !== undefined;
      const output = REPORTERS[name](report, { color: toFile ? PLAIN : ctx.color, verbose: options.verbose === true });
      if (toFile) {
        await writeUserFile(resolve(ctx.cwd, options.output!), output.text, options.output!);
        println(ctx.stderr, `mlsd: wrote the ${name} report to ${options.output}`);
      } else {
        ctx.stdout.write(output.text);
      }
      if (output.stepSummary && ctx.env.GITHUB_STEP_SUMMARY) {
        await appendFile(ctx.env.GITHUB_STEP_SUMMARY, output.stepSummary).catch((error: unknown) => {
          throw new CliError(`cannot append the summary to $GITHUB_STEP_SUMMARY (${ctx.env.GITHUB_STEP_SUMMARY}): ${writeFailure(error)}`);
        });
      }
      if (options.record) await recordGrades(ctx, files);
      for (const file of files) if (file.error && name !== 'pretty' && name !== 'github') println(ctx.stderr, ctx.errorColor.red(formatProblem(file.error)));
      const badInput = report.summary.errors > 0 || ctx.exitCode === EXIT.badInput;
      ctx.exitCode = badInput ? EXIT.badInput : report.summary.passedAll ? EXIT.ok : EXIT.belowBar;
    });

/** Appends one history record per graded file, all in one write; files that could not be graded add none. */
async function recordGrades(ctx: Parameters<DefineCommand>[1], files: readonly FileGrade[]): Promise<void> {
  const [{ randomUUID }, { gradeRecord }, { historyStore }] = await Promise.all([import('node:crypto'), import('../../core/progress/record.js'), import('../history.js')]);
  const now = Date.now();
  const records = files.flatMap((file) => gradeRecord(file, randomUUID(), now) ?? []);
  await historyStore(ctx)
    .appendAll(records)
    .catch((error: unknown) => {
      throw new CliError(`cannot record the grades in the history: ${writeFailure(error)}`);
    });
  println(ctx.stderr, `mlsd: recorded ${plural(records.length, 'attempt')} in the history`);
}

function parseScore(value: string): number {
  const score = Number(value);
  if (!Number.isFinite(score) || score < 0 || score > 100) throw new UsageError(`--min-score takes a number from 0 to 100, not "${value}"`);
  return score;
}
