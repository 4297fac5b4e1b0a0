import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeNotesText } from '../../../src/core/grading/grade-notes.js';
import { SCORE_BANDS, kindOfExample, type AnswerKind } from '../../../src/core/scoring/bands.js';
import { aliasDump } from '../../../src/core/self-test.js';
import { bank, gradingContext } from '../../helpers/bank.js';
import { ROOT } from '../../helpers/cli.js';

/**
 * Answers written by people who never saw the rubric (test/fixtures/holdout*), and the bank's own
 * examples: the scorer must rank them as a senior interviewer would, whatever their style of
 * headings and notes, and hold each to its band.
 */
const context = gradingContext();
const sets = [
  ...['holdout', 'holdout-2', 'holdout-3', 'holdout-4'].flatMap((set) =>
    readdirSync(join(ROOT, 'test/fixtures', set)).map((question) => ({ set, question, dir: join(ROOT, 'test/fixtures', set, question) })),
  ),
  ...readdirSync(join(ROOT, 'questions/examples')).map((question) => ({ set: 'examples', question, dir: join(ROOT, 'questions/examples', question) })),
];
const graded = sets.flatMap(({ set, question, dir }) =>
  readdirSync(dir).map((name) => {
    const file = join(dir, name);
    const result = gradeNotesText(readFileSync(file, 'utf8'), file, context);
    return { set, question, name, kind: kindOfExample(name)!, score: result.score! };
  }),
);
const scoresOf = (set: string, question: string, kinds: readonly AnswerKind[]) =>
  graded.filter((entry) => entry.set === set && entry.question === question && kinds.includes(entry.kind)).map((entry) => entry.score);

describe('calibration on held-out answers', () => {
  it('covers every question in both sets', () => {
    expect(graded.length).toBeGreaterThanOrEqual(150);
    expect(graded.every((entry) => entry.kind in SCORE_BANDS)).toBe(true);
    expect(new Set(graded.map((entry) => entry.question))).toEqual(new Set(bank.questions.map((entry) => entry.question.id)));
  });

  it.each(graded)('$set/$question/$name scores within its band', ({ kind, score }) => {
    const [min, max] = SCORE_BANDS[kind];
    expect(score).toBeGreaterThanOrEqual(min);
    expect(score).toBeLessThanOrEqual(max);
  });

  it.each(sets)('$set/$question: every strong answer beats every mid, every mid beats every weak', ({ set, question }) => {
    const strong = scoresOf(set, question, ['strong', 'terse']);
    const mid = scoresOf(set, question, ['mid']);
    const weak = scoresOf(set, question, ['weak']);
    expect(strong.length).toBeGreaterThan(0);
    expect(weak.length).toBeGreaterThan(0);
    expect(Math.min(...strong)).toBeGreaterThan(Math.max(...mid, ...weak));
    if (mid.length > 0) expect(Math.min(...mid)).toBeGreaterThan(Math.max(...weak));
  });

  it.each(bank.questions)('a paste of every alias of $question.id scores as a dump', (entry) => {
    const result = gradeNotesText(aliasDump(entry), 'dump.md', { ...context, question: entry.question.id });
    expect(result.score).toBeLessThanOrEqual(SCORE_BANDS.dump[1]);
  });
});
