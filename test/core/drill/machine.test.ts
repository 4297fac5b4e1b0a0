import { describe, expect, it } from 'vitest';
import { buildBank } from '../../../src/core/bank.js';
import { answerQuestion, NO_DATA_ANSWER } from '../../../src/core/drill/interviewer.js';
import { createDrill, reduceDrill, usedMs, type DrillContext, type DrillEvent, type DrillState } from '../../../src/core/drill/machine.js';
import { renderDrillNotes } from '../../../src/core/drill/notes.js';
import { DrillSession } from '../../../src/core/drill/session.js';
import { clockView, formatSeconds, viewOf } from '../../../src/core/drill/view-of.js';
import { getStep } from '../../../src/core/framework.js';
import { parseNotes } from '../../../src/core/notes/parse-notes.js';
import { compileMatcher } from '../../../src/core/scoring/matcher.js';

const QUESTION = `version: 1
id: toy
title: A toy recommender
difficulty: easy
prompt: Recommend toys.
interviewer:
  - triggers: [scale, users, how many, qps]
    answer: 10M daily users, 2K QPS at peak.
  - triggers: [latency, fast]
    answer: 150 ms p99.
followups:
  - step: requirements
    question: What if the catalogue doubles?
  - step: monitoring
    question: How do you notice drift?
  - step: serving
    question: What happens when the ranker times out?
rubrics: []
concepts:
  - id: baseline
    step: model
    label: Baseline
    any: [baseline, popularity ranking]
    weight: 2
    required: true
    hint: Start with a popularity baseline.
  - id: loss
    step: model
    label: Loss
    any: [log loss, cross entropy]
    hint: Name the loss.
  - id: scale
    step: requirements
    label: Scale
    any: [daily users, QPS]
    hint: Put numbers on scale.
  - id: drift
    step: monitoring
    label: Drift
    any: [drift]
    hint: Watch drift.
`;

const { bank } = buildBank({ questions: [{ path: 'questions/toy.yaml', text: QUESTION }], rubrics: [] });
const entry = bank.questions[0]!;
const context: DrillContext = { entry, matcher: compileMatcher(entry.items) };

/** Runs events in order from a fresh drill of 7 minutes (one per step... scaled from 45). */
function play(events: DrillEvent[], options: { minutes?: number; strict?: boolean } = {}): DrillState {
  return events.reduce((state, event) => reduceDrill(state, event, context), createDrill('toy', options));
}

const line = (text: string, now = 0): DrillEvent => ({ type: 'line', text, now });

