import type { Problem } from '../problem.js';
import { GradeReportSchema } from '../schema/grade-report.js';
import { escapeControls } from '../text/sanitize.js';
import { formatPath } from '../yaml-file.js';
import { summarizeOutcomes, type FileGrade, type GradeReport } from './grade-report.js';

/** A json report as read from a file: checked only as far as merging relies on it. */
export interface NamedReport {
  file: string;
  report: unknown;
}

/**
 * The json reports of the shards of one `mlsd grade --shard` matrix, as one report: every file of
 * every shard, sorted by path, with the summary worked out again. A question of the set is
 * missing only when no shard has an answer to it, which is when every shard lists it missing.
 */
export function mergeReports(reports: readonly NamedReport[]): { ok: true; report: GradeReport } | { ok: false; problem: Problem } {
  const read: GradeReport[] = [];
  for (const { file, report } of reports) {
    const problem = checkReport(report);
    if (problem) return { ok: false, problem: { file, line: 1, col: 1, message: problem } };
    const first = read[0];
    if (first && (report as GradeReport).set !== first.set) {
      return { ok: false, problem: { file, line: 1, col: 1, message: `this report is of set ${JSON.stringify((report as GradeReport).set)}, the first of ${JSON.stringify(first.set)}: merge the shards of one run` } };
    }
    if (first && (report as GradeReport).summary.minScore !== first.summary.minScore) {
      return { ok: false, problem: { file, line: 1, col: 1, message: `this report's minimum score is ${(report as GradeReport).summary.minScore}, the first's ${first.summary.minScore}: merge the shards of one run` } };
    }
    read.push(report as GradeReport);
  }
  const files: FileGrade[] = read.flatMap((report) => report.files).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const missing = read.length === 0 ? [] : read[0]!.summary.missing.filter((question) => read.every((report) => report.summary.missing.includes(question)));
  const minScore = read[0]?.summary.minScore ?? 0;
  return { ok: true, report: { version: 1, set: read[0]?.set ?? null, files, summary: summarizeOutcomes(files, missing, minScore) } };
}

function checkReport(value: unknown): string | null {
  const report = value as Partial<GradeReport> | null;
  if (typeof report !== 'object' || report === null || Array.isArray(report)) return 'not an mlsd json report: expected an object';
  if (report.version !== 1) return 'not an mlsd json report of version 1 (write it with "mlsd grade --reporter json")';
  if (!Array.isArray(report.files) || report.files.some((file) => typeof file !== 'object' || file === null || typeof file.path !== 'string' || typeof file.passed !== 'boolean')) {
    return 'its "files" is not a list of graded files';
  }
  const summary = report.summary;
  if (typeof summary !== 'object' || summary === null || typeof summary.minScore !== 'number' || !Array.isArray(summary.missing)) return 'its "summary" lacks minScore or missing';
  if (report.set !== null && typeof report.set !== 'string') return 'its "set" is neither a name nor null';
  const checked = GradeReportSchema.safeParse(report);
  if (checked.success) return null;
  const issue = checked.error.issues[0]!;
  const message = escapeControls(issue.message);
  return `not an mlsd json report: ${formatPath(issue.path)}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
}
