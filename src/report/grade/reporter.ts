import type { ChalkInstance } from 'chalk';
import { getStep } from '../../core/framework.js';
import type { FileGrade, GradeReport, GradeSummary } from '../../core/grading/grade-report.js';
import type { StepResult } from '../../core/scoring/result.js';

export interface ReporterOptions {
  color: ChalkInstance;
  verbose: boolean;
}

export interface ReporterOutput {
  text: string;
  /** Markdown to append to $GITHUB_STEP_SUMMARY, when the format has one. */
  stepSummary?: string;
}

export type Reporter = (report: GradeReport, options: ReporterOptions) => ReporterOutput;

/** "4. Model": the step's number in the framework and its title. */
export function stepName(step: StepResult): string {
  return `${getStep(step.id).number}. ${step.title}`;
}

/**
 * Why a step needs attention, one phrase each; empty when it does not. A FileGrade does not
 * carry the practice set's step minimums, so the bar is the file's overall minimum, and any
 * required item missing fails the step too.
 */
export function stepProblems(file: FileGrade, step: StepResult): string[] {
  if (file.passed) return [];
  const problems: string[] = [];
  const stepMin = file.stepMinScores[step.id];
  if (stepMin !== undefined && step.score < stepMin) problems.push(`score ${step.score} is below the step minimum ${stepMin}`);
  else if (step.score < file.minScore) problems.push(`score ${step.score} is below the minimum ${file.minScore}`);
  if (step.requiredMissing.length > 0) problems.push(`required items missing: ${requiredMisses(step).map((miss) => miss.label).join(', ')}`);
  return problems;
}

/** The misses behind `requiredMissing`, in its order; an id with no miss keeps the id as label. */
export function requiredMisses(step: StepResult): { label: string; hint: string }[] {
  return step.requiredMissing.map((id) => step.misses.find((miss) => miss.id === id) ?? { label: id, hint: '' });
}

/** "1 passed, 2 failed, 1 error, 1 missing": errors and missing only when there are some. */
export function formatCounts(summary: GradeSummary): string {
  const parts = [`${summary.passed} passed`, `${summary.failed} failed`];
  if (summary.errors > 0) parts.push(`${summary.errors} ${summary.errors === 1 ? 'error' : 'errors'}`);
  if (summary.missing.length > 0) parts.push(`${summary.missing.length} missing`);
  return parts.join(', ');
}
