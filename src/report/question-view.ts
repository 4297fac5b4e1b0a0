import type { ChalkInstance } from 'chalk';
import type { BankQuestion } from '../core/bank.js';
import { FRAMEWORK, stepBudgets } from '../core/framework.js';
import { sanitize } from '../core/text/sanitize.js';

export interface QuestionViewOptions {
  rubric: boolean;
  minutes?: number;
}

/** The prompt, the plan of steps with their guiding questions and, on request, the checklist. */
export function renderQuestion(entry: BankQuestion, color: ChalkInstance, options: QuestionViewOptions): string {
  const { question, items } = entry;
  const budgets = stepBudgets(options.minutes);
  const total = Object.values(budgets).reduce((sum, minutes) => sum + minutes, 0);
  const lines: string[] = [
    color.bold(sanitize(question.title)),
    color.dim(`${question.id} · ${question.difficulty} · ${question.tags.join(', ')}`),
    '',
    sanitize(question.prompt.trim()),
    '',
    color.bold(`Plan: ${formatMinutes(total)} minutes`),
  ];
  for (const step of FRAMEWORK) {
    lines.push('', `${color.cyan(`${step.number}. ${step.title}`)} ${color.dim(`· ${formatMinutes(budgets[step.id])} min`)}`);
    for (const guide of question.guiding[step.id] ?? step.guiding) lines.push(`   - ${sanitize(guide)}`);
    if (!options.rubric) continue;
    const stepItems = items.filter((item) => item.step === step.id);
    if (stepItems.length === 0) continue;
    lines.push(color.dim('   Checklist:'));
    for (const item of stepItems) {
      const marks = [item.required ? color.yellow('required') : '', `weight ${item.weight}`, item.source]
        .filter((mark) => mark !== '')
        .join(', ');
      lines.push(`   ${color.green('□')} ${sanitize(item.label)} ${color.dim(`(${marks})`)}`);
    }
  }
  return lines.join('\n');
}

function formatMinutes(minutes: number): string {
  return Number.isInteger(minutes) ? String(minutes) : minutes.toFixed(1);
}
