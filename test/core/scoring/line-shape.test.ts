import { describe, expect, it } from 'vitest';
import { compileMatcher, findMentions, wordsOf } from '../../../src/core/scoring/matcher.js';
import { frameOf, paragraphsOf, segmentsOf, shapeOfParagraph } from '../../../src/core/scoring/line-shape.js';
import { tokenize } from '../../../src/core/text/tokenize.js';
import type { RubricItem } from '../../../src/core/bank.js';

const RUBRIC = compileMatcher(
  [['drift', 'data drift'], ['split', 'split by time'], ['gbdt', 'GBDT'], ['ab', 'A/B test']].map(
    ([id, alias]): RubricItem => ({ id: id!, step: 'monitoring', label: id!, kind: 'mention', any: [alias!], weight: 1, required: false, negatable: true, hint: 'h', source: 't' }),
  ),
);

/** The shape of one line: explaining segments out of segments. */
function shape(line: string): string {
  const tokens = tokenize(line);
  const covered = new Set<number>();
  for (const mention of findMentions(RUBRIC, wordsOf(tokens))) for (let index = mention.start; index <= mention.end; index++) covered.add(index);
  const result = shapeOfParagraph(tokens, 0, tokens.length, segmentsOf(tokens, [line], [0]), covered, new Set());
  return `${result.explained}/${result.segments}`;
}

describe('the shape of a line', () => {
  it.each([
    // bare terms, whether or not the rubric knows them
    ['data drift', '0/1'],
    ['population stability index', '0/1'],
    ['data drift, concept drift, covariate shift, PSI, KS test', '0/5'],
    ['- GBDT; DNN; two-tower | DCN', '0/4'],
    ['AUC/PR-AUC/log loss', '0/1'],
    ['daily active users, p99 latency, F1, L2 regularisation', '0/4'],
    ['on-device inference, end-to-end latency', '0/2'],
    // filler around a term explains nothing
    ['We will also consider data drift here.', '0/1'],
    ['It is important to think about concept drift in this design.', '0/1'],
    ['Of course, we need to handle feature crossing properly as well.', '0/1'],
    // a mention cannot explain itself
    ['split by time', '0/1'],
    // numbers, connectives, comparisons, cadences, labels, links and imperatives explain
    ['p99 under 200 ms', '1/1'],
    ['GBDT because the features are tabular', '1/1'],
    ['GBDT > LR on sparse crosses', '1/1'],
    ['shadow → canary → ramp', '1/1'],
    ['retrain weekly', '1/1'],
    ['Baseline: GBDT', '1/1'],
    ['GBDT on counts', '1/1'],
    ['we split by time so that no future leaks in', '1/1'],
    ['Monitor the share of flagged posts per language', '1/1'],
    ['Reuploads collapsed via fingerprint clusters', '1/1'],
    // a line of terms with a decision in front of them
    ['Dashboards per policy: action rate, backlog, overturn rate', '1/3'],
    ['baseline: LR on counts, then GBDT; BCE loss; AUC-PR offline', '1/4'],
  ])('%j is %s', (line, expected) => {
    expect(shape(line)).toBe(expected);
  });
});

describe('paragraphs', () => {
  it('joins the lines of a wrapped sentence and keeps short lines and list items apart', () => {
    const lines = [
      'The ranker is a GBDT trained on thirty days of impressions, with the label a click within',
      'thirty minutes, because attribution beyond that is noise.',
      'data drift',
      'concept drift',
      '- canary to 1% of traffic for a day before the ramp, watching the guardrails all along the',
      '  way, and the dashboards.',
      '- rollback',
    ];
    expect(paragraphsOf(lines)).toEqual([0, 0, 1, 2, 3, 3, 4]);
  });

  it('starts a new paragraph after a line that ends a sentence', () => {
    expect(paragraphsOf(['A long first sentence that ends right at the end of the line.', 'data drift'])).toEqual([0, 1]);
  });
});

describe('the frame of a line', () => {
  const frame = (line: string) => {
    const tokens = tokenize(line);
    const covered = new Set<number>();
    for (const mention of findMentions(RUBRIC, wordsOf(tokens))) for (let index = mention.start; index <= mention.end; index++) covered.add(index);
    return frameOf(tokens, 0, tokens.length, covered, line);
  };

  it.each([
    ['- We use data drift for the users.', 'we use … the _'],
    ['- We use population stability index for the pipeline.', 'we use … the _'],
    ['- We use a feature store.', 'we use a _'],
    ['- recall on head queries', null],
    ['- Monitoring: data drift', 'monitoring : _'],
    ['- We will also consider data drift here, in this design.', 'we will … this _'],
    ['data drift, concept drift', null],
    ['- PSI per feature, alert above 0.2', null],
    ['- GBDT because the features are tabular', null],
    ['- Q: how many users?', null],
  ])('%j is %j', (line, expected) => {
    expect(frame(line)).toBe(expected);
  });
});
