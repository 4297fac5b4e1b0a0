import { ExitPromptError } from '@inquirer/core';
import { render } from '@inquirer/testing';
import { Chalk } from 'chalk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClockView, DrillMessage, DrillSessionPort, DrillView } from '../../src/core/drill/view.js';
import { notesEditor, type NotesEditorConfig } from '../../src/tui/notes-editor.js';

type Call = ['submit', string, number] | ['edit', number, string, number] | ['tick', number] | ['type', string, number];

/** A session that records every call and keeps the lines; the test sets the rest of the view. */
class FakeSession implements DrillSessionPort {
  calls: Call[] = [];
  lines: string[] = [];
  messages: DrillMessage[] = [];
  title = 'Step 3/7 · Data and features';
  clockState: ClockView['state'] = 'ok';
  budgetSeconds = 300;
  done = false;
  pending = '';
  /** The view says done once a line equal to this is submitted. */
  finishOn = '/next';

  view(now: number): DrillView {
    const left = this.budgetSeconds - Math.floor(now / 1000);
    return {
      title: this.title,
      guiding: ['Which data sources exist?', 'How are labels defined?'],
      clock: { label: `${left}s left`, state: this.clockState, usedSeconds: Math.floor(now / 1000), budgetSeconds: this.budgetSeconds },
      lines: [...this.lines],
      pending: this.pending,
      messages: this.messages,
      footer: '/next finish this step · /help commands',
      done: this.done,
    };
  }

  submit(line: string, now: number): void {
    this.calls.push(['submit', line, now]);
    if (line === this.finishOn) this.done = true;
    else this.lines.push(line);
  }

  edit(index: number, text: string, now: number): void {
    this.calls.push(['edit', index, text, now]);
    this.lines[index] = text;
  }

  tick(now: number): void {
    this.calls.push(['tick', now]);
  }

  type(text: string, now: number): void {
    this.calls.push(['type', text, now]);
    this.pending = text;
  }
}

const plain = new Chalk({ level: 0 });

function setup(overrides: Partial<NotesEditorConfig> = {}, session = new FakeSession()) {
  const clock = { time: 0 };
  const config: NotesEditorConfig = { session, now: () => clock.time, color: plain, ...overrides };
  return { session, clock, config };
}

/** The input line of the screen: the last line before the footer. */
function inputLine(screen: string): string {
  const lines = screen.split('\n');
  return lines[lines.length - 2] ?? '';
}

/** The calls that enter or change lines, without the input saved as it is typed. */
const entered = (session: FakeSession) => session.calls.filter((call) => call[0] !== 'type');

const submitted = (session: FakeSession) => session.calls.filter((call) => call[0] === 'submit').map((call) => call[1]);

afterEach(() => {
  vi.useRealTimers();
});

