import type { BankQuestion } from '../bank.js';
import { FRAMEWORK, stepBudgets, type StepId } from '../framework.js';
import { parseNotes } from '../notes/parse-notes.js';
import { findMentions, wordsOf, type Matcher } from '../scoring/matcher.js';
import { scoreNotes } from '../scoring/score.js';
import { tokenize } from '../text/tokenize.js';
import { answerQuestion } from './interviewer.js';
import { renderDrillNotes } from './notes.js';
import type { DrillMessage } from './view.js';

export type Phase = 'brief' | 'steps' | 'followups' | 'done';

/** Everything about a drill in progress: plain JSON, saved as the draft after every change. */
export interface DrillState {
  version: 1;
  question: string;
  strict: boolean;
  /** Seconds per step. */
  budgets: Record<StepId, number>;
  phase: Phase;
  /** Index of the current step in FRAMEWORK. */
  step: number;
  notes: Record<StepId, string[]>;
  usedMs: Record<StepId, number>;
  /** When the current step's clock last started; null while paused or outside the steps. */
  clockStartedAt: number | null;
  paused: boolean;
  /** Steps whose one-minute warning was given. */
  warned: StepId[];
  hintsUsed: string[];
  asked: { step: StepId; question: string; answer: string }[];
  followups: { step: StepId; question: string; lines: string[] }[];
  followup: number;
  /** What the drill said since the candidate's last line. */
  messages: DrillMessage[];
  /** The line being typed, not entered yet: kept so Ctrl-C or a crash loses nothing. */
  pending: string;
  startedAt: number | null;
  finishedAt: number | null;
}

export type DrillEvent =
  | { type: 'start'; now: number }
  | { type: 'line'; text: string; now: number }
  | { type: 'edit'; index: number; text: string; now: number }
  /** The input line changed (a key was typed); nothing is entered yet. */
  | { type: 'input'; text: string; now: number }
  | { type: 'tick'; now: number }
  /**
   * A draft saved at `savedAt` was loaded: the time its step ran until then is counted, the
   * time away is not, and the clock restarts now.
   */
  | { type: 'resume'; now: number; savedAt: number };

export interface DrillContext {
  entry: BankQuestion;
  matcher: Matcher;
}

export const FOLLOWUPS_ASKED = 2;
const WARN_SECONDS = 60;

export const COMMANDS_HELP = [
  '/next  finish this step',
  '/back  return to the previous step',
  '/ask <question>  ask the interviewer a clarifying question',
  '/hint  a hint for something this step still misses',
  '/pause, /resume  stop and restart the clock',
  '/help  this list',
];

const empty = <T>(make: () => T) => Object.fromEntries(FRAMEWORK.map((step) => [step.id, make()])) as Record<StepId, T>;

export function createDrill(question: string, options: { minutes?: number; strict?: boolean } = {}): DrillState {
  const minutes = stepBudgets(options.minutes);
  return {
    version: 1,
    question,
    strict: options.strict ?? false,
    budgets: Object.fromEntries(FRAMEWORK.map((step) => [step.id, Math.round(minutes[step.id] * 60)])) as Record<StepId, number>,
    phase: 'brief',
    step: 0,
    notes: empty(() => []),
    usedMs: empty(() => 0),
    clockStartedAt: null,
    paused: false,
    warned: [],
    hintsUsed: [],
    asked: [],
    followups: [],
    followup: 0,
    messages: [],
    pending: '',
    startedAt: null,
    finishedAt: null,
  };
}

export function currentStep(state: DrillState): StepId {
  return FRAMEWORK[state.step]!.id;
}

/** Milliseconds used in a step, counting the running clock up to `now`. */
export function usedMs(state: DrillState, step: StepId, now: number): number {
  const running = state.phase === 'steps' && currentStep(state) === step && state.clockStartedAt !== null;
  return state.usedMs[step] + (running ? Math.max(0, now - state.clockStartedAt!) : 0);
}

