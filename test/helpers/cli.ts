import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { run } from '../../src/cli/main.js';

export const BIN = new URL('../../bin/mlsd.cjs', import.meta.url).pathname;
/** An empty data folder, so no test reads or writes the history of the person running it. */
const HOME = mkdtempSync(join(tmpdir(), 'mlsd-test-home-'));
export const ROOT = new URL('../../', import.meta.url).pathname;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture {
  text = '';
  constructor(readonly isTTY = false) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

/** Runs mlsd in this process with captured output, no terminal and a clean environment. */
export async function runCli(
  args: readonly string[],
  options: { env?: Record<string, string>; cwd?: string; tty?: boolean; stdin?: string } = {},
): Promise<CliResult> {
  const stdout = new Capture(options.tty);
  const stderr = new Capture(options.tty);
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  const code = await run(args, { MLSD_HOME: HOME, ...options.env }, { stdout, stderr, stdin, cwd: options.cwd ?? ROOT });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/** Runs the built bin/mlsd.cjs as a user would. */
export function spawnCli(args: readonly string[], options: { env?: Record<string, string>; cwd?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', MLSD_HOME: HOME, ...options.env },
    encoding: 'utf8',
    timeout: 30_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
