import { Option } from 'commander';
import { filterQuestions } from '../../core/question-filter.js';
import { DIFFICULTIES, type Difficulty } from '../../core/difficulty.js';
import { openBank, requireQuestion } from '../bank.js';
import { collect } from '../options.js';
import { println, type SignalSource } from '../context.js';
import { CliError, UsageError } from '../errors.js';
import type { StopSource } from '../../tui/stop-signals.js';
import type { DefineCommand } from './index.js';

export interface DrillOptions {
  random?: boolean;
  next?: boolean;
  tag: string[];
  difficulty?: Difficulty;
  minutes?: number;
  strict?: boolean;
  editor?: boolean;
  resume?: boolean;
  out?: string;
  candidate?: string;
}

export const defineDrill: DefineCommand = (program, ctx) =>
  program
    .command('drill')
    .description('the timed mock interview: seven steps against the clock, then follow-ups and a scorecard')
    .argument('[id]', 'question id (see "mlsd list"); without one, pick from a list')
    .option('--next', 'drill the question "mlsd next" suggests first')
    .option('--random', 'a random question (within --tag and --difficulty)')
    .option('-t, --tag <tag>', 'with --random or the picker: only questions with this tag (repeatable)', collect, [] as string[])
    .addOption(new Option('-d, --difficulty <level>', 'with --random or the picker: only this difficulty').choices(DIFFICULTIES))
    .option('-m, --minutes <n>', 'the total budget, split over the steps (default 45)', parseMinutes)
    .option('--strict', 'close each step when its time runs out')
    .option('--editor', 'write each step in $EDITOR instead of the built-in editor')
    .option('--resume', 'continue a drill that was interrupted')
    .option('-o, --out <file>', 'where to save the notes (default: the attempts folder under the data folder)')
    .option('--candidate <name>', 'your name, written into the saved notes')
    .addHelpText(
      'after',
      `
Inside a step, type your notes line by line (Enter adds a line, arrows edit, Up recalls earlier
lines). Commands: /next, /back, /ask <question>, /hint, /pause, /resume, /help.
Every line is saved to a draft at once: after Ctrl-C, a kill or a closed terminal, "mlsd drill
--resume" goes on. Drafts, saved notes and history live in the data folder (MLSD_HOME overrides
it); when it cannot be written, the drill says so at the start, keeps the notes in memory, and at
the end prints them and asks for another file.

Examples:
  $ mlsd drill video-recommendation
  $ mlsd drill --random --tag recommendation --minutes 30
  $ mlsd drill --next                          # what spaced repetition says is due
  $ mlsd drill fraud-detection --strict --out answers/fraud.md
  $ mlsd drill --resume`,
    )
    .action(async (id: string | undefined, options: DrillOptions) => {
      if (!ctx.stdin.isTTY || !ctx.stdout.isTTY) {
        throw new CliError(
          'mlsd drill needs an interactive terminal. Without one: "mlsd new <id>" writes a notes template, and "mlsd grade <file>" scores it.',
        );
      }
      if ([id !== undefined, options.random === true, options.next === true].filter(Boolean).length > 1) throw new UsageError('give one of: a question id, --random, --next');
      const { bank, dirs } = await openBank(ctx);
      const { runDrill } = await import('../../tui/drill-flow.js');
      let entry = id ? requireQuestion(bank, id) : undefined;
      if (options.next && !options.resume) {
        const [{ planNext }, { readHistory }] = await Promise.all([import('../../core/progress/schedule.js'), import('../history.js')]);
        const [first] = planNext(await readHistory(ctx), bank, Date.now());
        if (!first) throw new UsageError('the bank has no questions');
        println(ctx.stdout, ctx.color.dim(`Next: ${first.question} (${first.reasons.join('; ')})`));
        entry = requireQuestion(bank, first.question);
      }
      if (!entry && options.random && !options.resume) {
        const pool = filterQuestions(bank.questions, { tags: options.tag, difficulty: options.difficulty });
        if (pool.length === 0) throw new UsageError('no question matches --tag/--difficulty');
        entry = pool[Math.floor(Math.random() * pool.length)];
      }
      ctx.exitCode = await runDrill(ctx, bank, dirs, entry, options, { stops: ctx.signals && withInterrupt(ctx.signals) });
    });

/**
 * The process's SIGTERM and SIGHUP (from main) and SIGINT. Ctrl-C in the drill is a key, but
 * `kill -INT` is a signal, and with no listener of ours the prompt library re-raises it at once:
 * Node dies with the terminal left without echo and the cursor hidden, and the last keys unsaved.
 */
function withInterrupt(signals: SignalSource): StopSource {
  return {
    subscribe(handler) {
      const unsubscribe = signals.subscribe(handler);
      const onInterrupt = () => handler('SIGINT');
      process.on('SIGINT', onInterrupt);
      return () => {
        unsubscribe();
        process.off('SIGINT', onInterrupt);
      };
    },
  };
}

function parseMinutes(value: string): number {
  const minutes = Number(value);
  if (!Number.isFinite(minutes) || minutes < 7 || minutes > 240) throw new UsageError(`--minutes takes a number from 7 to 240, not "${value}"`);
  return minutes;
}
