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

interface StartOptions {
  cwd?: string;
  /** Shell commands run just before mlsd, in its mount namespace; no single quotes. */
  setup?: string;
  /** Runs mlsd in a mount namespace of its own (`unshare -rm`), so `setup` can mount there. */
  ownMounts?: boolean;
}

/**
 * Runs mlsd in a new terminal through a wrapper: the inner shell writes its pid and execs node, so
 * the pid is mlsd's own; once mlsd ends, the outer shell prints its exit status and the terminal's
 * line discipline (`TTY=icanon echo` when restored), then waits in the same terminal.
 */
function start(home: string, args: string[], options: StartOptions = {}): { terminal: Terminal; pid: () => number } {
  const dir = temp('mlsd-run-');
  const pidFile = join(dir, 'pid');
  const inner = `${options.setup ?? ''}echo $$ > "$0"; exec "$@"`;
  const script = [
    `cd '${options.cwd ?? home}' || exit 99`,
    `${options.ownMounts ? 'unshare -rm ' : ''}sh -c '${inner}' '${pidFile}' env MLSD_HOME='${home}' '${process.execPath}' '${BIN}' ${args.join(' ')}`,
    'echo "EXIT=$?"',
    `printf 'TTY='; stty -a | tr ' ;' '\\n\\n' | grep -x -e '-\\?icanon' -e '-\\?echo' | tr '\\n' ' '; echo`,
    'exec sleep 120',
  ].join('\n');
  writeFileSync(join(dir, 'run.sh'), `${script}\n`);
  const terminal = new Terminal();
  terminal.tmux('new-session', '-d', '-s', 'run', '-x', '140', '-y', '45', `sh '${join(dir, 'run.sh')}'`);
  terminal.tmux('set-option', '-t', 'run', 'remain-on-exit', 'on');
  return {
    terminal,
    pid: () => {
      if (!existsSync(pidFile)) throw new Error(`mlsd has not started; the screen was:\n${terminal.screen()}`);
      return Number(readFileSync(pidFile, 'utf8').trim());
    },
  };
}

