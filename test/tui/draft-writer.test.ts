import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDrill, type DrillState } from '../../src/core/drill/machine.js';
import { createDraftWriter } from '../../src/tui/draft-writer.js';

const typed = (text: string): DrillState => ({ ...createDrill('q'), pending: text });

afterEach(() => {
  vi.useRealTimers();
});

describe('the draft writer', () => {
  it('saves entered lines at once and the line being typed at most once per interval, then when typing pauses', () => {
    vi.useFakeTimers();
    const saved: string[] = [];
    let time = 0;
    const writer = createDraftWriter((state) => saved.push(state.pending), () => time, 250);

    writer.write(typed('a'), { type: 'input', text: 'a', now: time });
    time = 10;
    writer.write(typed('ab'), { type: 'input', text: 'ab', now: time });
    time = 20;
    writer.write(typed('abc'), { type: 'input', text: 'abc', now: time });
    expect(saved).toEqual(['a']);
    vi.advanceTimersByTime(250);
    expect(saved).toEqual(['a', 'abc']);

    time = 30;
    writer.write(typed('abcd'), { type: 'input', text: 'abcd', now: time });
    writer.write(typed(''), { type: 'line', text: 'abcd', now: time });
    expect(saved).toEqual(['a', 'abc', '']);
    vi.advanceTimersByTime(1000);
    expect(saved).toEqual(['a', 'abc', '']);
  });

  it('flush saves what is waiting, once', () => {
    const saved: string[] = [];
    const writer = createDraftWriter((state) => saved.push(state.pending), () => 0, 250);
    writer.write(typed('x'), { type: 'input', text: 'x', now: 0 });
    writer.write(typed('xy'), { type: 'input', text: 'xy', now: 0 });
    writer.flush();
    writer.flush();
    expect(saved).toEqual(['x', 'xy']);
  });
});
