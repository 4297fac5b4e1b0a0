import { describe, expect, it } from 'vitest';
import type { RubricItem } from '../../../src/core/bank.js';
import { parseNotes } from '../../../src/core/notes/parse-notes.js';
import type { Antipattern } from '../../../src/core/schema/antipattern.js';
import { compileMatcher } from '../../../src/core/scoring/matcher.js';
import { scoreNotes } from '../../../src/core/scoring/score.js';

const item = (id: string, step: RubricItem['step'], any: string[]): RubricItem => ({
  id, step, label: id, kind: 'mention', any, weight: 1, required: false, negatable: true, hint: 'h', source: 't',
});
const ITEMS = [item('baseline', 'model', ['baseline']), item('online', 'evaluation', ['A/B test', 'online metric'])];
const RULES: Antipattern[] = [
  { id: 'accuracy', kind: 'mention', label: 'Accuracy on imbalanced data', any: ['accuracy'], unless: ['precision', 'recall'], hint: 'use PR-AUC' },
  { id: 'random-split', kind: 'mention', label: 'Random split', any: ['random split'], unless: ['split by time'], hint: 'split by time' },
  { id: 'no-baseline', kind: 'missing', label: 'No baseline', concepts: ['baseline'], hint: 'start simple' },
];

function warnings(body: string): string[] {
  const parsed = parseNotes(`---\nquestion: q\n---\n${body}`, 'notes.md');
  if (!parsed.ok) throw new Error('notes did not parse');
  return scoreNotes(parsed.notes, 'q', compileMatcher(ITEMS, RULES)).warnings.filter((warning) => !warning.startsWith('no section'));
}

describe('anti-patterns', () => {
  it.each([
    ['## Model\n- baseline: LR\n## Evaluation\n- accuracy on the holdout', ['Accuracy on imbalanced data (line 7): use PR-AUC']],
    ['## Model\n- baseline: LR\n## Evaluation\n- accuracy, precision and recall at k', []],
    ['## Model\n- baseline: LR\n## Evaluation\n- not accuracy: it is 99.9% for a model that flags nothing', []],
    ['## Data\n- random split 80/20\n## Model\n- baseline: LR', ['Random split (line 5): split by time']],
    ['## Data\n- random split of users, then split by time within the holdout\n## Model\n- baseline: LR', []],
    ['## Model\n- a DNN on embeddings', ['No baseline: start simple']],
    ['## Evaluation\n- the baseline, misplaced, still counts as said', []],
  ])('%j warns %j', (body, expected) => {
    expect(warnings(body)).toEqual(expected);
  });
});