describe('drill state machine', () => {
  it('starts in the brief, then runs the first step on start', () => {
    const fresh = createDrill('toy');
    expect(fresh.phase).toBe('brief');
    const started = play([{ type: 'start', now: 1000 }]);
    expect(started).toMatchObject({ phase: 'steps', step: 0, startedAt: 1000, clockStartedAt: 1000 });
  });

  it('records lines under the current step', () => {
    const state = play([{ type: 'start', now: 0 }, line('10M users', 5), line('150 ms p99', 6)]);
    expect(state.notes.requirements).toEqual(['10M users', '150 ms p99']);
  });

  it.each([
    ['/next', 1],
    ['/n', 1],
    ['  /next', 0],
  ])('%s moves on (or is a note when indented)', (text, step) => {
    const state = play([{ type: 'start', now: 0 }, line(text, 10)]);
    expect(state.step).toBe(step);
  });

  it('/next and /back move the clock between steps', () => {
    const state = play([{ type: 'start', now: 0 }, line('/next', 60_000), line('/next', 90_000), line('/back', 100_000)]);
    expect(state.step).toBe(1);
    expect(state.usedMs.requirements).toBe(60_000);
    expect(state.usedMs.framing).toBe(30_000);
    expect(state.usedMs.data).toBe(10_000);
    expect(usedMs(state, 'framing', 105_000)).toBe(35_000);
  });

  it('/back on the first step says so', () => {
    const state = play([{ type: 'start', now: 0 }, line('/back', 5)]);
    expect(state.step).toBe(0);
    expect(state.messages[0]!.text).toContain('first step');
  });

  it('/ask answers from the interviewer facts and quotes the exchange in the notes', () => {
    const state = play([{ type: 'start', now: 0 }, line('/ask how many users and what QPS?', 5)]);
    expect(state.messages).toEqual([{ kind: 'interviewer', text: '10M daily users, 2K QPS at peak.' }]);
    expect(state.notes.requirements).toEqual(['> Q: how many users and what QPS?', '> A: 10M daily users, 2K QPS at peak.']);
    expect(state.asked).toHaveLength(1);
  });

  it.each([
    ['how fast must it be', '150 ms p99.'],
    ['what is the scale', '10M daily users, 2K QPS at peak.'],
    ['which languages do we support', NO_DATA_ANSWER],
  ])('the interviewer answers %j', (asked, answer) => {
    expect(answerQuestion(asked, entry.question.interviewer)).toBe(answer);
  });

  it('/ask without a question is an error message', () => {
    const state = play([{ type: 'start', now: 0 }, line('/ask', 5)]);
    expect(state.messages[0]!.kind).toBe('error');
  });

  it('/hint names the weightiest uncovered item of the step, once each, and records it', () => {
    const atModel = [{ type: 'start', now: 0 } as DrillEvent, line('/next'), line('/next'), line('/next')];
    const first = play([...atModel, line('/hint')]);
    expect(first.messages[0]).toMatchObject({ kind: 'hint', text: expect.stringContaining('Baseline') });
    expect(first.hintsUsed).toEqual(['baseline']);
    const second = reduceDrill(first, line('/hint'), context);
    expect(second.hintsUsed).toEqual(['baseline', 'loss']);
    const covered = play([...atModel, line('We train with log loss'), line('popularity ranking as the baseline'), line('/hint')]);
    expect(covered.messages[0]!.text).toContain('Nothing left to hint');
    expect(covered.hintsUsed).toEqual([]);
  });

  it('/pause stops the clock and /resume restarts it; lines typed while paused are kept', () => {
    const state = play([{ type: 'start', now: 0 }, line('/pause', 10_000), line('a thought', 50_000), line('/resume', 70_000)]);
    expect(state.paused).toBe(false);
    expect(usedMs(state, 'requirements', 80_000)).toBe(20_000);
    expect(state.notes.requirements).toEqual(['a thought']);
    expect(clockView(play([{ type: 'start', now: 0 }, line('/pause', 1000)]), 9999).state).toBe('paused');
  });

  it('/help lists the commands and an unknown command is an error', () => {
    expect(play([{ type: 'start', now: 0 }, line('/help')]).messages.length).toBeGreaterThanOrEqual(5);
    expect(play([{ type: 'start', now: 0 }, line('/frobnicate')]).messages[0]).toMatchObject({ kind: 'error' });
  });

  it('warns once at one minute left and counts overtime past the budget', () => {
    const budget = createDrill('toy').budgets.requirements * 1000;
    const warned = play([{ type: 'start', now: 0 }, { type: 'tick', now: budget - 59_000 }, { type: 'tick', now: budget - 58_000 }]);
    expect(warned.messages).toEqual([{ kind: 'info', text: 'One minute left in this step.' }]);
    expect(clockView(warned, budget - 30_000)).toMatchObject({ state: 'warn', label: '00:30 left' });
    expect(clockView(warned, budget + 65_000)).toMatchObject({ state: 'over', label: '+01:05 over' });
    expect(warned.step).toBe(0);
  });

  it('--strict closes a step when its time runs out', () => {
    const budget = createDrill('toy', { strict: true }).budgets.requirements * 1000;
    const state = play([{ type: 'start', now: 0 }, { type: 'tick', now: budget + 1 }], { strict: true });
    expect(state.step).toBe(1);
    expect(state.messages[0]!.text).toContain('Time is up');
    expect(state.usedMs.requirements).toBe(budget + 1);
  });

  it('--minutes scales every step', () => {
    const half = createDrill('toy', { minutes: 90 });
    expect(half.budgets.model).toBe(18 * 60);
  });

  it('after the last step asks the follow-ups of the weakest steps, then finishes', () => {
    const steps: DrillEvent[] = [{ type: 'start', now: 0 }, line('10M daily users, 2K QPS'), ...Array.from({ length: 7 }, () => line('/next', 500))];
    const followups = play(steps);
    expect(followups.phase).toBe('followups');
    expect(followups.followups.map((probe) => probe.step)).toEqual(['monitoring', 'serving']);
    const answered = [line('fall back to the popularity list'), line('/next'), line('shard the index'), line('/next', 900)];
    const done = answered.reduce((state, event) => reduceDrill(state, event, context), followups);
    expect(done).toMatchObject({ phase: 'done', finishedAt: 900 });
    expect(done.followups[0]!.lines).toEqual(['fall back to the popularity list']);
  });

  it('/back from the first follow-up returns to the last step', () => {
    const atFollowups = play([{ type: 'start', now: 0 }, ...Array.from({ length: 7 }, () => line('/next'))]);
    const back = reduceDrill(atFollowups, line('/back'), context);
    expect(back).toMatchObject({ phase: 'steps', step: 6, followups: [] });
  });

  it('edits an earlier line of the step in place', () => {
    const state = play([{ type: 'start', now: 0 }, line('a'), line('b'), { type: 'edit', index: 0, text: 'A', now: 1 }, { type: 'edit', index: 9, text: 'x', now: 2 }]);
    expect(state.notes.requirements).toEqual(['A', 'b']);
  });

  it('a resumed draft counts the time its step ran until saved, not the time away', () => {
    const saved = JSON.parse(JSON.stringify(play([{ type: 'start', now: 0 }, line('/next', 60_000), line('a thought', 79_000)]))) as DrillState;
    const resumed = reduceDrill(saved, { type: 'resume', now: 3_600_000, savedAt: 79_000 }, context);
    expect(resumed.step).toBe(1);
    expect(resumed.usedMs.requirements).toBe(60_000);
    expect(usedMs(resumed, 'framing', 3_610_000)).toBe(19_000 + 10_000);
  });
});

