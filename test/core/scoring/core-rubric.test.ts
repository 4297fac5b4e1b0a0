import { describe, expect, it } from 'vitest';
import { gradeNotesText } from '../../../src/core/grading/grade-notes.js';
import { gradingContext } from '../../helpers/bank.js';

const context = gradingContext('ad-click-prediction');

/** The model step's hits, with their credit, for one line of notes graded against the built-in bank. */
function modelHits(line: string): Record<string, number> {
  const graded = gradeNotesText(`---\nquestion: ad-click-prediction\n---\n## 4. Model\n${line}\n`, 'notes.md', context);
  const model = graded.steps.find((step) => step.id === 'model')!;
  return Object.fromEntries(model.hits.filter((hit) => ['baseline-model', 'model-choice', 'loss-function'].includes(hit.id)).map((hit) => [hit.id, hit.credit]));
}

describe('the core rubric tells a baseline from a chosen model', () => {
  it.each([
    ['- We compare LR, GBDT and a DNN', {}],
    ['- XGBoost on the hashed features', {}],
    ['- Baseline: LR on counts, then GBDT; BCE loss; AUC-PR offline', { 'baseline-model': 1, 'loss-function': 1 }],
    ['- Start with XGBoost on hashed features; it is cheap to retrain', { 'baseline-model': 1 }],
    ['- DCN-v2 ranker, because it learns feature crosses that LR misses; BCE loss', { 'model-choice': 1, 'loss-function': 1 }],
    ['- Simple LR baseline, then a DNN since ID embeddings need it, trained with log loss', { 'baseline-model': 1, 'model-choice': 1, 'loss-function': 1 }],
  ])('%j earns %j', (line, expected) => {
    expect(modelHits(line)).toEqual(expected);
  });
});
