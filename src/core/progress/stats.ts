import type { Bank, RubricItem } from '../bank.js';
import { FRAMEWORK, type StepId } from '../framework.js';
import type { HistoryRecord } from './record.js';

export interface StepStats {
  id: StepId;
  title: string;
  /** Average over the attempts that scored the step, or null with none. */
  average: number | null;
  /** The step's scores in the last attempts, oldest first. */
  recent: number[];
}

export interface MissedConcept {
  id: string;
  label: string;
  hint: string;
  /** Attempts that missed it, out of the attempts whose question has it. */
  missed: number;
  of: number;
}

export interface Pacing {
  id: StepId;
  title: string;
  /** Drills that ran over the step's budget, out of the drills that timed it. */
  over: number;
  timed: number;
}

export interface Stats {
  attempts: number;
  steps: StepStats[];
  missed: MissedConcept[];
  pacing: Pacing[];
  /** Questions of the bank never attempted. */
  untried: string[];
}

/** How many attempts the trend shows, and how many weak concepts and slow steps the stats name. */
export const STATS = { recent: 10, missed: 5, pacing: 3 } as const;

/** Per-step averages and trends, the concepts most often missed, pacing, and what is untried. */
export function computeStats(records: readonly HistoryRecord[], bank: Bank): Stats {
  const ordered = [...records].sort((a, b) => a.date.localeCompare(b.date));
  const steps = FRAMEWORK.map((step): StepStats => {
    const scores = ordered.flatMap((record) => (record.steps[step.id] === undefined ? [] : [record.steps[step.id]!]));
    const average = scores.length === 0 ? null : Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length);
    return { id: step.id, title: step.title, average, recent: scores.slice(-STATS.recent) };
  });
  return { attempts: ordered.length, steps, missed: mostMissed(ordered, bank), pacing: slowSteps(ordered), untried: untried(ordered, bank) };
}

/** Every concept of the bank by id, as the first question that has it defines it. */
export function conceptsById(bank: Bank): Map<string, RubricItem> {
  const byId = new Map<string, RubricItem>();
  for (const entry of bank.questions) for (const item of entry.items) if (!byId.has(item.id)) byId.set(item.id, item);
  return byId;
}

function mostMissed(records: readonly HistoryRecord[], bank: Bank): MissedConcept[] {
  const items = conceptsById(bank);
  const checklist = new Map(bank.questions.map((entry) => [entry.question.id, new Set(entry.items.map((item) => item.id))]));
  const counts = new Map<string, { missed: number; of: number }>();
  for (const record of records) {
    const ids = checklist.get(record.question);
    if (!ids) continue;
    const missed = new Set(record.missed);
    for (const id of ids) {
      const count = counts.get(id) ?? { missed: 0, of: 0 };
      count.of++;
      if (missed.has(id)) count.missed++;
      counts.set(id, count);
    }
  }
  return [...counts]
    .filter(([, count]) => count.missed > 0)
    .sort(([a, x], [b, y]) => y.missed / y.of - x.missed / x.of || y.missed - x.missed || a.localeCompare(b))
    .slice(0, STATS.missed)
    .map(([id, count]) => ({ id, label: items.get(id)!.label, hint: items.get(id)!.hint, ...count }));
}

function slowSteps(records: readonly HistoryRecord[]): Pacing[] {
  return FRAMEWORK.map((step): Pacing => {
    const timed = records.flatMap((record) => (record.timings?.[step.id] ? [record.timings[step.id]!] : []));
    return { id: step.id, title: step.title, over: timed.filter((timing) => timing.used > timing.budget).length, timed: timed.length };
  })
    .filter((pacing) => pacing.over > 0)
    .sort((a, b) => b.over / b.timed - a.over / a.timed || b.over - a.over)
    .slice(0, STATS.pacing);
}

function untried(records: readonly HistoryRecord[], bank: Bank): string[] {
  const tried = new Set(records.map((record) => record.question));
  return bank.questions.map((entry) => entry.question.id).filter((id) => !tried.has(id));
}
