import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux && process.env.MLSD_REQUIRE_TMUX === '1') throw new Error('tmux is required for the terminal tests (MLSD_REQUIRE_TMUX=1)');

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await pause(50);
  }
}

/** A terminal: one tmux server of its own, so one test's shutdown never meets another's start. */
class Terminal {
  static started: Terminal[] = [];
  private static count = 0;
  readonly socket = `mlsd-faults-${process.pid}-${++Terminal.count}`;

  constructor() {
    Terminal.started.push(this);
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-J', '-S', '-400', '-t', 'run');
  }

  async waitFor(text: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      last = this.screen();
      if (typeof text === 'string' ? last.includes(text) : text.test(last)) return last;
      await pause(50);
    }
    throw new Error(`timed out waiting for ${String(text)}; the screen was:\n${last}`);
  }

  /** Types text without Enter. */
  write(text: string): void {
    this.tmux('send-keys', '-t', 'run', '-l', '--', text);
  }

  /** Types a line and Enter. */
  type(line: string): void {
    this.write(line);
    this.keys('Enter');
  }

  keys(...names: string[]): void {
    this.tmux('send-keys', '-t', 'run', ...names);
  }

  close(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}

afterEach(() => {
  for (const terminal of Terminal.started.splice(0)) terminal.close();
});

/**
 * Runs mlsd in a new terminal through a wrapper: the inner shell writes its pid and execs node, so
 * the pid is mlsd's own; once mlsd ends, the outer shell prints its exit status and the terminal's
 * line discipline (`TTY=icanon echo` when restored), then waits in the same terminal.
 */
function start(home: string, args: string[], cwd = home): { terminal: Terminal; pid: () => number } {
  const dir = temp('mlsd-run-');
  const pidFile = join(dir, 'pid');
  const script = [
    `cd '${cwd}' || exit 99`,
    `sh -c 'echo $$ > "$0"; exec "$@"' '${pidFile}' env MLSD_HOME='${home}' '${process.execPath}' '${BIN}' ${args.join(' ')}`,
    'echo "EXIT=$?"',
    `printf 'TTY='; stty -a | tr ' ;' '\\n\\n' | grep -x -e '-\\?icanon' -e '-\\?echo' | tr '\\n' ' '; echo`,
    'exec sleep 120',
  ].join('\n');
  writeFileSync(join(dir, 'run.sh'), `${script}\n`);
  const terminal = new Terminal();
  terminal.tmux('new-session', '-d', '-s', 'run', '-x', '140', '-y', '45', `sh '${join(dir, 'run.sh')}'`);
  terminal.tmux('set-option', '-t', 'run', 'remain-on-exit', 'on');
  return { terminal, pid: () => Number(readFileSync(pidFile, 'utf8').trim()) };
}

/** Whether the process still runs: a zombie (ended, not yet reaped) does not. */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX]/.test(stat);
  } catch {
    return false;
  }
}

interface Draft {
  draft: { step: number; pending: string; notes: { requirements: string[]; framing: string[] } };
}

function draftOf(home: string): Draft {
  const files = readdirSync(join(home, 'drafts')).filter((name) => name.endsWith('.json'));
  expect(files).toHaveLength(1);
  return JSON.parse(readFileSync(join(home, 'drafts', files[0]!), 'utf8')) as Draft;
}

const STEP_1 = 'Goal: cut fraud losses in bps, approval rate above 96%';
const STEP_2 = ['Binary classification of each transaction', 'Label: chargeback within 90 days', 'Output: P(fraud) mapped to approve / step-up / decline'];
const PENDING = 'half a thought, not entered';

