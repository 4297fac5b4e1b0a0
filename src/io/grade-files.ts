import { Chalk } from 'chalk';
import type { Bank } from '../core/bank.js';
import { gradeNotesText, MatcherCache } from '../core/grading/grade-notes.js';
import { failedFile, outcomeOf, type FileOutcome, type PassPolicy } from '../core/grading/grade-report.js';
import { gradeRecord, type HistoryRecord } from '../core/progress/record.js';
import { REPORT_PARTS, type ReporterName } from '../report/grade/index.js';
import type { FilePart, ReporterOptions } from '../report/grade/reporter.js';
import { readNotesFile } from './notes-files.js';

/** A notes file to grade: where it is, and the name it is reported under. */
export interface GradeJob {
  path: string;
  shown: string;
}

/** How every file of one `mlsd grade` is graded and reported: plain data, so a worker thread can take it. */
export interface GradeSettings {
  policy: PassPolicy;
  question?: string;
  reporter: ReporterName;
  verbose: boolean;
  /** Chalk's colour level for the report: 0 for none. */
  colorLevel: 0 | 1 | 2 | 3;
  /** Whether the run records each grade in the history. */
  record: boolean;
}

/** One graded file as the report needs it: its outcome, its reporter part, and its history record. */
export interface GradedFile {
  outcome: FileOutcome;
  part: FilePart;
  /** Without its id and date, which the recording run gives it. */
  record?: HistoryRecord;
}

/** Grades one file after another with one bank: in this thread, or in each worker thread. */
export function createGrader(bank: Bank, settings: GradeSettings): (job: GradeJob) => GradedFile {
  const context = { bank, policy: settings.policy, matchers: new MatcherCache(), question: settings.question };
  const parts = REPORT_PARTS[settings.reporter];
  const options: ReporterOptions = { color: new Chalk({ level: settings.colorLevel }), verbose: settings.verbose };
  return (job) => {
    const read = readNotesFile(job.path, job.shown);
    const grade = 'problem' in read ? failedFile(job.shown, read.problem, null, settings.policy.minScore) : gradeNotesText(read.text, job.shown, context);
    const record = settings.record ? gradeRecord(grade, '', 0) : null;
    return { outcome: outcomeOf(grade), part: parts.file(grade, options), ...(record ? { record } : {}) };
  };
}
