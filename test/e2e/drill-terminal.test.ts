import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findQuestion } from '../../src/core/bank-assembly.js';
import { answerQuestion, NO_DATA_ANSWER } from '../../src/core/drill/interviewer.js';
import { loadBank } from '../../src/io/bank-loader.js';
import { FRAMEWORK } from '../../src/core/framework.js';
import { BIN, ROOT } from '../helpers/cli.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux && process.env.MLSD_REQUIRE_TMUX === '1') throw new Error('tmux is required for the terminal tests (MLSD_REQUIRE_TMUX=1)');

/** A tmux server of its own for each test, so one test's shutdown never meets the next one's start. */
let socket = '';
let servers = 0;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });

function screen(): string {
  return tmux('capture-pane', '-p', '-J', '-S', '-400', '-t', 'drill');
}

async function waitFor(text: string | RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last = screen();
    if (typeof text === 'string' ? last.includes(text) : text.test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${String(text)}; the screen was:\n${last}`);
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function type(text: string): void {
  tmux('send-keys', '-t', 'drill', '-l', '--', text);
  tmux('send-keys', '-t', 'drill', 'Enter');
}

/** Runs mlsd in the pane; with `after`, a shell command runs in the same terminal once it exits. */
function start(home: string, args: string[], env = '', after?: string): void {
  const mlsd = `${process.execPath} ${BIN} ${args.join(' ')}`;
  const vars = `MLSD_HOME=${home} ${env}`;
  const command = after ? `cd ${ROOT} && ${vars} ${mlsd}; ${after}` : `cd ${ROOT} && ${vars} exec ${mlsd}`;
  tmux('new-session', '-d', '-s', 'drill', '-x', '140', '-y', '45', command);
  tmux('set-option', '-t', 'drill', 'remain-on-exit', 'on');
}

/** The strong example answer's lines, by step, as a candidate would type them. */
function strongAnswer(): string[][] {
  const text = readFileSync(join(ROOT, 'questions/examples/video-recommendation/strong.md'), 'utf8');
  const body = text.replace(/^---[\s\S]*?\n---\n/, '');
  return body
    .split(/^## .*$/m)
    .slice(1)
    .map((section) => section.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('/')));
}

beforeEach(() => {
  socket = `mlsd-e2e-${process.pid}-${++servers}`;
});

afterEach(() => {
  spawnSync('tmux', ['-L', socket, 'kill-server']);
});

describe.skipIf(!hasTmux)('mlsd drill in a real terminal (tmux)', () => {
  it('runs a whole drill: asks the interviewer, takes notes in seven steps, follow-ups, scorecard, saved file', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlsd-drill-'));
    const out = join(home, 'my-answer.md');
    start(home, ['drill', 'video-recommendation', '--out', out]);
    await waitFor('Press Enter to start the clock');
    tmux('send-keys', '-t', 'drill', 'Enter');
    await waitFor('Step 1/7');
    await waitFor(/\d\d:\d\d left/);

    const { bank } = await loadBank([], ROOT);
    const expected = answerQuestion('how many daily users are there?', findQuestion(bank, 'video-recommendation')!.question.interviewer);
    expect(expected).not.toBe(NO_DATA_ANSWER);
    type('/ask how many daily users are there?');
    await waitFor(expected.slice(0, 40));

    const sections = strongAnswer();
    expect(sections).toHaveLength(7);
    for (const [index, lines] of sections.entries()) {
      await waitFor(`Step ${index + 1}/7`);
      for (const line of lines) type(line);
      await waitFor(lines.at(-1)!.slice(-30));
      type('/next');
    }
    const first = await waitFor(/Follow-up 1\/(\d)/);
    const followups = Number(/Follow-up 1\/(\d)/.exec(first)![1]);
    for (let index = 1; index <= followups; index++) {
      await waitFor(`Follow-up ${index}/${followups}`);
      type(`Answer ${index}: weight the rare survey answers by inverse propensity, because responders are not typical users.`);
      type('/next');
    }
    const end = await waitFor('Reference architecture: A recommendation funnel', 30_000);
    expect(end).toContain('Scorecard');
    expect(end).toContain('Pacing');
    expect(end).toContain('Notes saved to');
    expect(end.indexOf('A strong answer')).toBeGreaterThan(end.indexOf('Notes saved to'));
    expect(end).toContain('candidate generation');
    const score = Number(/video-recommendation\s+(\d+)\/100/.exec(end)?.[1]);
    expect(score).toBeGreaterThanOrEqual(75);

    const saved = readFileSync(out, 'utf8');
    expect(saved).toMatch(/^---\nquestion: video-recommendation\n/);
    for (const lines of sections) expect(saved).toContain(lines[0]!);
    expect(saved).toContain('> Q: how many daily users are there?');
    expect(saved.match(/^## \d\. /gm)).toHaveLength(FRAMEWORK.length);
    expect(readdirSync(join(home, 'drafts')).filter((name) => name.endsWith('.json'))).toEqual([]);
    const history = readFileSync(join(home, 'history.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(history[0]!)).toMatchObject({ question: 'video-recommendation', score });
  }, 120_000);

  it('keeps every line typed when the process is killed mid-step, and --resume continues there', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlsd-kill-'));
    start(home, ['drill', 'fraud-detection']);
    await waitFor('Press Enter to start the clock');
    tmux('send-keys', '-t', 'drill', 'Enter');
    await waitFor('Step 1/7');
    type('Goal: cut fraud losses in bps while keeping approval rate above 96%');
    type('/next');
    await waitFor('Step 2/7');
    const typed = ['Binary classification of each transaction', 'Label: fraud chargeback within 90 days', 'Output: P(fraud) mapped to approve / step-up / decline'];
    for (const line of typed) type(line);
    await waitFor(typed.at(-1)!);
    tmux('send-keys', '-t', 'drill', '-l', 'half a thought, not entered');
    await waitFor('half a thought, not entered');
    const draftsDir = join(home, 'drafts');
    const draftFile = () => join(draftsDir, readdirSync(draftsDir).find((name) => name.endsWith('.json'))!);
    await until(() => readFileSync(draftFile(), 'utf8').includes('"pending": "half a thought, not entered"'));

    const pid = Number(tmux('display-message', '-p', '-t', 'drill', '#{pane_pid}').trim());
    process.kill(pid, 'SIGKILL');
    await until(() => tmux('display-message', '-p', '-t', 'drill', '#{pane_dead}').trim() === '1');

    const files = readdirSync(draftsDir).filter((name) => name.endsWith('.json'));
    expect(files).toHaveLength(1);
    const draft = JSON.parse(readFileSync(join(draftsDir, files[0]!), 'utf8'));
    expect(draft.draft.step).toBe(1);
    expect(draft.draft.notes.requirements).toEqual(['Goal: cut fraud losses in bps while keeping approval rate above 96%']);
    expect(draft.draft.notes.framing).toEqual(typed);
    expect(draft.draft.pending).toBe('half a thought, not entered');

    spawnSync('tmux', ['-L', socket, 'kill-server']);
    socket = `mlsd-e2e-${process.pid}-${++servers}`;
    start(home, ['drill', '--resume']);
    await waitFor('Resume which drill?');
    await waitFor('fraud-detection · step 2/7');
    tmux('send-keys', '-t', 'drill', 'Enter');
    const resumed = await waitFor('Step 2/7');
    for (const line of typed) expect(resumed).toContain(line);
    expect(resumed).toMatch(/› half a thought, not entered/);
    type(' -> and the rest of it');
    tmux('send-keys', '-t', 'drill', '-l', 'cut short by Ctrl-C');
    await waitFor('cut short by Ctrl-C');
    tmux('send-keys', '-t', 'drill', 'C-c');
    await waitFor('mlsd drill --resume');
    const after = JSON.parse(readFileSync(join(draftsDir, files[0]!), 'utf8'));
    expect(after.draft.notes.framing).toEqual([...typed, 'half a thought, not entered -> and the rest of it']);
    expect(after.draft.pending).toBe('cut short by Ctrl-C');
    expect(existsSync(join(home, 'history.jsonl'))).toBe(false);
  }, 120_000);

  it('picks a question from the searchable list when none is named', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlsd-pick-'));
    start(home, ['drill']);
    await waitFor('Pick a question');
    tmux('send-keys', '-t', 'drill', '-l', 'card');
    await waitFor('Design real-time fraud detection');
    tmux('send-keys', '-t', 'drill', 'Enter');
    const brief = await waitFor('Press Enter to start the clock');
    expect(brief).toContain('fraud-detection · medium');
    tmux('send-keys', '-t', 'drill', 'C-c');
    await waitFor('Cancelled: no drill was started.');
  }, 60_000);

  it('--next starts the question spaced repetition puts first, and says why', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlsd-next-'));
    const graded = spawnSync(process.execPath, [BIN, 'grade', 'questions/examples/visual-search/weak.md', '--record'], { cwd: ROOT, env: { ...process.env, MLSD_HOME: home } });
    expect(graded.status).toBe(1);
    const plan = JSON.parse(spawnSync(process.execPath, [BIN, 'next', '--json'], { cwd: ROOT, env: { ...process.env, MLSD_HOME: home }, encoding: 'utf8' }).stdout) as { question: string }[];
    start(home, ['drill', '--next']);
    const brief = await waitFor('Press Enter to start the clock');
    expect(brief).toContain(`Next: ${plan[0]!.question} (`);
    expect(brief).toContain(`${plan[0]!.question} · `);
    tmux('send-keys', '-t', 'drill', 'C-c');
    await waitFor('Cancelled: no drill was started.');
  }, 60_000);

  it('--editor writes each step in $EDITOR and still ends with the scorecard', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlsd-editor-'));
    const editor = join(home, 'editor.sh');
    writeFileSync(editor, '#!/bin/sh\nprintf "Written in the editor: a popularity baseline, because it is cheap.\\n" >> "$1"\n');
    chmodSync(editor, 0o755);
    start(home, ['drill', 'visual-search', '--editor', '--out', join(home, 'out.md')], `EDITOR=${editor} VISUAL=${editor}`);
    await waitFor('Press Enter to start the clock');
    tmux('send-keys', '-t', 'drill', 'Enter');
    for (let opened = 0; opened < 12 && !screen().includes('Notes saved to'); opened++) {
      await waitFor(/launch your preferred editor\.\s*$/);
      tmux('send-keys', '-t', 'drill', 'Enter');
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    await waitFor('Notes saved to');
    const saved = readFileSync(join(home, 'out.md'), 'utf8');
    expect(saved.match(/Written in the editor/g)!.length).toBeGreaterThanOrEqual(FRAMEWORK.length);
    expect(saved).not.toContain('# Step 1/7');
  }, 120_000);

  it('SIGTERM closes the drill cleanly: terminal restored, draft flushed, exit 143', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlsd-term-'));
    start(home, ['drill', 'ad-click-prediction'], '', 'echo "EXIT=$?"; stty -a | tr " " "\\n" | grep -x -e "-\\?icanon" -e "-\\?echo" | tr "\\n" " "; echo; sleep 60');
    await waitFor('Press Enter to start the clock');
    tmux('send-keys', '-t', 'drill', 'Enter');
    await waitFor('Step 1/7');
    tmux('send-keys', '-t', 'drill', '-l', 'typed, then the terminal was closed');
    await waitFor('typed, then the terminal was closed');
    const shell = tmux('display-message', '-p', '-t', 'drill', '#{pane_pid}').trim();
    const node = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n')[0]!;
    process.kill(Number(node), 'SIGTERM');
    await waitFor('Stopped. Every line is in the draft');
    const after = await waitFor(/EXIT=143\n.*echo/);
    expect(after).toMatch(/^icanon echo\s*$/m);
    expect(tmux('display-message', '-p', '-t', 'drill', '#{cursor_flag}').trim()).toBe('1');
    const drafts = join(home, 'drafts');
    const file = readdirSync(drafts).find((name) => name.endsWith('.json'))!;
    expect(JSON.parse(readFileSync(join(drafts, file), 'utf8')).draft.pending).toBe('typed, then the terminal was closed');
  }, 60_000);
});

