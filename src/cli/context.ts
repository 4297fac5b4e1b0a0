import { Chalk, type ChalkInstance } from 'chalk';

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
}

/** Everything a command may touch outside its arguments: passed in, so tests run in-process. */
export interface Io {
  stdout: Output;
  stderr: Output;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Termination signals (SIGTERM, SIGHUP) sent to the process, for commands that must clean up. */
  signals?: SignalSource;
}

export interface SignalSource {
  /** Calls `handler` on each signal until the returned function is called. */
  subscribe(handler: (signal: 'SIGTERM' | 'SIGHUP') => void): () => void;
}

export interface Context extends Io {
  /** Colour for stdout: on only for a terminal, never with NO_COLOR. */
  color: ChalkInstance;
  /** Colour for stderr, decided the same way for that stream. */
  errorColor: ChalkInstance;
  debug: boolean;
  /** Bank folders from --bank and MLSD_BANK, in that order. */
  bankDirs: string[];
  /** Set by a command that finishes with a code other than 0 without throwing. */
  exitCode?: number;
}

/** No colour at all: for reports written to files. */
export const PLAIN = new Chalk({ level: 0 });

export function colorFor(stream: Output, env: Io['env']): ChalkInstance {
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const force = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== '';
  const level = noColor ? 0 : force || stream.isTTY === true ? 1 : 0;
  return new Chalk({ level });
}

export function println(out: Output, text = ''): void {
  out.write(`${text}\n`);
}
