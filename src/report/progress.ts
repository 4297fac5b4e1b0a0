import type { ChalkInstance } from 'chalk';
import type { HistoryRecord } from '../core/progress/record.js';
import type { Suggestion } from '../core/progress/schedule.js';
import type { Stats } from '../core/progress/stats.js';
import { FRAMEWORK } from '../core/framework.js';
import { sanitize } from '../core/text/sanitize.js';
import { formatTable } from './table.js';
import { plural } from '../core/text/plural.js';

const SPARKS = '▁▂▃▄▅▆▇█';
const BAR_WIDTH = 20;

/** Scores 0-100 as a sparkline, one character each: readable without colour. */
export function sparkline(scores: readonly number[]): string {
  return scores.map((score) => SPARKS[Math.min(SPARKS.length - 1, Math.floor((score / 100) * SPARKS.length))]).join('');
}

const START = 'Nothing recorded yet: finish a drill ("mlsd drill") or grade a file with "mlsd grade FILE --record".';

/** One row per attempt, newest last: date, source, question, score, and the weakest step. */
export function renderHistory(records: readonly HistoryRecord[], color: ChalkInstance): string {
  if (records.length === 0) return START;
  const header = ['DATE', 'SOURCE', 'QUESTION', 'SCORE', 'WEAKEST STEP'].map((title) => color.bold(title));
  const rows = records.map((record) => {
    const weakest = FRAMEWORK.filter((step) => record.steps[step.id] !== undefined).sort((a, b) => record.steps[a.id]! - record.steps[b.id]!)[0];
    return [
      record.date.slice(0, 16).replace('T', ' '),
      record.source,
      color.cyan(sanitize(record.question)),
      String(record.score).padStart(3),
      weakest ? `${weakest.title} (${record.steps[weakest.id]})` : '',
    ];
  });
  return `${formatTable([header, ...rows])}\n\n${color.dim(`${plural(records.length, 'attempt')}`)}`;
}

/** Per-step averages with a bar and the recent trend, weakest concepts with hints, pacing, untried. */
export function renderStats(stats: Stats, color: ChalkInstance): string {
  if (stats.attempts === 0) return START;
  const lines = [color.bold(`Per step, over ${plural(stats.attempts, 'attempt')} (trend: the last ${Math.max(...stats.steps.map((step) => step.recent.length))}, oldest first)`), ''];
  const number = (id: string) => FRAMEWORK.find((step) => step.id === id)!.number;
  for (const step of stats.steps) {
    const label = `${number(step.id)}. ${step.title}`.padEnd(28);
    if (step.average === null) {
      lines.push(`  ${label} ${color.dim('no scores yet')}`);
      continue;
    }
    const filled = Math.round((step.average / 100) * BAR_WIDTH);
    lines.push(`  ${label} ${'█'.repeat(filled)}${color.dim('░'.repeat(BAR_WIDTH - filled))} ${String(step.average).padStart(3)}  ${sparkline(step.recent)}`);
  }
  if (stats.missed.length > 0) {
    lines.push('', color.bold('Most often missed'));
    for (const concept of stats.missed) {
      lines.push(`  ${color.red('✗')} ${sanitize(concept.label)} ${color.dim(`(missed in ${concept.missed} of ${concept.of})`)}`);
      lines.push(`    ${color.dim(sanitize(concept.hint).replace(/\s+/g, ' '))}`);
    }
  }
  if (stats.pacing.length > 0) {
    lines.push('', color.bold('Most often over budget'));
    for (const step of stats.pacing) lines.push(`  ${number(step.id)}. ${step.title} ${color.dim(`(over in ${step.over} of ${step.timed} drills)`)}`);
  }
  if (stats.untried.length > 0) lines.push('', color.bold(`Never tried (${stats.untried.length})`), `  ${stats.untried.join(', ')}`);
  return lines.join('\n');
}

/** The suggestions, best first, each with why; the first is what `mlsd drill --next` starts. */
export function renderNext(suggestions: readonly Suggestion[], labels: ReadonlyMap<string, string>, color: ChalkInstance): string {
  if (suggestions.length === 0) return 'The bank has no questions.';
  return suggestions
    .map((suggestion, index) => {
      const weak = suggestion.weak.map((id) => labels.get(id) ?? id);
      const why = [...suggestion.reasons, ...(weak.length > 0 ? [`weak spots: ${weak.join(', ')}`] : [])].map((reason) => `    ${color.dim(sanitize(reason))}`);
      return [`${index + 1}. ${color.cyan(suggestion.question)}`, ...why].join('\n');
    })
    .join('\n');
}
