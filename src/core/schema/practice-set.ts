import { z } from 'zod';
import { DEFAULT_MIN_SCORE } from '../grading/grade-report.js';
import { KebabId, StepIdSchema, Text, Version } from './common.js';

const Score = z.number().min(0).max(100);

/**
 * A folder named by a set, relative to the set file's folder and inside it: the set comes with
 * the answers it grades (a student's pull request, say), so its paths must not reach the rest
 * of the machine.
 */
const InsidePath = Text.regex(/^(?![\\/]|[A-Za-z]:)/, 'expected a folder relative to the set file, not an absolute path').regex(
  /^(?!(?:.*[\\/])?\.\.(?:[\\/]|$))/,
  'expected a folder inside the set file\'s folder: ".." is not allowed',
);

export const PracticeSetSchema = z.strictObject({
  version: Version,
  name: Text,
  questions: z.array(KebabId).min(1, 'expected at least one question id'),
  answers: InsidePath.default('answers'),
  min_score: Score.default(DEFAULT_MIN_SCORE),
  step_min_scores: z.partialRecord(StepIdSchema, Score).default({}),
  bank: InsidePath.optional(),
});

export type PracticeSet = z.output<typeof PracticeSetSchema>;
