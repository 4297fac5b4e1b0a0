import type { FileGrade } from '../../core/grading/grade-report.js';
import { sanitize } from '../../core/text/sanitize.js';
import { fileLater, markdownParts } from './markdown.js';
import { formatCounts, requiredMisses, stepProblems, wholeReport, type Reporter, type ReportParts } from './reporter.js';

type Properties = Record<string, string | number>;

/**
 * GitHub Actions workflow commands, one per line: an error per file below the bar or not
 * gradable, a notice at each step's line most discounted as a list of terms, a warning per step
 * with required items missing, an error per missing answer, then a plain summary line. The Markdown report goes to the step summary.
 */
export const githubParts: ReportParts = {
  start: () => '',
  between: '',
  file: (file, options) => ({ now: annotateFile(file).map((line) => `${line}\n`).join(''), later: fileLater(file, options) }),
  end: (ending, options) => {
    const lines = ending.summary.missing.map((question) => command('error', { title: 'mlsd' }, `no answer for ${question}`));
    lines.push(`mlsd: ${formatCounts(ending.summary)}`);
    return { text: `${lines.join('\n')}\n`, stepSummary: markdownParts.end(ending, options).text };
  },
};

export const githubReporter: Reporter = wholeReport(githubParts);

function annotateFile(file: FileGrade): string[] {
  const lines: string[] = [];
  if (file.error) {
    lines.push(command('error', { file: file.error.file, line: file.error.line, col: file.error.col }, file.error.message));
  } else if (!file.passed) {
    const failing = file.steps.find((step) => step.line !== null && stepProblems(file, step).length > 0);
    const title = `mlsd ${file.score}/100 (min ${file.minScore})`;
    lines.push(command('error', { file: file.path, line: failing?.line ?? 1, title }, file.failures.join('; ')));
  }
  for (const warning of file.warnings) lines.push(command('warning', { file: file.path, title: 'mlsd' }, warning));
  for (const step of file.steps) {
    if (step.listed) lines.push(command('notice', { file: file.path, line: step.listed.line, title: `${step.title}: read as a list of terms` }, step.listed.note));
    if (step.requiredMissing.length === 0) continue;
    const missing = requiredMisses(step).map((miss) => (miss.hint === '' ? miss.label : `${miss.label}: ${miss.hint}`));
    lines.push(command('warning', { file: file.path, line: step.line ?? 1, title: `${step.title}: required items missing` }, missing.join('; ')));
  }
  return lines;
}

/** `::kind prop=value,...::message`, escaped as the runner expects. */
export function command(kind: 'error' | 'warning' | 'notice', properties: Properties, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${kind}${props === '' ? '' : ` ${props}`}::${escapeData(message)}`;
}

function escapeData(text: string): string {
  return sanitize(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
