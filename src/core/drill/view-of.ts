import { FRAMEWORK, getStep } from '../framework.js';
import { sanitize } from '../text/sanitize.js';
import { currentStep, usedMs, type DrillState } from './machine.js';
import type { ClockView, DrillView } from './view.js';

const FOOTER_STEPS = '/next · /back · /ask <question> · /hint · /pause · /help';
const FOOTER_FOLLOWUPS = 'answer the follow-up · /next when done · /back';

/** The screen of a drill at `now`, as data. */
export function viewOf(state: DrillState, guiding: (step: ReturnType<typeof currentStep>) => readonly string[], now: number): DrillView {
  const messages = state.messages.map((message) => ({ ...message, text: sanitize(message.text) }));
  if (state.phase === 'followups') {
    const followup = state.followups[state.followup]!;
    return {
      title: `Follow-up ${state.followup + 1}/${state.followups.length} · ${getStep(followup.step).title}`,
      guiding: [sanitize(followup.question.trim())],
      clock: { label: 'follow-up: take the time you need', state: 'ok', usedSeconds: 0, budgetSeconds: 0 },
      lines: followup.lines,
      pending: state.pending,
      messages,
      footer: FOOTER_FOLLOWUPS,
      done: false,
    };
  }
  const step = currentStep(state);
  const definition = FRAMEWORK[state.step]!;
  return {
    title: `Step ${definition.number}/${FRAMEWORK.length} · ${definition.title}`,
    guiding: guiding(step).map(sanitize),
    clock: clockView(state, now),
    lines: state.notes[step],
    pending: state.pending,
    messages,
    footer: FOOTER_STEPS,
    done: state.phase === 'done',
  };
}

export function clockView(state: DrillState, now: number): ClockView {
  const step = currentStep(state);
  const used = Math.floor(usedMs(state, step, now) / 1000);
  const budget = state.budgets[step];
  const left = budget - used;
  const label = left >= 0 ? `${formatSeconds(left)} left` : `+${formatSeconds(-left)} over`;
  if (state.paused) return { label: `paused · ${label}`, state: 'paused', usedSeconds: used, budgetSeconds: budget };
  return { label, state: left < 0 ? 'over' : left <= 60 ? 'warn' : 'ok', usedSeconds: used, budgetSeconds: budget };
}

/** 75 -> "01:15", 3725 -> "1:02:05". */
export function formatSeconds(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(rest).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}