describe('notes editor', () => {
  it('draws the title, guiding questions, clock, lines, messages and footer', async () => {
    const { session, config } = setup();
    session.lines = ['1B users, 200 ms p99'];
    session.messages = [
      { kind: 'interviewer', text: 'About 100M daily users.' },
      { kind: 'hint', text: 'Say how labels are collected.' },
      { kind: 'info', text: 'One minute left in this step.' },
      { kind: 'error', text: 'Unknown command /nxt.' },
    ];
    const { answer, getScreen } = await render(notesEditor, config);

    const screen = getScreen();
    expect(screen).toContain('Step 3/7 · Data and features');
    expect(screen).toContain('  · Which data sources exist?');
    expect(screen).toContain('  · How are labels defined?');
    expect(screen).toContain('300s left');
    expect(screen).toContain('  1B users, 200 ms p99');
    expect(screen).toContain('Interviewer: About 100M daily users.');
    expect(screen).toContain('Hint: Say how labels are collected.');
    expect(screen).toContain('One minute left in this step.');
    expect(screen).toContain('Unknown command /nxt.');
    expect(screen.split('\n').at(-1)).toBe('/next finish this step · /help commands');
    expect(inputLine(screen)).toBe('›');
    answer.cancel();
    await expect(answer).rejects.toThrow();
  });

  it('colours the clock by its state and the messages by their kind', async () => {
    const { session, config } = setup({ color: new Chalk({ level: 1 }) });
    session.clockState = 'over';
    session.messages = [
      { kind: 'interviewer', text: 'About 100M daily users.' },
      { kind: 'hint', text: 'Say how labels are collected.' },
    ];
    const { answer, getScreen } = await render(notesEditor, config);

    const raw = getScreen({ raw: true });
    expect(raw).toContain('\u001B[1mStep 3/7 · Data and features\u001B[22m');
    expect(raw).toContain('\u001B[31m300s left\u001B[39m');
    expect(raw).toContain('\u001B[36mInterviewer: About 100M daily users.\u001B[39m');
    expect(raw).toContain('\u001B[33mHint: Say how labels are collected.\u001B[39m');
    answer.cancel();
    await expect(answer).rejects.toThrow();
  });

  it('keeps only the last lines of a long step on screen', async () => {
    const { session, config } = setup({ maxLinesShown: 3 });
    session.lines = ['one', 'two', 'three', 'four', 'five'];
    const { answer, getScreen } = await render(notesEditor, config);

    const screen = getScreen();
    expect(screen).toContain('  … 2 earlier lines');
    expect(screen).not.toMatch(/^ {2}(one|two)$/m);
    expect(screen).toMatch(/^ {2}three\n {2}four\n {2}five$/m);
    answer.cancel();
    await expect(answer).rejects.toThrow();
  });

  it('submits the typed line on Enter with the time, and clears the input', async () => {
    const { session, clock, config } = setup();
    const { answer, events, getScreen } = await render(notesEditor, config);

    events.type('label = watched 30s');
    expect(inputLine(getScreen())).toBe('› label = watched 30s');
    clock.time = 42_000;
    events.keypress('enter');

    expect(entered(session)).toEqual([['submit', 'label = watched 30s', 42_000]]);
    expect(inputLine(getScreen())).toBe('›');
    expect(getScreen()).toContain('  label = watched 30s');
    answer.cancel();
    await expect(answer).rejects.toThrow();
  });

  it('edits the input with backspace, delete, arrows, home/end and ctrl-a/ctrl-e', async () => {
    const { session, config } = setup();
    const { answer, events, getScreen } = await render(notesEditor, config);

    events.type('featurs');
    events.keypress('left');
    events.type('e');
    expect(inputLine(getScreen())).toBe('› features');
    events.keypress('right');
    events.keypress('backspace');
    events.keypress('backspace');
    events.type('e');
    expect(inputLine(getScreen())).toBe('› feature');
    events.keypress('home');
    events.type('user ');
    events.keypress('end');
    events.type('s: age');
    expect(inputLine(getScreen())).toBe('› user features: age');
    events.keypress({ name: 'a', ctrl: true });
    events.keypress('delete');
    events.keypress({ name: 'e', ctrl: true });
    events.type(', country');
    expect(inputLine(getScreen())).toBe('› ser features: age, country');
    events.keypress('enter');

    expect(submitted(session)).toEqual(['ser features: age, country']);
    answer.cancel();
    await expect(answer).rejects.toThrow();
  });

  it('inserts a pasted chunk at the cursor, not at the end of the line', async () => {
    const { session, config } = setup();
    const { answer, events, getScreen } = await render(notesEditor, config);

    events.type('GBDT on counts');
    for (let step = 0; step < ' on counts'.length; step += 1) events.keypress('left');
    events.type(' baseline');
    expect(inputLine(getScreen())).toBe('› GBDT baseline on counts');
    events.keypress('enter');

    expect(submitted(session)).toEqual(['GBDT baseline on counts']);
    answer.cancel();
    await expect(answer).rejects.toThrow();
  });

  it("keeps readline's own history out of the input when there is nothing to browse", async () => {
    const { session, config } = setup();
    const { answer, events, getScreen } = await render(notesEditor, config);

    events.type('from an earlier step\r');
    session.title = 'Step 4/7 · Model';
    session.lines = [];
    events.keypress('up');
    expect(inputLine(getScreen())).toBe('›');
    events.type('from');
    events.keypress('up');
    expect(inputLine(getScreen())).toBe('› from');
    events.keypress('down');
    expect(inputLine(getScreen())).toBe('› from');
    answer.cancel();
    await expect(answer).rejects.toThrow();
  });

  it('draws the cursor in inverse video when colour is on', async () => {
    const { config } = setup({ color: new Chalk({ level: 1 }) });
    const { answer, events, getScreen } = await render(notesEditor, config);

    events.type('abc');
    expect(getScreen({ raw: true })).toContain('abc\u001B[7m \u001B[27m');
    events.keypress('left');
    events.keypress('left');
    expect(getScreen({ raw: true })).toContain('a\u001B[7mb\u001B[27mc');
    answer.cancel();
    await expect(answer).rejects.toThrow();
  });

  it('turns a tab into two spaces and keeps control characters out of the line', async () => {
    const { session, config } = setup();
    const { answer, events } = await render(notesEditor, config);

    events.type('a\tb');
    events.keypress('enter');

    expect(submitted(session)).toEqual(['a  b']);
    answer.cancel();
    await expect(answer).rejects.toThrow();
  });

  it('recalls earlier lines with up and sends an edit for the line on Enter', async () => {
    const { session, clock, config } = setup();
    session.lines = ['first', 'second', 'third'];
    const { answer, events, getScreen } = await render(notesEditor, config);

    events.keypress('up');
    expect(inputLine(getScreen())).toBe('line 3 › third');
    events.keypress('up');
    expect(inputLine(getScreen())).toBe('line 2 › second');
    expect(getScreen()).toMatch(/^› second$/m);
    events.type(' (fixed)');
    clock.time = 7_000;
    events.keypress('enter');

    expect(entered(session)).toEqual([['edit', 1, 'second (fixed)', 7_000]]);
    expect(session.lines).toEqual(['first', 'second (fixed)', 'third']);
    expect(inputLine(getScreen())).toBe('›');

    events.type('fourth');
    events.keypress('enter');
    expect(session.calls.at(-1)).toEqual(['submit', 'fourth', 7_000]);
    answer.cancel();
    await expect(answer).rejects.toThrow();
  });

  it('stops at the first line going up and leaves editing going down past the last', async () => {
    const { session, config } = setup();
    session.lines = ['first', 'second'];
    const { answer, events, getScreen } = await render(notesEditor, config);

    events.keypress('up');
    events.keypress('up');
    events.keypress('up');
    expect(inputLine(getScreen())).toBe('line 1 › first');
    events.keypress('down');
    expect(inputLine(getScreen())).toBe('line 2 › second');
    events.keypress('down');
    expect(inputLine(getScreen())).toBe('›');
    events.type('new');
    events.keypress('enter');

    expect(entered(session)).toEqual([['submit', 'new', 0]]);
    answer.cancel();
    await expect(answer).rejects.toThrow();
  });

  it('leaves editing on Escape without sending anything, giving back what was being typed', async () => {
    const { session, config } = setup();
    session.lines = ['first'];
    const { answer, events, getScreen } = await render(notesEditor, config);

    events.keypress('up');
    events.type(' changed');
    events.keypress('escape');
    expect(inputLine(getScreen())).toBe('›');
    expect(entered(session)).toEqual([]);

    events.type('half a thought');
    events.keypress('up');
    expect(inputLine(getScreen())).toBe('line 1 › first');
    events.keypress('escape');
    expect(inputLine(getScreen())).toBe('› half a thought');
    answer.cancel();
    await expect(answer).rejects.toThrow();
  });

  it('submits the edit as a new line when the step changed under it', async () => {
    const { session, config } = setup();
    session.lines = ['first'];
    const { answer, events } = await render(notesEditor, config);

    events.keypress('up');
    session.title = 'Step 4/7 · Model';
    session.lines = [];
    events.type('!');
    events.keypress('enter');

    expect(entered(session)).toEqual([['submit', 'first!', 0]]);
    answer.cancel();
    await expect(answer).rejects.toThrow();
  });

  it('submits every line of a paste, in order', async () => {
    const { session, config } = setup();
    const { answer, events, getScreen } = await render(notesEditor, config);

    events.type('a\rb\rc\r');
    expect(submitted(session)).toEqual(['a', 'b', 'c']);

    events.type('d\r\ne\r\n');
    expect(submitted(session)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(getScreen()).toMatch(/^ {2}a\n {2}b\n {2}c\n {2}d\n {2}e$/m);
    answer.cancel();
    await expect(answer).rejects.toThrow();
  });

  it('finishes when the view says done, with a one-line summary', async () => {
    const { session, config } = setup();
    const { answer, events, getScreen } = await render(notesEditor, config);

    events.type('/next\r');
    await expect(answer).resolves.toBeUndefined();
    expect(getScreen()).toBe('✓ Done: saving and grading your notes…');
    expect(submitted(session)).toEqual(['/next']);
  });

  it('ignores what a paste holds after the line that finished the drill', async () => {
    const { session, config } = setup();
    const { answer, events } = await render(notesEditor, config);

    events.type('last\r/next\rafter\r');
    await expect(answer).resolves.toBeUndefined();
    expect(submitted(session)).toEqual(['last', '/next']);
  });

  it('ticks the session on a timer, redraws the clock and stops ticking when done', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { session, clock, config } = setup({ tickMs: 500 });
    const { answer, getScreen } = await render(notesEditor, config);
    expect(getScreen()).toContain('300s left');

    clock.time = 1_000;
    vi.advanceTimersByTime(500);
    expect(entered(session)).toEqual([['tick', 1_000]]);
    expect(getScreen()).toContain('299s left');

    clock.time = 61_000;
    session.clockState = 'warn';
    vi.advanceTimersByTime(500);
    expect(entered(session)).toEqual([
      ['tick', 1_000],
      ['tick', 61_000],
    ]);
    expect(getScreen()).toContain('239s left');

    session.done = true;
    vi.advanceTimersByTime(500);
    await expect(answer).resolves.toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
    expect(session.calls).toHaveLength(3);
  });

  it('rejects with ExitPromptError on Ctrl-C, keeping every line already sent', async () => {
    const { session, config } = setup();
    const { answer, events } = await render(notesEditor, config);

    events.type('kept\r');
    events.type('unsent');
    events.keypress({ name: 'c', ctrl: true });

    await expect(answer).rejects.toBeInstanceOf(ExitPromptError);
    expect(submitted(session)).toEqual(['kept']);
  });

  it('rejects with ExitPromptError on Ctrl-D instead of hanging', async () => {
    const { config } = setup();
    const { answer, events } = await render(notesEditor, config);

    events.keypress({ name: 'd', ctrl: true });

    await expect(answer).rejects.toBeInstanceOf(ExitPromptError);
  });

  it('saves the input as it is typed, so an unfinished line survives, and starts from a resumed one', async () => {
    const { session, config } = setup();
    const { events, getScreen } = await render(notesEditor, config);
    events.type('half a tho');
    expect(session.calls.filter((call) => call[0] === 'type').at(-1)).toEqual(['type', 'half a tho', 0]);
    expect(session.pending).toBe('half a tho');
    expect(inputLine(getScreen())).toContain('half a tho');

    const resumed = new FakeSession();
    resumed.pending = 'typed before the crash';
    const second = await render(notesEditor, setup({}, resumed).config);
    expect(inputLine(second.getScreen())).toContain('typed before the crash');
    second.events.keypress('enter');
    expect(submitted(resumed)).toEqual(['typed before the crash']);
  });

  it.each([
    [24, 80, true],
    [12, 40, true],
    [8, 30, false],
  ])('fits a %i x %i terminal, so a redraw never scrolls (latest line shown: %s)', async (rows, columns, latestShown) => {
    const session = new FakeSession();
    session.lines = Array.from({ length: 30 }, (_, index) => `line ${index}: ${'a long note that wraps on a narrow terminal '.repeat(2)}`);
    session.messages = [{ kind: 'interviewer', text: 'Scale: 500M DAU, 100K QPS at peak.' }];
    const { getScreen } = await render(notesEditor, setup({ size: () => ({ rows, columns }) }, session).config);
    const screen = getScreen();
    const height = screen.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / columns)), 0);
    expect(height).toBeLessThan(rows);
    expect(screen.includes('line 29:')).toBe(latestShown);
    expect(screen).toContain('Interviewer: Scale');
  });
});

