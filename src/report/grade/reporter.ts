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

/** Test cases, failures and errors: the counts a JUnit report opens with. */
export interface Tally {
  tests: number;
  failures: number;
  errors: number;
}

/**
 * What one file adds to a report: `now` is written as soon as the file is graded, `later` kept
 * for the end (a format whose opening counts every file, or that tables them after a summary).
 */
export interface FilePart {
  now: string;
  later?: string[];
  tally?: Tally;
}

/** The end of a report: everything it needs of the files, whose parts are already written. */
export interface ReportEnding {
  set: string | null;
  summary: GradeSummary;
  /** Every file's `later`, in file order. */
  later: string[][];
  tally: Tally;
}

/**
 * A reporter in the parts `mlsd grade` streams: `file` is pure and sees only its file, so a
 * worker thread can make it, and nothing of a file but its part is kept until the end.
 */
export interface ReportParts {
  start(set: string | null): string;
  /** Written between two files' `now`. */
  between: string;
  file(file: FileGrade, options: ReporterOptions): FilePart;
  end(ending: ReportEnding, options: ReporterOptions): ReporterOutput;
}

export const NO_TALLY: Tally = { tests: 0, failures: 0, errors: 0 };

export function addTally(a: Tally, b: Tally | undefined): Tally {
  return b ? { tests: a.tests + b.tests, failures: a.failures + b.failures, errors: a.errors + b.errors } : a;
}

/** A whole report from its parts, as `mlsd grade` writes it. */
export function wholeReport(parts: ReportParts): Reporter {
  return (report, options) => {
    const fileParts = report.files.map((file) => parts.file(file, options));
    const ending = parts.end(
      { set: report.set, summary: report.summary, later: fileParts.map((part) => part.later ?? []), tally: fileParts.reduce((sum, part) => addTally(sum, part.tally), NO_TALLY) },
      options,
    );
    return { ...ending, text: parts.start(report.set) + fileParts.map((part) => part.now).join(parts.between) + ending.text };
  };
}

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
