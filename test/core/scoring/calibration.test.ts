import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeNotesText, MatcherCache } from '../../../src/core/grading/grade-notes.js';
import { aliasDump } from '../../../src/core/self-test.js';
import { loadBank } from '../../../src/io/bank-loader.js';
import { ROOT } from '../../helpers/cli.js';

/**
 * Answers written by people who never saw the rubric (test/fixtures/holdout*): the scorer must
 * rank them as a senior interviewer would, whatever their style of headings and notes.
 */
const BANDS: Record<string, [number, number]> = {
  strong: [75, 100],
  mid: [25, 70],
  weak: [0, 35],
  dump: [0, 50],
};

const { bank } = await loadBank([], ROOT);
const context = { bank, matchers: new MatcherCache(), policy: { minScore: 0, stepMinScores: {} } };
const sets = ['holdout', 'holdout-2'].flatMap((set) =>
  readdirSync(join(ROOT, 'test/fixtures', set)).map((question) => ({ set, question, dir: join(ROOT, 'test/fixtures', set, question) })),
);
const graded = sets.flatMap(({ set, question, dir }) =>
  readdirSync(dir).map((name) => {
    const file = join(dir, name);
    const result = gradeNotesText(readFileSync(file, 'utf8'), file, context);
    return { set, question, name, kind: /^[a-z]+/.exec(name)![0], score: result.score };
  }),
);

describe('calibration on held-out answers', () => {
  it('covers every question in both sets', () => {
    expect(graded.length).toBeGreaterThanOrEqual(45);
    expect(new Set(graded.map((entry) => entry.question))).toEqual(new Set(bank.questions.map((entry) => entry.question.id)));
  });

  it.each(graded)('$set/$question/$name scores within its band', ({ kind, score }) => {
    const [min, max] = BANDS[kind]!;
    expect(score).toBeGreaterThanOrEqual(min);
    expect(score).toBeLessThanOrEqual(max);
  });

  it.each(sets)('$set/$question: every strong answer beats every mid, every mid beats every weak', ({ set, question }) => {
    const of = (kind: string) => graded.filter((entry) => entry.set === set && entry.question === question && entry.kind === kind).map((entry) => entry.score!);
    expect(Math.min(...of('strong'))).toBeGreaterThan(Math.max(...of('mid')));
    expect(Math.min(...of('mid'))).toBeGreaterThan(Math.max(...of('weak')));
  });

  it.each(bank.questions)('a paste of every alias of $question.id scores at most 50', (entry) => {
    const result = gradeNotesText(aliasDump(entry), 'dump.md', { ...context, question: entry.question.id });
    expect(result.score).toBeLessThanOrEqual(50);
  });
});
