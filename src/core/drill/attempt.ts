import { FRAMEWORK } from '../framework.js';
import type { FileGrade } from '../grading/grade-report.js';
import { gradeRecord, type HistoryRecord } from '../progress/record.js';
import type { DrillState } from './machine.js';

/** One finished drill, as recorded in the history: its grade, time per step and the hints used. */
export function attemptRecord(state: DrillState, grade: FileGrade, id: string): HistoryRecord | null {
  const record = gradeRecord(grade, id, state.finishedAt ?? state.startedAt ?? 0);
  if (!record) return null;
  const timings = Object.fromEntries(FRAMEWORK.map((step) => [step.id, { used: Math.round(state.usedMs[step.id] / 1000), budget: state.budgets[step.id] }]));
  return { ...record, source: 'drill', question: state.question, timings, ...(state.hintsUsed.length > 0 ? { hints: state.hintsUsed } : {}) };
}
