import type { StepId } from '../framework.js';
import type { ScoreResult, StepResult } from '../scoring/result.js';
import type { Problem } from '../yaml-file.js';

/** The bar a notes file must reach when neither a set nor --min-score gives one. */
export const DEFAULT_MIN_SCORE = 60;

/** The bar a file must reach: an overall minimum and optional per-step minimums. */
export interface PassPolicy {
  minScore: number;
  stepMinScores: Partial<Record<StepId, number>>;
}

/** One graded notes file; a file that could not be graded has `error` and no steps. */
export interface FileGrade {
  path: string;
  question: string | null;
  score: number | null;
  passed: boolean;
  minScore: number;
  stepMinScores: Partial<Record<StepId, number>>;
  /** Why it did not pass, one sentence each. */
  failures: string[];
  warnings: string[];
  steps: StepResult[];
  error?: Problem;
}

export interface GradeSummary {
  files: number;
  passed: number;
  failed: number;
  errors: number;
  /** Questions of a practice set with no answer file. */
  missing: string[];
  minScore: number;
  averageScore: number | null;
  /** Whether everything passed: the exit code is 0 exactly when this holds. */
  passedAll: boolean;
}

/** What `mlsd grade` produces and every reporter formats; its JSON form is a documented contract. */
export interface GradeReport {
  version: 1;
  set: string | null;
  files: FileGrade[];
  summary: GradeSummary;
}

export function gradeFile(path: string, result: ScoreResult, policy: PassPolicy): FileGrade {
  const failures: string[] = [];
  if (result.score < policy.minScore) failures.push(`score ${result.score} is below the minimum ${policy.minScore}`);
  for (const step of result.steps) {
    const min = policy.stepMinScores[step.id];
    if (min !== undefined && step.score < min) failures.push(`${step.title}: ${step.score} is below the step minimum ${min}`);
  }
  return {
    path,
    question: result.question,
    score: result.score,
    passed: failures.length === 0,
    minScore: policy.minScore,
    stepMinScores: policy.stepMinScores,
    failures,
    warnings: result.warnings,
    steps: result.steps,
  };
}

export function failedFile(path: string, error: Problem, question: string | null, minScore: number): FileGrade {
  return { path, question, score: null, passed: false, minScore, stepMinScores: {}, failures: [error.message], warnings: [], steps: [], error };
}

/** What the summary and the exit status need of a graded file, whatever the reporter. */
export interface FileOutcome {
  question: string | null;
  score: number | null;
  passed: boolean;
  error?: Problem;
}

export function outcomeOf(file: FileGrade): FileOutcome {
  return { question: file.question, score: file.score, passed: file.passed, ...(file.error ? { error: file.error } : {}) };
}

export function summarize(files: readonly FileGrade[], set: string | null, missing: readonly string[], minScore: number): GradeReport {
  return { version: 1, set, files: [...files], summary: summarizeOutcomes(files, missing, minScore) };
}

/**
 * What a run's summary needs of its files, added up as each is graded (addOutcome), so a run of
 * 100,000 files keeps counts rather than 100,000 outcomes.
 */
export interface OutcomeTotals {
  files: number;
  graded: number;
  passed: number;
  scoreSum: number;
  /** The questions with a graded file. */
  answered: Set<string>;
  /** The problems of the files that could not be graded, in file order. */
  errors: Problem[];
}

export function noOutcomes(): OutcomeTotals {
  return { files: 0, graded: 0, passed: 0, scoreSum: 0, answered: new Set(), errors: [] };
}

/** Adds one file's outcome to the totals, which it updates in place. */
export function addOutcome(totals: OutcomeTotals, file: FileOutcome): OutcomeTotals {
  totals.files++;
  if (file.passed) totals.passed++;
  if (file.error) totals.errors.push(file.error);
  if (file.score === null) return totals;
  totals.graded++;
  totals.scoreSum += file.score;
  if (file.question !== null) totals.answered.add(file.question);
  return totals;
}

export function summarizeOutcomes(files: readonly FileOutcome[], missing: readonly string[], minScore: number): GradeSummary {
  return summarizeTotals(files.reduce(addOutcome, noOutcomes()), missing, minScore);
}

export function summarizeTotals(totals: OutcomeTotals, missing: readonly string[], minScore: number): GradeSummary {
  const { files, graded, passed } = totals;
  const errors = files - graded;
  return {
    files,
    passed,
    failed: files - passed - errors,
    errors,
    missing: [...missing],
    minScore,
    averageScore: graded > 0 ? Math.round(totals.scoreSum / graded) : null,
    passedAll: errors === 0 && missing.length === 0 && passed === files,
  };
}