describe('the saved notes and the screen', () => {
  it('render a gradable notes file with timings, hints and follow-ups under their steps', () => {
    const state = play([{ type: 'start', now: 0 }, line('a first thought', 1000), line('/hint', 1000), line('/next', 61_000)]);
    const text = renderDrillNotes({ ...state, followups: [{ step: 'serving', question: 'What if it times out?', lines: ['fall back'] }] }, 'ada');
    const parsed = parseNotes(text, 'drill.md');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.notes.frontMatter).toMatchObject({ question: 'toy', candidate: 'ada', timings: { requirements: 61, framing: 0 }, hints_used: ['scale'] });
    expect(text).toMatch(/## 6\. Serving\n\n\n> Follow-up: What if it times out\?\n\nfall back\n/);
    expect(text.match(/^## \d\./gm)).toHaveLength(7);
  });

  it('the view shows the step, its guiding questions, the clock, the lines and the footer', () => {
    const state = play([{ type: 'start', now: 0 }, line('first line', 1000)]);
    const view = viewOf(state, (step) => getStep(step).guiding, 75_000);
    expect(view.title).toBe('Step 1/7 · Clarify requirements');
    expect(view.guiding).toEqual(getStep('requirements').guiding);
    expect(view.clock.label).toBe(`${formatSeconds(state.budgets.requirements - 75)} left`);
    expect(view.lines).toEqual(['first line']);
    expect(view.footer).toContain('/ask');
    expect(view.done).toBe(false);
  });

  it('a session saves every new state before returning, and nothing when nothing changed', () => {
    const saved: DrillState[] = [];
    const session = new DrillSession(play([{ type: 'start', now: 0 }]), context, (state) => saved.push(state), (step) => getStep(step).guiding);
    session.submit('a line', 10);
    expect(saved.at(-1)!.notes.requirements).toEqual(['a line']);
    session.tick(20);
    expect(saved).toHaveLength(1);
    session.submit('/next', 30);
    expect(saved).toHaveLength(2);
    expect(session.view(40).title).toContain('Step 2/7');
  });

  it.each([
    [0, '00:00'],
    [75, '01:15'],
    [3725, '1:02:05'],
  ])('formats %i seconds as %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });
});

describe('a saved draft is checked before it is resumed', () => {
  it.each([
    ['a fresh drill', (state: DrillState) => state, true],
    ['a started drill after a round trip through JSON', (state: DrillState) => JSON.parse(JSON.stringify(reduceDrill(state, { type: 'start', now: 5 }, context))), true],
    ['a step past the last', (state: DrillState) => ({ ...state, step: 99 }), false],
    ['notes that are not lines', (state: DrillState) => ({ ...state, notes: { ...state.notes, model: 'text' } }), false],
    ['a follow-up that does not exist', (state: DrillState) => ({ ...state, phase: 'followups', followup: 2 }), false],
    ['no version', (state: DrillState) => ({ ...state, version: undefined }), false],
  ])('%s: %s', async (_name, change, ok) => {
    const { checkDrillState } = await import('../../../src/core/drill/state-schema.js');
    expect(checkDrillState(change(createDrill('toy'))).ok).toBe(ok);
  });
});

describe('the line being typed', () => {
  it('is kept in the state until it is entered, so a draft holds even a half-typed line', () => {
    const typing = play([{ type: 'start', now: 0 }, { type: 'input', text: 'half a tho', now: 1 }]);
    expect(typing.pending).toBe('half a tho');
    expect(viewOf(typing, (step) => getStep(step).guiding, 2).pending).toBe('half a tho');
    const entered = reduceDrill(typing, line('half a thought', 3), context);
    expect(entered).toMatchObject({ pending: '', notes: { requirements: ['half a thought'] } });
    const same = reduceDrill(entered, { type: 'input', text: '', now: 4 }, context);
    expect(same).toBe(entered);
  });
});

