import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { run } from '../../src/cli/main.js';
import { spawnSync } from 'node:child_process';
import { BIN, ROOT, spawnCli } from '../helpers/cli.js';

/** An output that breaks on write: an unexpected failure inside a command, as a bug would be. */
class BrokenOutput {
  isTTY = false;
  write(): boolean {
    throw new TypeError('the output broke');
  }
}

async function runWithBrokenStdout(args: string[], env: Record<string, string> = {}) {
  let stderr = '';
  const stdin = new PassThrough();
  stdin.end();
  const code = await run(args, env, {
    stdout: new BrokenOutput(),
    stderr: { write: (text: string) => ((stderr += text), true) },
    stdin,
    cwd: new URL('../../', import.meta.url).pathname,
  });
  return { code, stderr };
}

describe('errors', () => {
  it('stops quietly when the reader has closed the pipe (mlsd list | head)', () => {
    const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" list | (exec 0<&-; sleep 1); echo "status \${PIPESTATUS[0]}"`], { cwd: ROOT, encoding: 'utf8' });
    expect(piped.stderr).toBe('');
    expect(piped.stdout.trim()).toBe('status 0');
  });

  it('an internal error says it is a bug in one line, with no stack trace', async () => {
    const { code, stderr } = await runWithBrokenStdout(['list']);
    expect(code).toBe(70);
    expect(stderr.split('\n')[0]).toBe('mlsd: internal error (this is a bug): the output broke');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('--debug and MLSD_DEBUG=1 add the stack trace', async () => {
    expect((await runWithBrokenStdout(['list', '--debug'])).stderr).toMatch(/\n\s+at /);
    expect((await runWithBrokenStdout(['list'], { MLSD_DEBUG: '1' })).stderr).toMatch(/\n\s+at /);
  });

  it('mlsd drill without a terminal exits 2 and points to new and grade', () => {
    const result = spawnCli(['drill', 'fraud-detection']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('mlsd drill needs an interactive terminal');
    expect(result.stderr).toContain('mlsd new <id>');
    expect(result.stderr).toContain('mlsd grade <file>');
  });

  it('an unknown option exits 2', () => {
    const result = spawnCli(['list', '--colour']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--colour'");
  });
});

describe('files the user names that cannot be written', () => {
  const answer = 'test/fixtures/grade/pass/answers/ada/fraud-detection.md';

  it.each([
    [['grade', answer, '--reporter', 'junit', '--output', 'test'], {}, 'cannot write test: it is a folder'],
    [['new', 'fraud-detection', '-o', 'README.md/x.md'], {}, 'cannot write README.md/x.md: a part of its path is a file, not a folder'],
    [['grade', answer, '--reporter', 'github'], { GITHUB_STEP_SUMMARY: '/nonexistent/dir/summary.md' }, 'cannot append the summary to $GITHUB_STEP_SUMMARY'],
  ])('%j exits 2 naming the file', (args, env, message) => {
    const result = spawnCli(args, { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toContain('this is a bug');
  });
});
