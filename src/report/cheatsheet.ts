import type { ChalkInstance } from 'chalk';
import { FRAMEWORK, TOTAL_MINUTES } from '../core/framework.js';
import type { Antipattern } from '../core/schema/antipattern.js';
import type { Concept } from '../core/schema/concept.js';
import { sanitize } from '../core/text/sanitize.js';
import { visibleLength } from './table.js';

/**
 * The seven steps on one screen: each with its minutes and the checklist every answer needs
 * there (the core pack's concepts, required first), then the mistakes to avoid.
 */
export function renderCheatsheet(concepts: readonly Concept[], antipatterns: readonly Antipattern[], color: ChalkInstance, width = 100): string {
  const lines = [color.bold(`The seven steps of an ML system design answer (${TOTAL_MINUTES} minutes)`)];
  for (const step of FRAMEWORK) {
    const mine = concepts
      .filter((concept) => concept.step === step.id)
      .sort((a, b) => Number(b.required) - Number(a.required) || b.weight - a.weight);
    lines.push('', `${color.cyan(`${step.number}. ${step.title}`)} ${color.dim(`· ${step.minutes} min`)}`);
    const labels = mine.map((concept) => (concept.required ? color.bold(sanitize(concept.label)) : sanitize(concept.label)));
    lines.push(...wrap(labels, width - 3, color).map((line) => `   ${line}`));
  }
  if (antipatterns.length > 0) {
    lines.push('', color.yellow('Avoid'));
    lines.push(...wrap(antipatterns.map((rule) => sanitize(rule.label)), width - 3, color).map((line) => `   ${line}`));
  }
  lines.push('', color.dim('Bold items are required. "mlsd show <id> --rubric" shows a question\'s whole checklist.'));
  return lines.join('\n');
}

/** Joins items with " · " into lines of at most `width` visible characters. */
function wrap(items: readonly string[], width: number, color: ChalkInstance): string[] {
  const separator = color.dim(' · ');
  const lines: string[] = [];
  let line = '';
  let length = 0;
  for (const item of items) {
    const visible = visibleLength(item);
    if (line !== '' && length + 3 + visible > width) {
      lines.push(line);
      line = '';
      length = 0;
    }
    line = line === '' ? item : `${line}${separator}${item}`;
    length += (length === 0 ? 0 : 3) + visible;
  }
  if (line !== '') lines.push(line);
  return lines;
}
