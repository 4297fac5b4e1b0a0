import { z } from 'zod';
import { DEFAULT_MIN_SCORE } from '../grading/grade-report.js';
import { KebabId, StepIdSchema, Text, Version } from './common.js';

const Score = z.number().min(0).max(100);

export const PracticeSetSchema = z.strictObject({
  version: Version,
  name: Text,
  questions: z.array(KebabId).min(1, 'expected at least one question id'),
  answers: Text.default('answers'),
  min_score: Score.default(DEFAULT_MIN_SCORE),
  step_min_scores: z.partialRecord(StepIdSchema, Score).default({}),
  bank: Text.optional(),
});

export type PracticeSet = z.output<typeof PracticeSetSchema>;
