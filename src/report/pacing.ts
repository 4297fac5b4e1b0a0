import type { ChalkInstance } from 'chalk';
import type { DrillState } from '../core/drill/machine.js';
import { formatSeconds } from '../core/drill/view-of.js';
import { FRAMEWORK } from '../core/framework.js';

const WIDTH = 20;

/** Time used per step against its budget, as bars; overtime in red past the budget's end. */
export function renderPacing(state: DrillState, c: ChalkInstance): string {
  const lines = FRAMEWORK.map((step) => {
    const used = Math.round(state.usedMs[step.id] / 1000);
    const budget = state.budgets[step.id];
    const title = `${step.number}. ${step.title}`.padEnd(28);
    const share = budget > 0 ? used / budget : 0;
    const filled = Math.min(WIDTH, Math.round(share * WIDTH));
    const over = used > budget;
    const barText = (over ? c.red : c.cyan)('█'.repeat(filled)) + c.dim('░'.repeat(WIDTH - filled));
    const label = `${formatSeconds(used)} / ${formatSeconds(budget)}`;
    const extra = over ? c.red(` +${formatSeconds(used - budget)} over`) : '';
    return `  ${title} ${barText} ${label}${extra}`;
  });
  const used = FRAMEWORK.reduce((sum, step) => sum + Math.round(state.usedMs[step.id] / 1000), 0);
  const budget = FRAMEWORK.reduce((sum, step) => sum + state.budgets[step.id], 0);
  lines.push(c.dim(`  total ${formatSeconds(used)} of ${formatSeconds(budget)}`));
  return lines.join('\n');
}