/** Starts a drill, enters a line in step 1 and three in step 2, and types one more without Enter. */
async function drillUntilStep2(home: string) {
  const run = start(home, ['drill', 'fraud-detection']);
  const { terminal } = run;
  await terminal.waitFor('Press Enter to start the clock');
  terminal.keys('Enter');
  await terminal.waitFor('Step 1/7');
  terminal.type(STEP_1);
  terminal.type('/next');
  await terminal.waitFor('Step 2/7');
  for (const line of STEP_2) terminal.type(line);
  // Entered lines are drawn indented; the one in the input is drawn after "› ".
  await terminal.waitFor(new RegExp(`^ {2}${literal(STEP_2.at(-1)!)}$`, 'm'));
  terminal.write(PENDING);
  await terminal.waitFor(`› ${PENDING}`);
  return run;
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

interface Fault {
  name: string;
  /** Stops the drill. */
  send: (terminal: Terminal, pid: number) => void;
  /** The exit status the shell sees, or null when no shell is left to see it. */
  exit: number | null;
  /** Whether the terminal is given back: canonical mode and echo on, cursor shown. */
  restored: boolean;
  /** Whether the line being typed is saved too (a SIGKILL can come before its throttled save). */
  keepsPending: boolean;
}

const FAULTS: Fault[] = [
  { name: 'Ctrl-C typed in the terminal', send: (terminal) => terminal.keys('C-c'), exit: 130, restored: true, keepsPending: true },
  { name: 'SIGINT from kill -INT', send: (_, pid) => process.kill(pid, 'SIGINT'), exit: 130, restored: true, keepsPending: true },
  { name: 'SIGTERM', send: (_, pid) => process.kill(pid, 'SIGTERM'), exit: 143, restored: true, keepsPending: true },
  { name: 'SIGHUP from kill -HUP', send: (_, pid) => process.kill(pid, 'SIGHUP'), exit: 129, restored: true, keepsPending: true },
  // tmux closes the pty: the kernel hangs up the terminal and mlsd gets SIGHUP with no terminal left.
  { name: 'SIGHUP from closing the terminal', send: (terminal) => terminal.tmux('kill-window', '-t', 'run'), exit: null, restored: false, keepsPending: true },
  { name: 'SIGKILL', send: (_, pid) => process.kill(pid, 'SIGKILL'), exit: 137, restored: false, keepsPending: false },
];

describe.skipIf(!hasTmux)('mlsd drill stopped by a signal, in a real terminal (tmux)', () => {
  it.each(FAULTS)('$name: the draft holds every line entered, and --resume goes on from there', async (fault) => {
    const home = temp('mlsd-fault-');
    const { terminal, pid } = await drillUntilStep2(home);
    const mlsd = pid();
    expect(running(mlsd)).toBe(true);
    fault.send(terminal, mlsd);

    if (fault.exit === null) {
      await until(() => !running(mlsd), `mlsd (pid ${mlsd}) has ended`);
    } else {
      const after = await terminal.waitFor(/TTY=-?icanon -?echo /);
      // Only the digits and the stty words: after SIGKILL the shell writes over what mlsd left on its rows.
      expect(/EXIT=(\d+)/.exec(after)?.[1]).toBe(String(fault.exit));
      const tty = /TTY=((?:-?(?:icanon|echo) )*)/.exec(after)![1]!.trim();
      if (fault.restored) {
        expect(tty).toBe('icanon echo');
        expect(terminal.tmux('display-message', '-p', '-t', 'run', '#{cursor_flag}').trim()).toBe('1');
        if (fault.name !== 'SIGHUP from kill -HUP') expect(after).toContain('Stopped. Every line is in the draft: continue with mlsd drill --resume');
      } else {
        // Nothing can restore it after SIGKILL; seeing raw mode here shows the check above can fail.
        expect(tty).toBe('-icanon -echo');
      }
    }

    const { draft } = draftOf(home);
    expect(draft.step).toBe(1);
    expect(draft.notes.requirements).toEqual([STEP_1]);
    expect(draft.notes.framing).toEqual(STEP_2);
    if (fault.keepsPending) expect(draft.pending).toBe(PENDING);
    expect(existsSync(join(home, 'history.jsonl'))).toBe(false);

    terminal.close();
    const resumed = start(home, ['drill', '--resume']).terminal;
    await resumed.waitFor('Resume which drill?');
    await resumed.waitFor('fraud-detection · step 2/7');
    resumed.keys('Enter');
    const screen = await resumed.waitFor('Step 2/7 · Frame it as an ML problem');
    for (const line of STEP_2) expect(screen).toMatch(new RegExp(`^ {2}${literal(line)}$`, 'm'));
    if (fault.keepsPending) expect(screen).toContain(`› ${PENDING}`);
    else resumed.keys('C-u');
    resumed.type(' -> then the rest, typed after the resume');
    await until(
      () => draftOf(home).draft.notes.framing.at(-1)!.endsWith(' -> then the rest, typed after the resume'),
      'the line typed after the resume is in the draft',
    );
    expect(draftOf(home).draft.notes.framing.slice(0, 3)).toEqual(STEP_2);
  }, 60_000);

  it('after SIGKILL, the resumed drill goes on to the end: scorecard, notes saved with every line, draft gone', async () => {
    const home = temp('mlsd-kill-finish-');
    const { terminal, pid } = await drillUntilStep2(home);
    await until(() => draftOf(home).draft.pending === PENDING, 'the typed text is in the draft');
    process.kill(pid(), 'SIGKILL');
    await terminal.waitFor('EXIT=137');
    terminal.close();

    const resumed = start(home, ['drill', '--resume']).terminal;
    await resumed.waitFor('fraud-detection · step 2/7');
    resumed.keys('Enter');
    await resumed.waitFor(`› ${PENDING}`);
    resumed.type(' -> finished after the resume');
    for (let step = 3; step <= 7; step++) {
      resumed.type('/next');
      await resumed.waitFor(`Step ${step}/7`);
    }
    resumed.type('/next');
    const first = await resumed.waitFor(/Follow-up 1\/(\d)/);
    const followups = Number(/Follow-up 1\/(\d)/.exec(first)![1]);
    for (let index = 1; index <= followups; index++) {
      await resumed.waitFor(`Follow-up ${index}/${followups}`);
      resumed.type('/next');
    }
    const end = await resumed.waitFor(/^EXIT=\d+/m, 30_000);
    expect(end).toContain('Scorecard');
    expect(end).toMatch(/Notes saved to \S+; grade them again/);
    expect(end).toMatch(/^EXIT=0$/m);
    const saved = readFileSync(join(home, 'attempts', readdirSync(join(home, 'attempts'))[0]!), 'utf8');
    expect(saved).toContain(`## 1. Clarify requirements\n\n${STEP_1}\n`);
    expect(saved).toContain(`## 2. Frame it as an ML problem\n\n${[...STEP_2, `${PENDING} -> finished after the resume`].join('\n')}\n`);
    expect(readdirSync(join(home, 'drafts')).filter((name) => name.endsWith('.json'))).toEqual([]);
    expect(readFileSync(join(home, 'history.jsonl'), 'utf8')).toContain('"question":"fraud-detection"');
  }, 60_000);
});