/** The one transition function: every input of the drill is an event, and each returns a new state. */
export function reduceDrill(state: DrillState, event: DrillEvent, context: DrillContext): DrillState {
  switch (event.type) {
    case 'start':
      if (state.phase !== 'brief') return state;
      return { ...state, phase: 'steps', startedAt: event.now, clockStartedAt: event.now, messages: [] };
    case 'resume': {
      if (state.phase !== 'steps' || state.paused) return state;
      const stopped = stopClock(state, Math.max(event.savedAt, state.clockStartedAt ?? event.savedAt));
      return { ...stopped, clockStartedAt: event.now };
    }
    case 'tick':
      return tick(state, event.now, context);
    case 'edit':
      return edit({ ...state, pending: '' }, event.index, event.text);
    case 'input':
      return event.text === state.pending ? state : { ...state, pending: event.text };
    case 'line': {
      const text = event.text.replace(/\s+$/, '');
      const entered = state.pending === '' ? state : { ...state, pending: '' };
      if (text.startsWith('/')) return command(entered, text, event.now, context);
      return addLine({ ...entered, messages: [] }, text);
    }
  }
}

function addLine(state: DrillState, text: string): DrillState {
  if (state.phase === 'steps') {
    const step = currentStep(state);
    return { ...state, notes: { ...state.notes, [step]: [...state.notes[step], text] } };
  }
  if (state.phase === 'followups') {
    const followups = state.followups.map((followup, index) =>
      index === state.followup ? { ...followup, lines: [...followup.lines, text] } : followup,
    );
    return { ...state, followups };
  }
  return state;
}

function edit(state: DrillState, index: number, text: string): DrillState {
  if (state.phase === 'steps') {
    const step = currentStep(state);
    const lines = state.notes[step];
    if (index < 0 || index >= lines.length) return state;
    return { ...state, notes: { ...state.notes, [step]: lines.map((line, at) => (at === index ? text : line)) } };
  }
  if (state.phase === 'followups') {
    const followups = state.followups.map((followup, at) =>
      at === state.followup && index >= 0 && index < followup.lines.length
        ? { ...followup, lines: followup.lines.map((line, lineAt) => (lineAt === index ? text : line)) }
        : followup,
    );
    return { ...state, followups };
  }
  return state;
}

function command(state: DrillState, text: string, now: number, context: DrillContext): DrillState {
  const [name = '', ...rest] = text.slice(1).trim().split(/\s+/);
  const argument = rest.join(' ');
  const say = (kind: DrillMessage['kind'], message: string): DrillState => ({ ...state, messages: [{ kind, text: message }] });
  switch (name.toLowerCase()) {
    case 'next':
    case 'n':
      return next(state, now, context);
    case 'back':
    case 'b':
      return back(state, now);
    case 'ask':
    case 'a': {
      if (state.phase !== 'steps') return say('error', 'Questions to the interviewer are for the steps; answer the follow-up.');
      if (argument === '') return say('error', 'Ask something: /ask how many daily users are there?');
      const answer = answerQuestion(argument, context.entry.question.interviewer);
      const step = currentStep(state);
      const quoted = [`> Q: ${argument}`, `> A: ${answer}`];
      return {
        ...state,
        notes: { ...state.notes, [step]: [...state.notes[step], ...quoted] },
        asked: [...state.asked, { step, question: argument, answer }],
        messages: [{ kind: 'interviewer', text: answer }],
      };
    }
    case 'hint':
    case 'h':
      return hint(state, context);
    case 'pause':
      if (state.phase !== 'steps' || state.paused) return say('info', 'The clock is already stopped.');
      return { ...stopClock(state, now), paused: true, messages: [{ kind: 'info', text: 'Paused: the clock is stopped. /resume to go on.' }] };
    case 'resume':
      if (!state.paused) return say('info', 'The clock is running.');
      return { ...state, paused: false, clockStartedAt: state.phase === 'steps' ? now : null, messages: [{ kind: 'info', text: 'Resumed.' }] };
    case 'help':
    case '?':
      return { ...state, messages: COMMANDS_HELP.map((line) => ({ kind: 'info' as const, text: line })) };
    default:
      return say('error', `Unknown command /${name}. /help lists the commands; to write a line starting with "/", start it with a space.`);
  }
}

function stopClock(state: DrillState, now: number): DrillState {
  if (state.phase !== 'steps' || state.clockStartedAt === null) return state;
  const step = currentStep(state);
  return { ...state, usedMs: { ...state.usedMs, [step]: usedMs(state, step, now) }, clockStartedAt: null };
}

