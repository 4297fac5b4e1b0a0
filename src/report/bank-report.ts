import type { ChalkInstance } from 'chalk';
import { FRAMEWORK } from '../core/framework.js';
import { kindOfExample, SCORE_BANDS } from '../core/scoring/bands.js';
import type { QuestionReport } from '../core/self-test.js';
import { formatTable } from './table.js';

/** Fewer checklist items than this in a step is a thin spot. */
const THIN = 3;

/**
 * One row per question: checklist items per step (thin steps in yellow), its own concepts, its
 * aliases, and each example's score (out of its band in red), then the bank's totals, each pack
 * counted once.
 */
export function renderBankReport(rows: readonly QuestionReport[], packs: { concepts: number; aliases: number }, color: ChalkInstance): string {
  const header = ['QUESTION', ...FRAMEWORK.map((step) => step.id.slice(0, 4).toUpperCase()), 'OWN', 'ALIASES', 'EXAMPLES', 'DUMP'];
  const body = rows.map((row) => [
    row.id,
    ...FRAMEWORK.map((step) => {
      const count = String(row.concepts[step.id]);
      return row.concepts[step.id] < THIN ? color.yellow(count) : count;
    }),
    String(row.own),
    String(row.aliases),
    row.examples.map((example) => `${example.name.replace(/\.md$/, '')} ${scoreCell(example.score, kindOfExample(example.name), color)}`).join(' · '),
    scoreCell(row.dump, 'dump', color),
  ]);
  const concepts = packs.concepts + rows.reduce((sum, row) => sum + row.own, 0);
  const aliases = packs.aliases + rows.reduce((sum, row) => sum + row.ownAliases, 0);
  const summary = color.dim(`${rows.length} questions; ${concepts} concepts and ${aliases} aliases in the bank (packs counted once); steps with fewer than ${THIN} items in yellow`);
  return `${formatTable([header, ...body])}\n\n${summary}`;
}

function scoreCell(score: number | null, kind: keyof typeof SCORE_BANDS | null, color: ChalkInstance): string {
  if (score === null) return color.red('error');
  if (!kind) return String(score);
  const [min, max] = SCORE_BANDS[kind];
  return score < min || score > max ? color.red(String(score)) : String(score);
}
