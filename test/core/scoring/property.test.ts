import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RubricItem } from '../../../src/core/bank.js';
import { STEP_IDS, type StepId } from '../../../src/core/framework.js';
import { parseNotes } from '../../../src/core/notes/parse-notes.js';
import { compileMatcher } from '../../../src/core/scoring/matcher.js';
import type { ScoreResult } from '../../../src/core/scoring/result.js';
import { scoreNotes } from '../../../src/core/scoring/score.js';

function item(id: string, step: StepId, any: string[], extra: Partial<RubricItem> = {}): RubricItem {
  return { id, step, label: id, kind: 'mention', any, weight: 1, required: false, negatable: true, hint: `hint ${id}`, source: 'test', ...extra };
}

const ITEMS: RubricItem[] = [
  item('scale', 'requirements', ['QPS', 'daily active users', 'DAU'], { required: true, weight: 2 }),
  item('latency', 'requirements', ['latency budget', 'p99 latency']),
  item('task', 'framing', ['binary classification', 'learning to rank']),
  item('labels', 'data', ['implicit feedback', 'label']),
  item('baseline', 'model', ['baseline'], { required: true, weight: 3 }),
  item('logreg', 'model', ['LR', 'logistic regression'], { group: 'family' }),
  item('gbdt', 'model', ['GBDT'], { group: 'family' }),
  item('dnn', 'model', ['DNN', 'two * model'], { group: 'family', kind: 'reasoned' }),
  item('loss', 'model', ['cross-entropy', 'log loss']),
  item('offline', 'evaluation', ['AUC', 'recall at k', 'NDCG', 'MAP'], { weight: 2 }),
  item('online', 'evaluation', ['A/B test', 'CTR']),
  item('ann', 'serving', ['ANN', 'approximate nearest neighbor']),
  item('cold-start', 'serving', ['no history'], { negatable: false }),
  item('drift', 'monitoring', ['data drift', 'concept drift'], { weight: 5 }),
  item('monitoring', 'monitoring', ['monitoring']),
];

const matcher = compileMatcher(ITEMS);

const WORDS = [
  'baseline', 'LR', 'lr', 'logistic', 'regression', 'GBDT', 'DNN', 'two', 'tower', 'model', 'models',
  'cross-entropy', 'log', 'loss', 'AUC', 'recall@k', 'recall', 'at', 'k', 'NDCG', 'MAP', 'map', 'A/B',
  'test', 'CTR', 'ANN', 'Ann', 'approximate', 'nearest', 'neighbor', 'data', 'drift', 'concept',
  'monitoring', 'Monitoring', 'no', 'not', "won't", 'don\u2019t', 'instead', 'of', 'rather', 'than',
  'only', 'more', 'needed', 'because', 'since', 'so', 'that', 'trade-off', 'vs', 'the', 'a', 'we',
  '100ms', '200', 'ms', '10k', 'QPS', 'DAU', '1.', '2)', 'p99', 'latency', 'budget', 'history',
  'label', 'implicit', 'feedback', ',', '.', ':', ';', '!', '?', '->', '*', '**', '`', '_', '#', '|',
  '\u2192', '\u2014', '\u00e9', '\ufb01', '\u{1F525}', '\t', '\u200b', '\u0301', '\u001b[31m',
];

const HEADINGS = [
  '## 1. Requirements', '## Clarifying requirements', '# Reqs', '## Problem formulation', '## ML Objective',
  '## Data & features', '## Training data', '## 4.', '## 4', '## Model', '## 2. Metrics', '## Offline evaluation',
  '## Model serving', '## Deployment', '## Inference', '## Serving', '### 1. Candidate generation', '### Model',
  '## Monitoring & maintenance', '## Thoughts', '#', '## ', '######', '**Serving**', '- **Monitoring:**',
  'Requirements:', '3) Data', '```', '~~~', '---', '> quote', '| a | b |',
];

const word = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) });

const textLine = fc
  .tuple(fc.constantFrom('', '- ', '* ', '+ ', '1. ', '  - ', '    ', '> '), fc.array(word, { maxLength: 14 }), fc.constantFrom(' ', ' ', '-', '/', '_', ', '))
  .map(([marker, words, glue]) => marker + words.join(glue));

