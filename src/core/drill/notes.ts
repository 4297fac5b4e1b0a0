import { stringify } from 'yaml';
import { FRAMEWORK } from '../framework.js';
import type { DrillState } from './machine.js';

/**
 * The drill's notes as a gradable notes file: front matter (question, budget, seconds used per
 * step, hints used, start and end), one heading per step, and each follow-up under its step,
 * the probe quoted so that only the answer is scored.
 */
export function renderDrillNotes(state: DrillState, candidate?: string): string {
  const timings = Object.fromEntries(FRAMEWORK.map((step) => [step.id, Math.round(state.usedMs[step.id] / 1000)]));
  const minutes = Math.round(Object.values(state.budgets).reduce((sum, seconds) => sum + seconds, 0) / 60);
  const frontMatter = {
    question: state.question,
    ...(candidate ? { candidate } : {}),
    minutes,
    timings,
    hints_used: state.hintsUsed,
    ...(state.startedAt !== null ? { started: new Date(state.startedAt).toISOString() } : {}),
    ...(state.finishedAt !== null ? { finished: new Date(state.finishedAt).toISOString() } : {}),
  };
  const lines = ['---', stringify(frontMatter).trimEnd(), '---'];
  for (const step of FRAMEWORK) {
    lines.push('', `## ${step.number}. ${step.title}`, '', ...state.notes[step.id]);
    for (const followup of state.followups.filter((probe) => probe.step === step.id && probe.lines.length > 0)) {
      lines.push('', `> Follow-up: ${followup.question.replace(/\s+/g, ' ').trim()}`, '', ...followup.lines);
    }
  }
  return `${lines.join('\n')}\n`;
}
