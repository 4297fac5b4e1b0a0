import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { findQuestion } from '../../src/core/bank-assembly.js';
import type { Bank, BankQuestion } from '../../src/core/bank.js';
import type { DrillState } from '../../src/core/drill/machine.js';
import { PLAIN, type Context } from '../../src/cli/context.js';
import type { DrillOptions } from '../../src/cli/commands/drill.js';
import { loadBank } from '../../src/io/bank-loader.js';
import { createDraftStore, type DraftStore } from '../../src/io/draft-store.js';
import { runDrill } from '../../src/tui/drill-flow.js';
import { ROOT } from '../helpers/cli.js';

/** A terminal's output as text, with the size the drill fits its screen to. */
class Screen extends Writable {
  raw = '';
  readonly columns = 120;
  readonly rows = 40;
  override _write(chunk: Buffer | string, _encoding: string, done: () => void): void {
    this.raw += chunk.toString();
    done();
  }
  get text(): string {
    return stripVTControlCharacters(this.raw);
  }
  /** Each prompt ends the stream it writes to when it closes; a terminal, like process.stdout, stays open. */
  override end(): this {
    return this;
  }
}

/** A real draft store whose writes fail with ENOSPC while `full` is set: a disk that filled up. */
function fillableStore(home: string) {
  const real = createDraftStore<DrillState>(home);
  const disk = { full: false, failed: 0 };
  const fail = () => {
    disk.failed++;
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  };
  const store: DraftStore<DrillState> = {
    ...real,
    folder: real.folder,
    async save(id, draft, savedAt) {
      if (disk.full) fail();
      await real.save(id, draft, savedAt);
    },
    saveSync(id, draft, savedAt) {
      if (disk.full) fail();
      real.saveSync(id, draft, savedAt);
    },
    async checkWritable() {
      if (disk.full) fail();
      await real.checkWritable();
    },
  };
  return { store, disk };
}

let bank: Bank;
let dirs: string[];
let question: BankQuestion;

beforeAll(async () => {
  ({ bank, dirs } = await loadBank([], ROOT));
  question = findQuestion(bank, 'fraud-detection')!;
});

