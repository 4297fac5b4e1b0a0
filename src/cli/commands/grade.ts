import { appendFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Option } from 'commander';
import { addOutcome, DEFAULT_MIN_SCORE, failedFile, noOutcomes, outcomeOf, summarizeTotals, type PassPolicy } from '../../core/grading/grade-report.js';
import type { HistoryRecord } from '../../core/progress/record.js';
import type { GradedFile, GradeSettings } from '../../io/grade-files.js';
import { addTally, NO_TALLY } from '../../report/grade/reporter.js';
import { formatProblem, type Problem } from '../../core/problem.js';
import { REPORTER_NAMES, type ReporterName } from '../../report/grade/names.js';
import { openBank } from '../bank.js';
import { PLAIN, println } from '../context.js';
import { CliError, EXIT, ProblemsError, UsageError } from '../errors.js';
import { writeFailure } from '../output.js';
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
  jobs?: number;
  shard?: Shard;
}

/**
 * From this many files on, grading starts from the bank cache's alias keys: reading them takes
 * about as long as compiling the matchers of two questions, which is all a few files need.
 */
const ALIAS_KEYS_FROM = 20;

interface Shard {
  /** 0-based. */
  index: number;
  count: number;
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
    .option('-j, --jobs <n>', 'grade on at most n threads (default: one per core from 1,200 files; runs under 300 use one)', parseJobs)
    .option('--shard <i/n>', 'grade only share i of n (1-based) of the files, for a CI matrix; "mlsd merge-reports" joins the json reports', parseShard)
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
      const [{ displayPath }, { findNotesFiles }, { gradeAll, letYoungGenerationsGrow, workersFor }, { fileSink, streamSink }, { REPORT_PARTS }] = await Promise.all([
        import('../../io/bank-files.js'),
        import('../../io/notes-files.js'),
        import('../../io/grade-pool.js'),
        import('../../io/report-sink.js'),
        import('../../report/grade/index.js'),
      ]);
      const problems: Problem[] = [];
      let setName: string | null = null;
      let policy: PassPolicy = { minScore: options.minScore ?? DEFAULT_MIN_SCORE, stepMinScores: {} };
      let setQuestions: string[] = [];
      if (options.set) {
        const { loadPracticeSet } = await import('../../io/practice-set-loader.js');
        const { loaded, problems: setProblems } = await loadPracticeSet(options.set, ctx.cwd);
        if (!loaded) throw new ProblemsError(setProblems);
        setName = loaded.set.name;
        setQuestions = loaded.set.questions;
        policy = { minScore: options.minScore ?? loaded.set.min_score, stepMinScores: loaded.set.step_min_scores };
        if (loaded.bankDir) ctx.bankDirs = [...ctx.bankDirs, loaded.bankDir];
        if (paths.length === 0) paths = [loaded.answersDir];
      }
      if (paths.length === 0) throw new UsageError('name the notes files to grade, or a practice set with --set (see "mlsd grade --help")');

      // Loading and listing keep most of what they make: a young generation grown for them is wasted (see letYoungGenerationsGrow).
      letYoungGenerationsGrow(false);
      const { bank, cachedAliasKeys } = await openBank(ctx);
      const known = new Set(bank.questions.map((entry) => entry.question.id));
      if (options.question && !known.has(options.question)) {
        throw new UsageError(`--question: no question "${options.question}" in the bank; "mlsd list" shows them all`);
      }
      for (const id of setQuestions) {
        if (!known.has(id)) problems.push({ file: options.set!, line: 1, col: 1, message: `the set names question "${id}", which is not in the bank` });
      }
      const found = await findNotesFiles(paths, ctx.cwd);
      problems.push(...found.problems);
      const shownOf = (path: string) => displayPath(path, ctx.cwd);
      const mine = options.shard ? found.files.filter((path) => shardOf(shownOf(path), options.shard!.count) === options.shard!.index) : found.files;

      const name = options.reporter ?? (ctx.env.GITHUB_ACTIONS === 'true' ? 'github' : 'pretty');
      const toFile = options.output !== undefined;
      const color = toFile ? PLAIN : ctx.color;
      const reporterOptions = { color, verbose: options.verbose === true };
      const settings: GradeSettings = { policy, question: options.question, reporter: name, verbose: options.verbose === true, colorLevel: color.level, record: options.record === true };
      const parts = REPORT_PARTS[name];
      const shown = options.output!;
      const sink = toFile
        ? await fileSink(resolve(ctx.cwd, options.output!)).catch((error: unknown) => {
            throw new CliError(`cannot write ${shown}: ${writeFailure(error)}`);
          })
        : streamSink(ctx.stdout);

