import { ExitPromptError } from '@inquirer/core';
import { render } from '@inquirer/testing';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { DrillSessionPort, DrillView } from '../../src/core/drill/view.js';
import { notesEditor } from '../../src/tui/notes-editor.js';

/** A step with two lines and nothing else going on. */
const session: DrillSessionPort = {
  view: (): DrillView => ({
    title: 'Step 1/7 · Clarify requirements',
    guiding: [],
    clock: { label: '04:00 left', state: 'ok', usedSeconds: 60, budgetSeconds: 300 },
    lines: ['Goal: cut fraud losses', '10k TPS peak'],
    pending: '',
    messages: [],
    footer: '/next · /help',
    done: false,
  }),
  submit: () => {},
  edit: () => {},
  type: () => {},
  tick: () => {},
};

const plain = new Chalk({ level: 0 });

describe('notes editor, when saving or the terminal fails', () => {
  it('shows the notice above the input while there is one, and drops it once it clears', async () => {
    let notice: string | null = 'Not saved to disk (the disk is full).';
    const { answer, events, getScreen } = await render(notesEditor, { session, now: () => 0, color: plain, notice: () => notice });

    const lines = getScreen().split('\n');
    expect(lines.at(-4)).toBe('  10k TPS peak');
    expect(lines.at(-3)).toBe('Not saved to disk (the disk is full).');
    expect(lines.at(-2)).toBe('›');
    notice = null;
    events.type('x');
    expect(getScreen()).not.toContain('Not saved to disk');
    answer.cancel();
    await expect(answer).rejects.toThrow();
  });

  it('ends like Ctrl-D when readline fails because the terminal went away, instead of crashing the process', async () => {
    const { answer, input } = await render(notesEditor, { session, now: () => 0, color: plain, tickMs: 10 });
    // What a closed terminal does: readline's setRawMode fails with EIO, reported on the input.
    const eio = Object.assign(new Error('setRawMode EIO'), { code: 'EIO' });
    expect(() => input.emit('error', eio)).not.toThrow();
    await expect(answer).rejects.toBeInstanceOf(ExitPromptError);
  });
});
