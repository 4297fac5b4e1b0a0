import { describe, expect, it } from 'vitest';
import { checkHistoryRecord, newRecords, type HistoryRecord } from '../../../src/core/progress/record.js';
import { planNext, ratingOf, suggestNext } from '../../../src/core/progress/schedule.js';
import { computeStats } from '../../../src/core/progress/stats.js';
import { Rating } from 'ts-fsrs';
import { bank } from '../../helpers/bank.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-01T09:00:00Z');

function attempt(question: string, score: number, day: number, extra: Partial<HistoryRecord> = {}): HistoryRecord {
  return {
    version: 1,
    id: `${question}-${day}`,
    source: 'grade',
    question,
    date: new Date(T0 + day * DAY).toISOString(),
    score,
    steps: { requirements: score, model: Math.max(0, score - 20) },
    missed: score < 50 ? ['baseline-model', 'online-metrics'] : ['online-metrics'],
    ...extra,
  };
}

describe('history records', () => {
  it('reads a valid record and refuses others with a reason', () => {
    const record = attempt('fraud-detection', 70, 0);
    expect(checkHistoryRecord(record)).toEqual({ ok: true, value: record });
    expect(checkHistoryRecord({ ...record, score: 140 })).toMatchObject({ ok: false, reason: expect.stringContaining('score') });
    expect(checkHistoryRecord({ ...record, date: 'yesterday' })).toMatchObject({ ok: false, reason: expect.stringContaining('date') });
  });

  it('shows control characters in the field of a refused record as escapes', () => {
    const record = attempt('fraud-detection', 70, 0);
    const check = checkHistoryRecord({ ...record, steps: { ...record.steps, '\u001b[2J': 50 } });
    expect(check).toMatchObject({ ok: false, reason: expect.stringContaining('Unrecognized key: "\\u001b[2J"') });
    expect(check.ok || check.reason).not.toContain('\u001b');
  });

  it('reads a drill written before records had an id and a source', () => {
    const legacy = { version: 1, question: 'fraud-detection', score: 61, steps: { model: 50 }, missed: ['loss-function'], hintsUsed: [], usedSeconds: { model: 600 }, budgetSeconds: { model: 540 }, startedAt: T0 - 3_000_000, finishedAt: T0, notes: 'a.md' };
    expect(checkHistoryRecord(legacy)).toMatchObject({ ok: true, value: { id: `drill-${T0}-fraud-detection`, source: 'drill', date: new Date(T0).toISOString(), timings: { model: { used: 600, budget: 540 } } } });
  });

  it('merges without duplicates', () => {
    const a = attempt('fraud-detection', 70, 0);
    const b = attempt('visual-search', 40, 1);
    expect(newRecords([a], [a, b, b])).toEqual([b]);
  });
});

describe('stats', () => {
  it('has nothing on an empty history but the untried questions', () => {
    const stats = computeStats([], bank);
    expect(stats.attempts).toBe(0);
    expect(stats.steps.every((step) => step.average === null && step.recent.length === 0)).toBe(true);
    expect(stats.untried).toHaveLength(bank.questions.length);
  });

  it('averages per step, keeps the trend in order, names the concepts missed most and the slow steps', () => {
    const timings = { model: { used: 700, budget: 540 }, serving: { used: 200, budget: 420 } };
    const records = [attempt('fraud-detection', 40, 2, { timings }), attempt('fraud-detection', 80, 0, { timings }), attempt('visual-search', 60, 1)];
    const stats = computeStats(records, bank);
    expect(stats.steps.find((step) => step.id === 'requirements')).toMatchObject({ average: 60, recent: [80, 60, 40] });
    expect(stats.missed[0]).toMatchObject({ id: 'online-metrics', missed: 3, of: 3 });
    expect(stats.missed.find((concept) => concept.id === 'baseline-model')).toMatchObject({ missed: 1, of: 3 });
    expect(stats.pacing).toEqual([{ id: 'model', title: 'Model', over: 2, timed: 2 }]);
    expect(stats.untried).not.toContain('fraud-detection');
  });
});

describe('the scheduler', () => {
  it('maps a score to a rating', () => {
    expect([ratingOf(20), ratingOf(60), ratingOf(80), ratingOf(95)]).toEqual([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]);
  });

  it('is deterministic for a given history and clock', () => {
    const records = [attempt('fraud-detection', 40, 0), attempt('visual-search', 95, 0), attempt('fraud-detection', 60, 3)];
    const now = T0 + 10 * DAY;
    expect(planNext(records, bank, now)).toEqual(planNext([...records].reverse(), bank, now));
  });

  it('puts a forgotten question before one answered well, and says why', () => {
    const records = [attempt('fraud-detection', 30, 0), attempt('visual-search', 98, 0)];
    const plan = suggestNext(records, bank, [], T0 + 5 * DAY);
    const order = plan.map((suggestion) => suggestion.question);
    expect(order.indexOf('fraud-detection')).toBeLessThan(order.indexOf('visual-search'));
    expect(plan.find((suggestion) => suggestion.question === 'fraud-detection')!.reasons[0]).toMatch(/^due for review since \d+ days?: last scored 30 on 2026-11-01, 1 attempt$/);
    expect(plan.find((suggestion) => suggestion.question === 'visual-search')!.reasons[0]).toMatch(/^next review in \d+ days?/);
    expect(plan.find((suggestion) => suggestion.question === 'ad-click-prediction')!.reasons).toEqual(['never tried']);
  });

  it('prefers, among untried questions, those that exercise the weakest concepts', () => {
    const own = bank.questions.find((entry) => entry.question.id === 'fraud-detection')!.question.concepts[0]!.id;
    const plan = suggestNext([], bank, [own], T0);
    expect(plan[0]).toMatchObject({ question: 'fraud-detection', weak: [own], reasons: ['never tried', 'exercises 1 of your weakest concepts'] });
  });
});
