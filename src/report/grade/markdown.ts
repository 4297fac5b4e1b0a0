import type { FileGrade, GradeSummary } from '../../core/grading/grade-report.js';
import type { StepResult } from '../../core/scoring/result.js';
import { sanitize } from '../../core/text/sanitize.js';
import { formatCounts, requiredMisses, stepName, wholeReport, type Reporter, type ReporterOptions, type ReportParts } from './reporter.js';

const NONE = '—';

/**
 * A GitHub-flavoured Markdown summary: one table row per file and per missing answer, then what
 * each failed file lacks. Also what the github reporter writes to $GITHUB_STEP_SUMMARY. The
 * summary comes first, so each file's row (and block, when it failed) is kept until the end.
 */
export const markdownParts: ReportParts = {
  start: () => '',
  between: '',
  file: (file, options) => ({ now: '', later: fileLater(file, options) }),
  end: ({ set, summary, later }) => {
    const rows = [
      '| File | Question | Score | Result | Weakest step |',
      '| --- | --- | ---: | --- | --- |',
      ...later.map((parts) => parts[0]!),
      ...summary.missing.map((question) => row([NONE, inline(question), NONE, '❌ missing', NONE])),
    ];
    const blocks = ['## mlsd grade', renderSummary(set, summary), rows.join('\n'), ...later.flatMap((parts) => parts.slice(1))];
    return { text: `${blocks.join('\n\n')}\n` };
  },
};

export const markdownReporter: Reporter = wholeReport(markdownParts);

/** A file's table row, then its block when it did not pass. */
export function fileLater(file: FileGrade, options: ReporterOptions): string[] {
  const cells = row([inline(file.path), inline(file.question ?? NONE), String(file.score ?? NONE), result(file), weakest(file.steps)]);
  return file.passed ? [cells] : [cells, renderFailed(file, options)];
}

function renderSummary(set: string | null, summary: GradeSummary): string {
  const parts = [`${summary.passedAll ? '✅' : '❌'} **${formatCounts(summary)}**`];
  if (set !== null) parts.push(`set ${inline(set)}`);
  parts.push(`min score ${summary.minScore}`);
  if (summary.averageScore !== null) parts.push(`average ${summary.averageScore}`);
  return parts.join(' · ');
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function result(file: FileGrade): string {
  if (file.error) return '⚠️ error';
  return file.passed ? '✅ pass' : '❌ fail';
}

function weakest(steps: readonly StepResult[]): string {
  const step = steps.reduce<StepResult | undefined>((low, next) => (low === undefined || next.score < low.score ? next : low), undefined);
  return step ? `${inline(stepName(step))} (${step.score})` : NONE;
}

/** The file's problem or failures, then per step the required items missing (every miss with --verbose). */
function renderFailed(file: FileGrade, options: ReporterOptions): string {
  const title = `### ${result(file)}: ${inline(file.path)}`;
  if (file.error) return `${title}\n\n- line ${file.error.line}, col ${file.error.col}: ${inline(file.error.message)}`;
  const blocks = [title];
  if (file.failures.length > 0) blocks.push(file.failures.map((failure) => `- ${inline(failure)}`).join('\n'));
  const steps = file.steps.flatMap((step) => {
    const misses = options.verbose ? step.misses : requiredMisses(step).map((miss) => ({ ...miss, required: true }));
    if (misses.length === 0) return [];
    const items = misses.map((miss) => `  - **${inline(miss.label)}**${options.verbose && miss.required ? ' (required)' : ''}: ${inline(miss.hint)}`);
    return [`- ${inline(stepName(step))}`, ...items];
  });
  if (steps.length > 0) blocks.push(`${options.verbose ? 'Missed' : 'Required items missing'}:\n\n${steps.join('\n')}`);
  const listed = file.steps.flatMap((step) => (step.listed ? [`- ${inline(stepName(step))}, line ${step.listed.line}: ${inline(step.listed.note)} (\`${inline(step.listed.text).replace(/`/g, "'")}\`)`] : []));
  if (listed.length > 0) blocks.push(`Read as lists of terms:\n\n${listed.join('\n')}`);
  return blocks.join('\n\n');
}

/** One line of Markdown from file text: no control characters or line breaks, and `|`, `<` and `\` kept literal. */
export function inline(text: string): string {
  return sanitize(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\|<]/g, (char) => `\\${char}`);
}
