import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import type { Bank } from '../bank.js';
import type { HistoryRecord } from './record.js';
import { computeStats } from './stats.js';
import { plural } from '../text/plural.js';

const DAY = 86_400_000;

/** FSRS with whole-day intervals and no random fuzz, so the same history always gives the same plan. */
const scheduler = fsrs({ enable_fuzz: false, enable_short_term: false });

/** An attempt's score as a review rating: below 50 forgotten, below 70 hard, below 85 good, else easy. */
export function ratingOf(score: number): Grade {
  if (score < 50) return Rating.Again;
  if (score < 70) return Rating.Hard;
  if (score < 85) return Rating.Good;
  return Rating.Easy;
}

export interface Suggestion {
  question: string;
  /** When FSRS next wants the question reviewed (ISO), or null for one never tried. */
  due: string | null;
  /** Of the user's weakest concepts, those this question's checklist has. */
  weak: string[];
  reasons: string[];
}

/**
 * The questions to practise next, best first. Each question is a card: its attempts, in order,
 * are reviews rated by score. Questions due (or never tried) come first, the most overdue first,
 * each day of delay counting like one weak concept the question exercises; questions not yet
 * due follow by due date.
 */
export function suggestNext(records: readonly HistoryRecord[], bank: Bank, weakest: readonly string[], now: number): Suggestion[] {
  const byQuestion = new Map<string, HistoryRecord[]>();
  for (const record of [...records].sort((a, b) => a.date.localeCompare(b.date))) {
    const attempts = byQuestion.get(record.question);
    if (attempts) attempts.push(record);
    else byQuestion.set(record.question, [record]);
  }
  const ranked = bank.questions.map((entry) => {
    const attempts = byQuestion.get(entry.question.id) ?? [];
    const ids = new Set(entry.items.map((item) => item.id));
    const weak = weakest.filter((id) => ids.has(id));
    if (attempts.length === 0) {
      const reasons = ['never tried'];
      if (weak.length > 0) reasons.push(`exercises ${weak.length} of your weakest concepts`);
      return { question: entry.question.id, due: null, weak, reasons, urgency: weak.length };
    }
    const card = attempts.reduce<Card>((current, attempt) => scheduler.next(current, new Date(attempt.date), ratingOf(attempt.score)).card, createEmptyCard(new Date(attempts[0]!.date)));
    const last = attempts[attempts.length - 1]!;
    const overdue = (now - card.due.getTime()) / DAY;
    const when = overdue >= 0 ? `due for review${overdue >= 1 ? ` since ${plural(Math.floor(overdue), 'day')}` : ''}` : `next review in ${plural(Math.ceil(-overdue), 'day')}`;
    const reasons = [`${when}: last scored ${last.score} on ${last.date.slice(0, 10)}, ${plural(attempts.length, 'attempt')}`];
    if (weak.length > 0) reasons.push(`exercises ${weak.length} of your weakest concepts`);
    return { question: entry.question.id, due: card.due.toISOString(), weak, reasons, urgency: overdue >= 0 ? overdue + weak.length : overdue };
  });
  return ranked
    .sort((a, b) => b.urgency - a.urgency || a.question.localeCompare(b.question))
    .map(({ urgency: _urgency, ...suggestion }) => suggestion);
}

/** The plan: spaced repetition over the bank, weighted by the concepts the user misses most. */
export function planNext(records: readonly HistoryRecord[], bank: Bank, now: number): Suggestion[] {
  return suggestNext(records, bank, computeStats(records, bank).missed.map((concept) => concept.id), now);
}
