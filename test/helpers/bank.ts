import type { GradeContext } from '../../src/core/grading/grade-notes.js';
import { MatcherCache } from '../../src/core/grading/grade-notes.js';
import { loadBank } from '../../src/io/bank-loader.js';
import { ROOT } from './cli.js';

/** The built-in bank, loaded once per test file. */
export const { bank } = await loadBank([], ROOT);

/** What grading the built-in bank needs, with no bar: tests read the scores. */
export function gradingContext(question?: string): GradeContext {
  return { bank, matchers: new MatcherCache(), policy: { minScore: 0, stepMinScores: {} }, ...(question ? { question } : {}) };
}