/** From the step the drill is in, /next through the rest and every follow-up, each answered with a line. */
async function finish(terminal: Terminal, step: number): Promise<void> {
  for (let next = step + 1; next <= 7; next++) {
    terminal.type('/next');
    await terminal.waitFor(`Step ${next}/7`);
  }
  terminal.type('/next');
  const first = await terminal.waitFor(/Follow-up 1\/(\d)/);
  const followups = Number(/Follow-up 1\/(\d)/.exec(first)![1]);
  for (let index = 1; index <= followups; index++) {
    await terminal.waitFor(`Follow-up ${index}/${followups}`);
    terminal.type(`Follow-up answer ${index}: step up to 3DS above the review threshold`);
    terminal.type('/next');
  }
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
    await finish(resumed, 2);
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

/** Whether this system lets a test mount a tmpfs in a mount namespace of its own (root, or user namespaces). */
const canMount = (() => {
  const dir = temp('mlsd-mount-probe-');
  return spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$0"', dir]).status === 0;
})();

const UNWRITABLE_WARNING = (folder: string, reason: string) =>
  new RegExp(`^warning: drafts cannot be saved in ${literal(folder)} \\(${literal(reason)}\\): your notes stay in memory, and at the end you choose a file for them$`, 'm');

/** A file the drill offered to save the notes to, from its prompt on screen. */
const offered = (screen: string) => /Save the notes to another file \(Ctrl-C to skip\): \((\.\/mlsd-notes-fraud-detection-[0-9-]+\.md)\)/.exec(screen)?.[1];

describe.skipIf(!hasTmux)('mlsd drill with a data folder it cannot write, in a real terminal (tmux)', () => {
  // chmod stops no one when the tests run as root; nothing can be made below a regular file.
  it('below a file: warns at the start, keeps the notes in memory, prints them at the end and saves them where asked', async () => {
    const base = temp('mlsd-notdir-');
    const aFile = join(base, 'a-file');
    writeFileSync(aFile, 'not a folder');
    const home = join(aFile, 'mlsd');
    const cwd = temp('mlsd-cwd-');
    const { terminal } = start(home, ['drill', 'fraud-detection'], { cwd });
    const brief = await terminal.waitFor('Press Enter to start the clock');
    expect(brief).toMatch(UNWRITABLE_WARNING(join(home, 'drafts'), 'a part of its path is a file, not a folder'));
    terminal.keys('Enter');
    await terminal.waitFor('Step 1/7');
    terminal.type(STEP_1);
    await terminal.waitFor('Not saved to disk (a part of its path is a file, not a folder): your notes are kept in memory until the end.');
    terminal.type('/next');
    await terminal.waitFor('Step 2/7');
    for (const line of STEP_2) terminal.type(line);
    await terminal.waitFor(new RegExp(`^ {2}${literal(STEP_2.at(-1)!)}$`, 'm'));
    await finish(terminal, 2);

    const end = await terminal.waitFor('Save the notes to another file');
    expect(offered(end)).toBeDefined();
    expect(end).toContain(`mlsd: could not write ${join(home, 'attempts')}/`);
    const printed = end.slice(end.indexOf('Your notes follow, so nothing is lost:'));
    expect(printed).toContain(`## 1. Clarify requirements\n\n${STEP_1}\n`);
    for (const line of STEP_2) expect(printed).toContain(`${line}\n`);

    // A file that cannot be written either is named, and offered again to be corrected.
    terminal.type(join(aFile, 'notes.md'));
    await terminal.waitFor(`mlsd: could not write ${join(aFile, 'notes.md')}: a part of its path is a file, not a folder`);
    await terminal.waitFor(`Save the notes to another file (Ctrl-C to skip): (${join(aFile, 'notes.md')})`);
    terminal.type('kept.md');
    const done = await terminal.waitFor(/^EXIT=\d+/m, 30_000);
    expect(done).toContain('Notes saved to kept.md; grade them again with: mlsd grade kept.md --verbose');
    expect(done).toMatch(/^EXIT=0$/m);
    const kept = readFileSync(join(cwd, 'kept.md'), 'utf8');
    expect(kept).toMatch(/^---\nquestion: fraud-detection\n/);
    expect(kept).toContain(`## 1. Clarify requirements\n\n${STEP_1}\n`);
    expect(kept).toContain(`## 2. Frame it as an ML problem\n\n${STEP_2.join('\n')}\n`);
    expect(kept).toContain('Follow-up answer 1: step up to 3DS above the review threshold');
  }, 60_000);

  it.skipIf(!canMount)('on a read-only file system: warns at the start, and on Ctrl-C prints the notes and saves them to the file offered', async () => {
    const home = temp('mlsd-rofs-');
    const cwd = temp('mlsd-cwd-');
    const { terminal } = start(home, ['drill', 'fraud-detection'], { cwd, ownMounts: true, setup: `mount -t tmpfs -o ro tmpfs "${home}" || exit 98; ` });
    const brief = await terminal.waitFor('Press Enter to start the clock');
    expect(brief).toMatch(UNWRITABLE_WARNING(join(home, 'drafts'), 'the file system is read-only'));
    terminal.keys('Enter');
    await terminal.waitFor('Step 1/7');
    terminal.type(STEP_1);
    terminal.write(PENDING);
    await terminal.waitFor(`› ${PENDING}`);
    terminal.keys('C-c');
    const stopped = await terminal.waitFor('Save the notes to another file');
    expect(stopped).toContain('mlsd: could not save the draft (the file system is read-only). Your notes follow, so nothing is lost:');
    expect(stopped).not.toContain('Every line is in the draft');
    const file = offered(stopped)!;
    expect(file).toBeDefined();
    terminal.keys('Enter');
    const done = await terminal.waitFor(/^EXIT=\d+/m);
    expect(done).toMatch(/^EXIT=130$/m);
    const kept = readFileSync(join(cwd, file), 'utf8');
    expect(kept).toContain(`## 1. Clarify requirements\n\n${STEP_1}\n`);
  }, 60_000);

  it.skipIf(!canMount)('when the disk fills mid-drill: says so, keeps typing in memory, and saves every line to the file offered at the end', async () => {
    const home = temp('mlsd-full-');
    const cwd = temp('mlsd-cwd-');
    const { terminal, pid } = start(home, ['drill', 'fraud-detection'], { cwd, ownMounts: true, setup: `mount -t tmpfs -o size=256k tmpfs "${home}" || exit 98; ` });
    const brief = await terminal.waitFor('Press Enter to start the clock');
    expect(brief).not.toContain('warning:');
    terminal.keys('Enter');
    await terminal.waitFor('Step 1/7');
    terminal.type(STEP_1);
    // The tmpfs is mlsd's alone; the test reaches it through the process's view of the file system.
    const mounted = `/proc/${pid()}/root${home}`;
    const draftFile = () => join(mounted, 'drafts', readdirSync(join(mounted, 'drafts')).find((name) => name.endsWith('.json'))!);
    await until(() => readFileSync(draftFile(), 'utf8').includes(STEP_1), 'the first line is in the draft');
    try {
      writeFileSync(join(mounted, 'fill'), Buffer.alloc(1024 * 1024));
      throw new Error('the tmpfs did not fill up');
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    }

    terminal.type('/next');
    await terminal.waitFor('Step 2/7');
    for (const line of STEP_2) terminal.type(line);
    await terminal.waitFor('Not saved to disk (the disk is full): your notes are kept in memory until the end.');
    await terminal.waitFor(new RegExp(`^ {2}${literal(STEP_2.at(-1)!)}$`, 'm'));
    const stale = JSON.parse(readFileSync(draftFile(), 'utf8')) as Draft;
    expect(stale.draft.notes.requirements).toEqual([STEP_1]);
    expect(stale.draft.notes.framing).toEqual([]);
    await finish(terminal, 2);

    const end = await terminal.waitFor('Save the notes to another file');
    expect(end).toMatch(/mlsd: could not write \S+attempts\/fraud-detection-[0-9-]+\.md: the disk is full\. Your notes follow/);
    const file = offered(end)!;
    terminal.keys('Enter');
    const done = await terminal.waitFor(/^EXIT=\d+/m, 30_000);
    expect(done).toMatch(/^warning: this attempt is not in the history: could not write \S+history\.jsonl \(the disk is full\)$/m);
    expect(done).toMatch(/^EXIT=0$/m);
    const kept = readFileSync(join(cwd, file), 'utf8');
    expect(kept).toContain(`## 1. Clarify requirements\n\n${STEP_1}\n`);
    expect(kept).toContain(`## 2. Frame it as an ML problem\n\n${STEP_2.join('\n')}\n`);
  }, 60_000);
});