      const totals = noOutcomes();
      const later: string[][] = [];
      const records: HistoryRecord[] = [];
      let tally = NO_TALLY;
      const take = async ({ outcome, part, record }: GradedFile) => {
        if (totals.files > 0 && part.now !== '') await sink.write(parts.between);
        addOutcome(totals, outcome);
        if (part.later) later.push(part.later);
        tally = addTally(tally, part.tally);
        if (record) records.push(record);
        await sink.write(part.now);
      };
      try {
        await sink.write(parts.start(setName));
        const myProblems = options.shard ? problems.filter((problem) => shardOf(problem.file, options.shard!.count) === options.shard!.index) : problems;
        for (const problem of myProblems) {
          const file = failedFile(problem.file, problem, null, policy.minScore);
          await take({ outcome: outcomeOf(file), part: parts.file(file, reporterOptions) });
        }
        const workers = workersFor(mine.length, options.jobs);
        if (ctx.debug) println(ctx.stderr, `mlsd: grading ${plural(mine.length, 'file')} ${workers > 0 ? `on ${workers} worker threads` : 'in the main thread'}`);
        const aliasKeys = mine.length >= ALIAS_KEYS_FROM ? (cachedAliasKeys?.() ?? []) : [];
        await gradeAll(mine, shownOf, bank, settings, workers, take, aliasKeys);
        const missing = setQuestions.filter((id) => !totals.answered.has(id));
        const summary = summarizeTotals(totals, missing, policy.minScore);
        const ending = parts.end({ set: setName, summary, later, tally }, reporterOptions);
        await sink.write(ending.text);
        await sink.close();
        if (toFile) println(ctx.stderr, `mlsd: wrote the ${name} report to ${options.output}`);
        if (ending.stepSummary && ctx.env.GITHUB_STEP_SUMMARY) {
          await appendFile(ctx.env.GITHUB_STEP_SUMMARY, ending.stepSummary).catch((error: unknown) => {
            throw new CliError(`cannot append the summary to $GITHUB_STEP_SUMMARY (${ctx.env.GITHUB_STEP_SUMMARY}): ${writeFailure(error)}`);
          });
        }
        if (options.record) await recordGrades(ctx, records);
        // Each file that could not be graded is also one file:line:col line on stderr, where scripts
        // and CI logs look for errors; only a pretty report on the same terminal already shows it there.
        const onScreen = name === 'pretty' && !toFile && ctx.stdout.isTTY === true && ctx.stderr.isTTY === true;
        if (!onScreen) for (const error of totals.errors) println(ctx.stderr, ctx.errorColor.red(formatProblem(error)));
        const badInput = summary.errors > 0 || ctx.exitCode === EXIT.badInput;
        const passed = options.shard ? summary.passed === summary.files : summary.passedAll;
        ctx.exitCode = badInput ? EXIT.badInput : passed ? EXIT.ok : EXIT.belowBar;
      } catch (error) {
        await sink.abort();
        if (toFile && !(error instanceof CliError)) throw new CliError(`cannot write ${shown}: ${writeFailure(error)}`);
        throw error;
      }
    });

/** Appends one history record per graded file, all in one write; files that could not be graded add none. */
async function recordGrades(ctx: Parameters<DefineCommand>[1], graded: readonly HistoryRecord[]): Promise<void> {
  const [{ randomUUID }, { historyStore }] = await Promise.all([import('node:crypto'), import('../history.js')]);
  const date = new Date().toISOString();
  const records = graded.map((record) => ({ ...record, id: randomUUID(), date }));
  await historyStore(ctx)
    .appendAll(records)
    .catch((error: unknown) => {
      throw new CliError(`cannot record the grades in the history: ${writeFailure(error)}`);
    });
  println(ctx.stderr, `mlsd: recorded ${plural(records.length, 'attempt')} in the history`);
}

/**
 * The shard a file belongs to: FNV-1a of the name it is reported under, so a file stays in its
 * shard however many others are added, and every runner of a matrix agrees without talking.
 */
export function shardOf(shown: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < shown.length; index++) hash = Math.imul(hash ^ shown.charCodeAt(index), 0x01000193);
  return (hash >>> 0) % count;
}

function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes i/n with 1 <= i <= n, such as 2/4, not "${value}"`);
  return { index: index - 1, count };
}

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs takes a whole number of threads, 1 or more, not "${value}"`);
  return jobs;
}

function parseScore(value: string): number {
  const score = Number(value);
  if (!Number.isFinite(score) || score < 0 || score > 100) throw new UsageError(`--min-score takes a number from 0 to 100, not "${value}"`);
  return score;
}
