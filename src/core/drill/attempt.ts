import type { FileGrade } from '../grading/grade-report.js';
import type { StepId } from '../framework.js';
import type { DrillState } from './machine.js';

/** One finished drill, as recorded in the history for progress and stats. */
export interface AttemptRecord {
  version: 1;
  question: string;
  score: number | null;
  steps: Partial<Record<StepId, number>>;
  /** Concepts missed, by id, for "weakest concepts". */
  missed: string[];
  hintsUsed: string[];
  /** Seconds used and budgeted per step. */
  usedSeconds: Record<StepId, number>;
  budgetSeconds: Record<StepId, number>;
  startedAt: number | null;
  finishedAt: number | null;
  notes: string;
}

export function attemptRecord(state: DrillState, grade: FileGrade, notesPath: string): AttemptRecord {
  return {
    version: 1,
    question: state.question,
    score: grade.score,
    steps: Object.fromEntries(grade.steps.map((step) => [step.id, step.score])),
    missed: grade.steps.flatMap((step) => step.misses.map((miss) => miss.id)),
    hintsUsed: state.hintsUsed,
    usedSeconds: Object.fromEntries(Object.entries(state.usedMs).map(([step, ms]) => [step, Math.round(ms / 1000)])) as Record<StepId, number>,
    budgetSeconds: state.budgets,
    startedAt: state.startedAt,
    finishedAt: state.finishedAt,
    notes: notesPath,
  };
}
