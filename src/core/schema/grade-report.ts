import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { STEP_IDS } from '../framework.js';

// zod/mini leaves messages to the caller: the English ones, as the rest of mlsd prints them.
z.config(en());

/**
 * The json report of `mlsd grade`, as `mlsd merge-reports` reads it back from a shard: every
 * field a reporter reads, with its type, so a report edited by hand or written by something else
 * is refused with the place named instead of breaking a reporter. Unknown fields are let through.
 */
const Score = z.number().check(z.minimum(0), z.maximum(100));
const StepId = z.enum(STEP_IDS);
const Evidence = { line: z.number(), text: z.string() };
const Item = { id: z.string(), label: z.string() };

const StepResult = z.object({
  id: StepId,
  title: z.string(),
  score: Score,
  weight: z.number(),
  present: z.boolean(),
  line: z.nullable(z.number()),
  hits: z.array(z.object({ ...Item, ...Evidence, weight: z.number(), credit: z.number(), note: z.optional(z.string()) })),
  misplaced: z.array(z.object({ ...Item, ...Evidence, weight: z.number(), credit: z.number(), foundIn: z.nullable(StepId) })),
  negated: z.array(z.object({ ...Item, ...Evidence })),
  misses: z.array(z.object({ ...Item, weight: z.number(), required: z.boolean(), hint: z.string() })),
  requiredMissing: z.array(z.string()),
  depth: z.object({ numbers: z.number(), reasons: z.number() }),
  listed: z.optional(z.object({ ...Evidence, credit: z.number(), note: z.string() })),
});

const FileGrade = z.object({
  path: z.string(),
  question: z.nullable(z.string()),
  score: z.nullable(Score),
  passed: z.boolean(),
  minScore: Score,
  stepMinScores: z.partialRecord(StepId, Score),
  failures: z.array(z.string()),
  warnings: z.array(z.string()),
  steps: z.array(StepResult),
  error: z.optional(z.object({ file: z.string(), line: z.number(), col: z.number(), message: z.string() })),
}).check(
  // A file that could not be graded has no score, and so cannot have passed.
  z.refine((file) => !(file.passed && file.score === null), { message: 'a file without a score cannot have passed', path: ['passed'] }),
);

export const GradeReportSchema = z.object({
  version: z.literal(1),
  set: z.nullable(z.string()),
  files: z.array(FileGrade),
  summary: z.object({ minScore: Score, missing: z.array(z.string()) }),
});