/** Starts a drill in this process, with keys typed into its stdin and its screens captured. */
function drill(options: Partial<DrillOptions>, drafts: DraftStore<DrillState>, home: string) {
  const cwd = mkdtempSync(join(tmpdir(), 'mlsd-cwd-'));
  const stdout = new Screen();
  const stderr = new Screen();
  const stdin = new PassThrough();
  const ctx: Context = { stdout, stderr, stdin, cwd, env: { MLSD_HOME: home }, debug: false, color: PLAIN, errorColor: PLAIN, bankDirs: [] };
  let time = Date.UTC(2026, 0, 5, 9);
  const clock = { now: () => (time += 50) };
  const exit = runDrill(ctx, bank, dirs, question, { tag: [], minutes: 7, ...options }, { clock, drafts });

  async function waitFor(text: string | RegExp, timeoutMs = 5_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const seen = stdout.text;
      if (typeof text === 'string' ? seen.includes(text) : text.test(seen)) return seen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; the output ends:\n${seen.slice(-1500)}\nstderr:\n${stderr.text}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
  /** The title of the screen drawn last: the step or follow-up the drill is in. */
  const lastTitle = () => [...stdout.text.matchAll(/(Step \d\/7|Follow-up \d\/\d) · [^\n]+/g)].at(-1)?.[0] ?? '';
  const type = (line: string) => stdin.write(`${line}\r`);

  return {
    cwd,
    stdout,
    stderr,
    exit,
    waitFor,
    type,
    async begin() {
      await waitFor('Press Enter to start the clock');
      stdin.write('\r');
      await waitFor('Step 1/7');
    },
    /** Enters each line and waits until the screen shows it, so it has reached the session. */
    async enter(...lines: string[]) {
      for (const line of lines) {
        type(line);
        await waitFor(`  ${line}`);
      }
    },
    /** /next through every step and follow-up left, until the notes editor closes. */
    async finish() {
      while (!stdout.text.includes('Done: saving and grading')) {
        const before = lastTitle();
        type('/next');
        const deadline = Date.now() + 5_000;
        while (lastTitle() === before && !stdout.text.includes('Done: saving and grading')) {
          if (Date.now() > deadline) throw new Error(`stuck at ${before}`);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
    },
    ctrlC: () => stdin.write('\u0003'),
  };
}

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

describe('a drill whose drafts cannot be saved (in process, the fault injected into the draft store)', () => {
  it('keeps typing when the disk fills mid-drill: says so on screen, and every line reaches the saved notes', async () => {
    const home = temp('mlsd-fills-');
    const { store, disk } = fillableStore(home);
    const run = drill({}, store, home);
    await run.begin();
    expect(run.stderr.text).toBe('');
    await run.enter('Goal: cut fraud losses in bps', 'Approval rate above 96%');
    disk.full = true;
    await run.enter('Typed after the disk filled up', 'And one more line');
    await run.waitFor('Not saved to disk (the disk is full): your notes are kept in memory until the end.');
    expect(disk.failed).toBeGreaterThan(0);

    // The draft on disk is the last one that fitted: it has the first lines only.
    const draftFile = join(home, 'drafts', readdirSync(join(home, 'drafts')).find((name) => name.endsWith('.json'))!);
    const onDisk = JSON.parse(readFileSync(draftFile, 'utf8')) as { draft: DrillState };
    expect(onDisk.draft.notes.requirements).toEqual(['Goal: cut fraud losses in bps', 'Approval rate above 96%']);

    disk.full = false;
    await run.finish();
    expect(await run.exit).toBe(0);
    const saved = readdirSync(join(home, 'attempts'));
    expect(saved).toHaveLength(1);
    const notes = readFileSync(join(home, 'attempts', saved[0]!), 'utf8');
    expect(notes).toMatch(/## 1\. Clarify requirements\n\nGoal: cut fraud losses in bps\nApproval rate above 96%\nTyped after the disk filled up\nAnd one more line\n/);
    expect(existsSync(draftFile)).toBe(false);
  }, 30_000);

  it('warns in one line before the clock starts when the disk is full, and on Ctrl-C prints the notes and saves them to the file given', async () => {
    const home = temp('mlsd-full-');
    const { store, disk } = fillableStore(home);
    disk.full = true;
    const run = drill({}, store, home);
    await run.waitFor('Press Enter to start the clock');
    const warnings = run.stderr.text.split('\n').filter((line) => line !== '');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toBe(
      `warning: drafts cannot be saved in ${join(home, 'drafts')} (the disk is full): your notes stay in memory, and at the end you choose a file for them`,
    );
    await run.begin();
    await run.enter('Goal: cut fraud losses in bps', 'Scale: 10k transactions per second at peak');
    run.ctrlC();
    await run.waitFor('Save the notes to another file (Ctrl-C to skip)');
    expect(run.stderr.text).toContain('mlsd: could not save the draft (the disk is full). Your notes follow, so nothing is lost:');
    expect(run.stdout.text).not.toContain('Every line is in the draft');
    const printed = run.stdout.text.slice(run.stdout.text.lastIndexOf('question: fraud-detection'));
    expect(printed).toContain('Goal: cut fraud losses in bps\nScale: 10k transactions per second at peak\n');

    run.type('my-notes.md');
    expect(await run.exit).toBe(130);
    const notes = readFileSync(join(run.cwd, 'my-notes.md'), 'utf8');
    expect(notes).toMatch(/^---\nquestion: fraud-detection\n/);
    expect(notes).toContain('Goal: cut fraud losses in bps\nScale: 10k transactions per second at peak\n');
    expect(existsSync(join(home, 'attempts'))).toBe(false);
  }, 30_000);

  it('when the notes file cannot be written at the end, offers ./mlsd-notes-<id>.md and records the attempt with the file it went to', async () => {
    const home = temp('mlsd-out-');
    const aFile = join(home, 'a-file');
    writeFileSync(aFile, 'not a folder');
    const run = drill({ out: join(aFile, 'answer.md') }, createDraftStore<DrillState>(home), home);
    await run.begin();
    await run.enter('Goal: cut fraud losses in bps');
    await run.finish();
    const offer = await run.waitFor(/Save the notes to another file \(Ctrl-C to skip\): \(\.\/mlsd-notes-(fraud-detection-[0-9-]+)\.md\)/);
    const id = /\.\/mlsd-notes-(fraud-detection-[0-9-]+)\.md/.exec(offer)![1]!;
    expect(run.stderr.text).toContain(`could not write ${join(aFile, 'answer.md')}: a part of its path is a file, not a folder. Your notes follow`);
    run.type('');
    expect(await run.exit).toBe(0);
    const target = join(run.cwd, `mlsd-notes-${id}.md`);
    expect(readFileSync(target, 'utf8')).toContain('## 1. Clarify requirements\n\nGoal: cut fraud losses in bps\n');
    await run.waitFor(`Notes saved to mlsd-notes-${id}.md`);
    const history = readFileSync(join(home, 'history.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(history[0]!)).toMatchObject({ question: 'fraud-detection', notes: target });
    expect(readdirSync(join(home, 'drafts')).filter((name) => name.endsWith('.json'))).toEqual([]);
  }, 30_000);

  it('keeps the draft and exits 2 when the notes are not saved anywhere (Ctrl-C at the offer)', async () => {
    const home = temp('mlsd-skip-');
    const aFile = join(home, 'a-file');
    writeFileSync(aFile, 'not a folder');
    const run = drill({ out: join(aFile, 'answer.md') }, createDraftStore<DrillState>(home), home);
    await run.begin();
    await run.enter('Goal: cut fraud losses in bps');
    await run.finish();
    await run.waitFor('Save the notes to another file');
    run.ctrlC();
    expect(await run.exit).toBe(2);
    await run.waitFor('The draft is kept: mlsd drill --resume saves it later.');
    const drafts = readdirSync(join(home, 'drafts')).filter((name) => name.endsWith('.json'));
    expect(drafts).toHaveLength(1);
    expect(readFileSync(join(home, 'drafts', drafts[0]!), 'utf8')).toContain('Goal: cut fraud losses in bps');
    expect(existsSync(join(home, 'history.jsonl'))).toBe(false);
  }, 30_000);
});
