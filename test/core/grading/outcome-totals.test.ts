import { describe, expect, it } from 'vitest';
import { addOutcome, noOutcomes, summarizeOutcomes, summarizeTotals, type FileOutcome } from '../../../src/core/grading/grade-report.js';

const problem = { file: 'broken.md', line: 3, col: 1, message: 'front matter is not valid YAML' };
const passed = (question: string, score: number): FileOutcome => ({ question, score, passed: true });
const failed = (question: string, score: number): FileOutcome => ({ question, score, passed: false });
const broken = (question: string | null): FileOutcome => ({ question, score: null, passed: false, error: problem });

describe('outcome totals', () => {
  it.each([
    ['no files', [], [], { files: 0, passed: 0, failed: 0, errors: 0, averageScore: null, passedAll: true }],
    ['every file passing', [passed('a', 80), passed('b', 71)], [], { files: 2, passed: 2, failed: 0, errors: 0, averageScore: 76, passedAll: true }],
    ['one below the bar', [passed('a', 80), failed('a', 41)], [], { files: 2, passed: 1, failed: 1, errors: 0, averageScore: 61, passedAll: false }],
    ['one that could not be graded', [passed('a', 90), broken('b')], [], { files: 2, passed: 1, failed: 0, errors: 1, averageScore: 90, passedAll: false }],
    ['a set question without an answer', [passed('a', 90)], ['b'], { files: 1, passed: 1, failed: 0, errors: 0, averageScore: 90, passedAll: false }],
  ])('sum up %s as the list of outcomes does', (_, files: FileOutcome[], missing: string[], expected) => {
    const totals = files.reduce(addOutcome, noOutcomes());
    expect(summarizeTotals(totals, missing, 60)).toEqual({ ...expected, missing, minScore: 60 });
    expect(summarizeOutcomes(files, missing, 60)).toEqual(summarizeTotals(totals, missing, 60));
  });

  it('keep the questions answered and the problems of the files that could not be graded, in order', () => {
    const totals = [passed('a', 80), broken('b'), failed('c', 12), broken(null)].reduce(addOutcome, noOutcomes());
    expect([...totals.answered]).toEqual(['a', 'c']);
    expect(totals.errors).toEqual([problem, problem]);
  });
});
