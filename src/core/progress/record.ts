// zod/mini: the same library in its functional form, a fraction of the size, because commands
// that only read the history (list, next, stats) should not load the whole schema library.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { STEP_IDS, type StepId } from '../framework.js';
import type { FileGrade } from '../grading/grade-report.js';
import { escapeControls } from '../text/sanitize.js';

// zod/mini leaves messages to the caller: the English ones, as the rest of mlsd prints them.
z.config(en());

const nonnegative = () => z.number().check(z.nonnegative());

/** Seconds used and budgeted in one step of a drill. */
const Timing = z.strictObject({ used: nonnegative(), budget: nonnegative() });

const Score = () => z.number().check(z.minimum(0), z.maximum(100));

const StepScores = z.partialRecord(z.enum(STEP_IDS), Score());

/**
 * One line of the history: a finished drill, or a file graded with `mlsd grade --record`. The id
 * makes merging two histories (export on one machine, import on another) free of duplicates.
 */
export const HistoryRecordSchema = z.object({
  version: z.literal(1),
  id: z.string().check(z.minLength(1)),
  source: z.enum(['drill', 'grade']),
  question: z.string().check(z.minLength(1)),
  /** ISO 8601, when the attempt finished or the file was graded. */
  date: z.iso.datetime(),
  score: Score(),
  steps: StepScores,
  missed: z.array(z.string()),
  timings: z.optional(z.partialRecord(z.enum(STEP_IDS), Timing)),
  /** The notes file the record was made from. */
  notes: z.optional(z.string()),
  /** Concepts whose hint the candidate asked for during a drill. */
  hints: z.optional(z.array(z.string())),
});

export type HistoryRecord = z.output<typeof HistoryRecordSchema>;

/** The record of one graded file, or null when it could not be graded. */
export function gradeRecord(grade: FileGrade, id: string, now: number): HistoryRecord | null {
  if (grade.score === null || grade.question === null) return null;
  return {
    version: 1,
    id,
    source: 'grade',
    question: grade.question,
    date: new Date(now).toISOString(),
    score: grade.score,
    steps: Object.fromEntries(grade.steps.map((step) => [step.id, step.score])) as Partial<Record<StepId, number>>,
    missed: grade.steps.flatMap((step) => step.misses.map((miss) => miss.id)),
    notes: grade.path,
  };
}

/** The records of `incoming` that `existing` does not hold yet, by id, in their order. */
export function newRecords(existing: readonly HistoryRecord[], incoming: readonly HistoryRecord[]): HistoryRecord[] {
  const seen = new Set(existing.map((record) => record.id));
  return incoming.filter((record) => {
    if (seen.has(record.id)) return false;
    seen.add(record.id);
    return true;
  });
}

/**
 * One history line as a record, or why it is not one. Lines written before records had an id
 * and a source (a drill's `finishedAt`, `usedSeconds`, `budgetSeconds`) are read as drills.
 */
export function checkHistoryRecord(value: unknown): { ok: true; value: HistoryRecord } | { ok: false; reason: string } {
  const parsed = HistoryRecordSchema.safeParse(upgradeLegacy(value));
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, reason: `is not an attempt (${escapeControls(issue.path.join('.')) || 'record'}: ${escapeControls(issue.message)})` };
}

function upgradeLegacy(value: unknown): unknown {
  const old = value as { source?: unknown; finishedAt?: unknown; question?: unknown; usedSeconds?: Record<string, number>; budgetSeconds?: Record<string, number> };
  if (old.source !== undefined || typeof old.finishedAt !== 'number' || typeof old.question !== 'string') return value;
  const timings = Object.fromEntries(
    STEP_IDS.filter((step) => old.usedSeconds?.[step] !== undefined).map((step) => [step, { used: old.usedSeconds![step], budget: old.budgetSeconds?.[step] ?? 0 }]),
  );
  const { finishedAt, usedSeconds: _used, budgetSeconds: _budget, startedAt: _started, hintsUsed, ...rest } = value as Record<string, unknown>;
  return { ...rest, id: `drill-${finishedAt as number}-${old.question}`, source: 'drill', date: new Date(finishedAt as number).toISOString(), timings, hints: hintsUsed };
}