const line = fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...HEADINGS) }, { weight: 4, arbitrary: textLine }, { weight: 1, arbitrary: fc.constant('') });

const FRONTS = [
  '',
  '---\nquestion: q\n---\n',
  '---\nquestion: video-recs\ncandidate: sam\nminutes: 45\n---\n',
  '---\n---\n',
  '---js\nglobalThis.__pwned = true\n---\n',
  '---\nquestion: [a\n---\n',
  '---\nquestion: 42\n---\n',
  '---\r\nquestion: q\r\n---\r\n',
];

const document = fc
  .tuple(fc.constantFrom(...FRONTS), fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'))
  .map(([front, lines, eol]) => front + lines.join(eol));

function checkResult(result: ScoreResult, fileLines: number): void {
  for (const value of [result.score, ...result.steps.map((step) => step.score)]) {
    expect(Number.isInteger(value)).toBe(true);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(100);
  }
  expect(result.steps.map((step) => step.id)).toEqual([...STEP_IDS]);
  for (const step of result.steps) {
    const own = ITEMS.filter((entry) => entry.step === step.id).map((entry) => entry.id).sort();
    const accounted = [...step.hits, ...step.misplaced, ...step.misses].map((entry) => entry.id).sort();
    expect(accounted).toEqual(own);
    const missed = new Set(step.misses.map((miss) => miss.id));
    for (const negated of step.negated) expect(missed.has(negated.id)).toBe(true);
    for (const id of step.requiredMissing) expect(step.misses.find((miss) => miss.id === id)?.required).toBe(true);
    for (const evidence of [...step.hits, ...step.misplaced, ...step.negated]) {
      expect(evidence.line).toBeGreaterThanOrEqual(1);
      expect(evidence.line).toBeLessThanOrEqual(fileLines);
      expect(evidence.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
    for (const credit of [...step.hits, ...step.misplaced]) {
      expect(credit.credit).toBeGreaterThan(0);
      expect(credit.credit).toBeLessThanOrEqual(1);
    }
    if (step.line !== null) {
      expect(step.line).toBeGreaterThanOrEqual(1);
      expect(step.line).toBeLessThanOrEqual(fileLines);
    }
  }
}

/** Parses and scores; returns null when the notes are refused (a problem list, never a throw). */
function scoreText(text: string): ScoreResult | null {
  const parsed = parseNotes(text, 'notes.md');
  if (!parsed.ok) {
    expect(parsed.problems.length).toBeGreaterThan(0);
    for (const problem of parsed.problems) expect(problem.line).toBeGreaterThanOrEqual(1);
    return null;
  }
  return scoreNotes(parsed.notes, 'q', matcher);
}

function checkText(text: string): void {
  const result = scoreText(text);
  if (result) checkResult(result, text.split(/\r?\n/).length);
  expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
}

const RUNS = { numRuns: 300 };

describe('scoring never throws and keeps scores in range', () => {
  it('for any string of graphemes', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), checkText), RUNS);
  });

  it('for any string of code points, control characters included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), checkText), RUNS);
  });

  it('for any ASCII string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 400 }), checkText), RUNS);
  });

  it('for generated Markdown-ish notes mixing headings, bullets and rubric words', () => {
    fc.assert(fc.property(document, checkText), { numRuns: 500 });
  });

  it('for generated notes scored with an empty rubric', () => {
    const empty = compileMatcher([]);
    fc.assert(
      fc.property(document, (text) => {
        const parsed = parseNotes(text, 'notes.md');
        if (!parsed.ok) return;
        const result = scoreNotes(parsed.notes, 'q', empty);
        expect(Number.isInteger(result.score)).toBe(true);
        expect(result.steps.every((step) => step.hits.length === 0 && step.misses.length === 0)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('scoring is deterministic', () => {
  it('gives the same result for the same text, parsed twice', () => {
    fc.assert(
      fc.property(document, (text) => {
        expect(scoreText(text)).toEqual(scoreText(text));
      }),
      RUNS,
    );
  });

  it('gives the same result whichever notes were scored before', () => {
    fc.assert(
      fc.property(document, document, (first, second) => {
        const alone = scoreText(second);
        scoreText(first);
        expect(scoreText(second)).toEqual(alone);
      }),
      { numRuns: 150 },
    );
  });
});
