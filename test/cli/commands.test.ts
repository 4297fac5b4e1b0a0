import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandsFor } from '../../src/cli/commands/index.js';
import { colorFor, type Context } from '../../src/cli/context.js';
import { runCli } from '../helpers/cli.js';

const ctx = { env: {}, debug: false, color: colorFor({ write: () => true }, {}), errorColor: colorFor({ write: () => true }, {}), bankDirs: [] } as unknown as Context;

describe('the command table', () => {
  it.each(COMMANDS.map((entry) => [entry.names.join(', '), entry] as const))('%s: the names it lists are those its definition gives', (_, entry) => {
    const command = entry.define(new Command('mlsd'), ctx);
    expect([command.name(), ...command.aliases()]).toEqual(entry.names);
  });

  const all = COMMANDS.map((entry) => entry.names[0]);
  it.each([
    [['list'], ['list']],
    [['ls', '--json'], ['list']],
    [['grade', 'answers/'], ['grade']],
    [['merge-reports', 'a.json'], ['merge-reports']],
    [[], all],
    [['--bank', 'my-bank', 'list'], all],
    [['help', 'list'], all],
    [['lst'], all],
    [['--help'], all],
  ])('a run of %j defines %j', (argv, names) => {
    expect(commandsFor(argv).map((entry) => entry.names[0])).toEqual(names);
  });
});

describe('a run that defines only its command', () => {
  it('still lists every command in the help', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const { names } of COMMANDS) expect(stdout).toMatch(new RegExp(`^  ${names.join('\\|')}\\b`, 'm'));
  });

  it('still suggests the command a typo meant', async () => {
    const { code, stderr } = await runCli(['lst']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Did you mean one of list, ls\?/);
  });

  it('still takes the global options after its name', async () => {
    const { code, stderr } = await runCli(['list', '--bank', 'test/fixtures/does-not-exist', '--json']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/does-not-exist/);
  });
});