function enterStep(state: DrillState, index: number, now: number, message?: DrillMessage): DrillState {
  const stopped = stopClock(state, now);
  return {
    ...stopped,
    phase: 'steps',
    step: index,
    clockStartedAt: stopped.paused ? null : now,
    messages: message ? [message] : [],
  };
}

function next(state: DrillState, now: number, context: DrillContext, message?: DrillMessage): DrillState {
  if (state.phase === 'steps') {
    if (state.step < FRAMEWORK.length - 1) return enterStep(state, state.step + 1, now, message);
    const stopped = { ...stopClock(state, now), clockStartedAt: null };
    const followups = chooseFollowups(stopped, context);
    if (followups.length === 0) return finish(stopped, now);
    return { ...stopped, phase: 'followups', followups, followup: 0, messages: message ? [message] : [] };
  }
  if (state.phase === 'followups') {
    if (state.followup < state.followups.length - 1) return { ...state, followup: state.followup + 1, messages: [] };
    return finish(state, now);
  }
  return state;
}

function back(state: DrillState, now: number): DrillState {
  if (state.phase === 'steps') {
    if (state.step === 0) return { ...state, messages: [{ kind: 'info', text: 'This is the first step.' }] };
    return enterStep(state, state.step - 1, now);
  }
  if (state.phase === 'followups') {
    if (state.followup > 0) return { ...state, followup: state.followup - 1, messages: [] };
    return enterStep({ ...state, followups: [], followup: 0 }, FRAMEWORK.length - 1, now);
  }
  return state;
}

function finish(state: DrillState, now: number): DrillState {
  return { ...state, phase: 'done', finishedAt: now, clockStartedAt: null, messages: [] };
}

function tick(state: DrillState, now: number, context: DrillContext): DrillState {
  if (state.phase !== 'steps' || state.clockStartedAt === null) return state;
  const step = currentStep(state);
  const left = state.budgets[step] - usedMs(state, step, now) / 1000;
  if (state.strict && left <= 0) {
    const title = FRAMEWORK[state.step]!.title;
    return next(state, now, context, { kind: 'info', text: `Time is up for ${title}: moving on.` });
  }
  if (left <= WARN_SECONDS && !state.warned.includes(step)) {
    const text = left > 0 ? 'One minute left in this step.' : 'This step is over its budget.';
    return { ...state, warned: [...state.warned, step], messages: [...state.messages, { kind: 'info', text }] };
  }
  return state;
}

/** A hint for the weightiest item of this step that the notes do not cover yet. */
function hint(state: DrillState, context: DrillContext): DrillState {
  if (state.phase !== 'steps') return { ...state, messages: [{ kind: 'error', text: 'Hints are for the steps.' }] };
  const step = currentStep(state);
  const covered = new Set(findMentions(context.matcher, wordsOf(tokenize(state.notes[step].join('\n')))).map((mention) => mention.item));
  const open = context.matcher.items
    .map((item, index) => ({ item, index }))
    .filter(({ item, index }) => item.step === step && !covered.has(index) && !state.hintsUsed.includes(item.id))
    .sort((a, b) => Number(b.item.required) - Number(a.item.required) || b.item.weight - a.item.weight);
  const pick = open[0];
  if (!pick) return { ...state, messages: [{ kind: 'info', text: 'Nothing left to hint at in this step: /next when you are ready.' }] };
  return {
    ...state,
    hintsUsed: [...state.hintsUsed, pick.item.id],
    messages: [{ kind: 'hint', text: `${pick.item.label}: ${pick.item.hint.trim().replace(/\s+/g, ' ')}` }],
  };
}

/** One or two follow-up probes, from the steps where the notes are weakest. */
export function chooseFollowups(state: DrillState, context: DrillContext): DrillState['followups'] {
  const probes = context.entry.question.followups;
  if (probes.length === 0) return [];
  const parsed = parseNotes(renderDrillNotes(state), 'drill');
  const scores = new Map<StepId, number>();
  if (parsed.ok) {
    for (const step of scoreNotes(parsed.notes, state.question, context.matcher).steps) scores.set(step.id, step.score);
  }
  return probes
    .map((probe, order) => ({ probe, order, score: scores.get(probe.step) ?? 0 }))
    .sort((a, b) => a.score - b.score || a.order - b.order)
    .slice(0, FOLLOWUPS_ASKED)
    .map(({ probe }) => ({ step: probe.step, question: probe.question, lines: [] }));
}
