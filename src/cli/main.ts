import { delimiter } from 'node:path';
import { Command, CommanderError } from 'commander';
import { CliError, EXIT, ProblemsError } from './errors.js';
import { colorFor, println, type Context, type Io, type SignalSource } from './context.js';
import { commandsFor, type CommandEntry } from './commands/index.js';
import { VERSION } from './version.js';
import { collect } from './options.js';

export type Streams = Omit<Io, 'env'>;

/**
 * Runs one mlsd invocation and returns its exit code. The only function that knows about the
 * process is `main`, below; everything else gets argv, env and streams as values.
 */
export async function run(argv: readonly string[], env: Io['env'], streams: Streams): Promise<number> {
  const debug = argv.includes('--debug') || env.MLSD_DEBUG === '1';
  const own: Omit<Context, keyof Streams> = { env, debug, color: colorFor(streams.stdout, env), errorColor: colorFor(streams.stderr, env), bankDirs: [] };
  // Copied by descriptor, not spread: a stream given as a getter stays unopened until it is read.
  const ctx = Object.defineProperties(own, Object.getOwnPropertyDescriptors(streams)) as Context;
  const program = buildProgram(ctx, commandsFor(argv));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode ?? EXIT.ok;
  } catch (error) {
    return report(error, ctx);
  }
}

function buildProgram(ctx: Context, commands: readonly CommandEntry[]): Command {
  const program = new Command('mlsd')
    .description('Drill machine learning system design interviews: a timed mock, a rubric scorer, CI grading.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--bank <dir>', 'add a folder of questions/ and rubrics/ (repeatable; also MLSD_BANK)', collect)
    .option('--debug', 'print stack traces of internal errors, and how grade splits its work')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
      outputError: (text, write) => write(ctx.errorColor.red(text)),
    })
    .addHelpText(
      'after',
      `
Examples:
  $ mlsd list --tag recommendation
  $ mlsd show video-recommendation --rubric
  $ mlsd validate --bank ./my-bank
  $ MLSD_BANK=./my-bank mlsd list`,
    );
  program.hook('preAction', (command) => {
    const fromFlag = (command.opts().bank as string[] | undefined) ?? [];
    const fromEnv = (ctx.env.MLSD_BANK ?? '').split(delimiter).filter((dir) => dir !== '');
    ctx.bankDirs = [...fromFlag, ...fromEnv];
  });
  for (const { define } of commands) {
    const command = define(program, ctx);
    command.exitOverride().configureOutput(program.configureOutput()).showSuggestionAfterError(true);
  }
  return program;
}

function report(error: unknown, ctx: Context): number {
  const red = ctx.errorColor.red;
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return EXIT.ok;
    }
    return EXIT.badInput;
  }
  if (error instanceof ProblemsError) {
    for (const line of error.message.split('\n')) println(ctx.stderr, red(line));
    return error.exitCode;
  }
  if (error instanceof CliError) {
    println(ctx.stderr, red(`mlsd: ${error.message}`));
    return error.exitCode;
  }
  const detail = error instanceof Error ? error.message : String(error);
  println(ctx.stderr, red(`mlsd: internal error (this is a bug): ${detail}`));
  if (ctx.debug && error instanceof Error && error.stack) println(ctx.stderr, error.stack);
  else println(ctx.stderr, 'Run again with --debug or MLSD_DEBUG=1 for the stack trace.');
  return EXIT.bug;
}

/** SIGTERM and SIGHUP, while a command listens; with no listener Node's default (exit) stands. */
const processSignals: SignalSource = {
  subscribe(handler) {
    const names = ['SIGTERM', 'SIGHUP'] as const;
    const listeners = names.map((name) => [name, () => handler(name)] as const);
    for (const [name, listener] of listeners) process.on(name, listener);
    return () => {
      for (const [name, listener] of listeners) process.off(name, listener);
    };
  },
};

/** The process entry point used by bin/mlsd.cjs. */
export function main(): void {
  // A reader that stops early (`mlsd list | head`) closes the pipe: the output is no longer wanted.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(EXIT.ok);
  });
  run(process.argv.slice(2), process.env, {
    stdout: process.stdout,
    stderr: process.stderr,
    // Opening stdin costs every start a stream; only the drill reads it.
    get stdin() {
      return process.stdin;
    },
    cwd: process.cwd(),
    signals: processSignals,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`mlsd: internal error (this is a bug): ${String(error)}\n`);
      process.exitCode = EXIT.bug;
    },
  );
}
