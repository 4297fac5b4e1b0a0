import type { ChalkInstance } from 'chalk';
import type { FileGrade, GradeSummary } from '../../core/grading/grade-report.js';
import { getStep } from '../../core/framework.js';
import type { StepResult } from '../../core/scoring/result.js';
import { sanitize } from '../../core/text/sanitize.js';
import { wholeReport, type Reporter, type ReporterOptions, type ReportParts } from './reporter.js';
import { plural } from '../../core/text/plural.js';

const BAR_WIDTH = 20;
const MISSES_SHOWN = 3;

/** A compact scorecard per file: a bar per step, misses with hints, evidence with --verbose. */
export const prettyParts: ReportParts = {
  start: () => '',
  between: '',
  file: (file, options) => ({ now: `${renderFile(file, options)}\n\n` }),
  end: ({ summary }, options) => ({ text: `${renderSummary(summary, options.color)}\n` }),
};

export const prettyReporter: Reporter = wholeReport(prettyParts);

export function renderFile(file: FileGrade, options: ReporterOptions): string {
  const c = options.color;
  if (file.error) {
    return `${c.bold(sanitize(file.path))}\n  ${c.red('✗ cannot grade:')} ${sanitize(file.error.message)} ${c.dim(`(${file.error.line}:${file.error.col})`)}`;
  }
  const verdict = file.passed ? c.green('PASS') : c.red('FAIL');
  const lines = [
    `${c.bold(sanitize(file.path))}  ${c.dim(sanitize(file.question ?? ''))}  ${paint(c, file.score ?? 0)(`${file.score}/100`)}  ${verdict} ${c.dim(`(min ${file.minScore})`)}`,
  ];
  for (const warning of file.warnings) lines.push(`  ${c.yellow('!')} ${sanitize(warning)}`);
  for (const step of file.steps) lines.push(...renderStep(step, options));
  for (const failure of file.failures) lines.push(`  ${c.red('✗')} ${sanitize(failure)}`);
  return lines.join('\n');
}

/** One step: its bar and score, its most discounted list, then what was missed, misplaced or negated; hits with --verbose. */
export function renderStep(step: StepResult, options: ReporterOptions): string[] {
  const c = options.color;
  const number = getStep(step.id).number;
  const title = `${number}. ${sanitize(step.title)}`.padEnd(28);
  const counts = c.dim(`${plural(step.hits.length, 'hit')} · ${step.misses.length} missed`);
  const lines = [`  ${title} ${bar(c, step.score)} ${paint(c, step.score)(String(step.score).padStart(3))}  ${counts}`];
  const detail = (mark: string, text: string) => lines.push(`      ${mark} ${text}`);
  if (step.listed) {
    const share = `${Math.round(step.listed.credit * 100)}% credit`;
    detail(c.yellow('≡'), `${sanitize(step.listed.note)} ${c.dim(`(${share}) line ${step.listed.line}: ${sanitize(step.listed.text)}`)}`);
  }
  if (options.verbose) {
    for (const hit of step.hits) {
      const note = hit.note ? c.yellow(` (${sanitize(hit.note)})`) : '';
      detail(c.green('✓'), `${sanitize(hit.label)}${note} ${c.dim(`line ${hit.line}: ${sanitize(hit.text)}`)}`);
    }
  }
  for (const item of step.misplaced) {
    const where = item.foundIn ? `under ${getStep(item.foundIn).title}` : 'before the first step heading';
    detail(c.yellow('↪'), `${sanitize(item.label)} ${c.dim(`found ${where} (line ${item.line}); it belongs here`)}`);
  }
  for (const item of step.negated) {
    detail(c.red('⊘'), `${sanitize(item.label)} ${c.dim(`negated at line ${item.line}: ${sanitize(item.text)}`)}`);
  }
  const misses = [...step.misses].sort((a, b) => Number(b.required) - Number(a.required) || b.weight - a.weight);
  const shown = options.verbose ? misses : misses.slice(0, MISSES_SHOWN);
  for (const miss of shown) {
    const label = miss.required ? `${c.bold(sanitize(miss.label))} ${c.red('(required)')}` : sanitize(miss.label);
    const hint = sanitize(miss.hint).replace(/\s+/g, ' ');
    detail(c.red('✗'), `${label}: ${c.dim(options.verbose ? hint : firstSentence(hint))}`);
  }
  if (shown.length < misses.length) detail(' ', c.dim(`+${misses.length - shown.length} more missed (--verbose shows all, with evidence)`));
  return lines;
}

function renderSummary(summary: GradeSummary, c: ChalkInstance): string {
  const parts = [`${summary.passed} passed`, `${summary.failed} below the bar`];
  if (summary.errors > 0) parts.push(`${summary.errors} could not be graded`);
  if (summary.missing.length > 0) parts.push(`${summary.missing.length} missing (${summary.missing.map(sanitize).join(', ')})`);
  const average = summary.averageScore === null ? '' : c.dim(`, average ${summary.averageScore}`);
  const head = summary.passedAll ? c.green('✓') : c.red('✗');
  return `${head} ${parts.join(', ')} ${c.dim(`(min ${summary.minScore})`)}${average}`;
}

export function bar(c: ChalkInstance, score: number): string {
  const filled = Math.round((score / 100) * BAR_WIDTH);
  return paint(c, score)('█'.repeat(filled)) + c.dim('░'.repeat(BAR_WIDTH - filled));
}

export function paint(c: ChalkInstance, score: number): ChalkInstance {
  return score >= 75 ? c.green : score >= 50 ? c.yellow : c.red;
}

/** The text up to its first full stop, not counting the stops of "e.g.", "i.e.", "etc." or "vs.". */
export function firstSentence(text: string): string {
  const end = /(?<!\b(?:e\.g|i\.e|etc|vs|cf|approx))[.!?](?=\s|$)/.exec(text);
  return end ? text.slice(0, end.index + 1) : text;
}
