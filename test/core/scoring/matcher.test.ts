import { describe, expect, it } from 'vitest';
import type { RubricItem } from '../../../src/core/bank.js';
import type { StepId } from '../../../src/core/framework.js';
import { compileMatcher, findMentions, wordsOf } from '../../../src/core/scoring/matcher.js';
import { tokenize } from '../../../src/core/text/tokenize.js';

function item(id: string, any: string[], step: StepId = 'model', extra: Partial<RubricItem> = {}): RubricItem {
  return {
    id,
    step,
    label: id,
    kind: 'mention',
    any,
    weight: 1,
    required: false,
    negatable: true,
    hint: `say something about ${id}`,
    source: 'test',
    ...extra,
  };
}

const ITEMS: RubricItem[] = [
  item('cross-entropy', ['cross-entropy loss', 'log loss']),
  item('monitoring', ['model monitoring'], 'monitoring'),
  item('two-tower', ['two * model']),
  item('recall-at-k', ['recall at k'], 'evaluation'),
  item('logreg', ['LR', 'logistic regression']),
  item('map', ['MAP'], 'evaluation'),
  item('ann', ['ANN', 'approximate nearest neighbor'], 'serving'),
  item('feature-store', ['feature store'], 'serving'),
  item('ab-test', ['A/B test'], 'evaluation'),
  item('embeddings', ['item embeddings'], 'model'),
  item('p99', ['p99 latency'], 'requirements'),
];

const matcher = compileMatcher(ITEMS);

/** Ids of the items mentioned in `text`, sorted and without repeats. */
function found(text: string): string[] {
  const ids = findMentions(matcher, wordsOf(tokenize(text))).map((mention) => ITEMS[mention.item]!.id);
  return [...new Set(ids)].sort();
}

describe('compileMatcher', () => {
  it('counts every alias it compiled', () => {
    expect(matcher.items).toBe(ITEMS);
    expect(matcher.aliasCount).toBe(ITEMS.reduce((sum, entry) => sum + entry.any.length, 0));
  });

  it('skips aliases made only of filler words or wildcards', () => {
    const empty = compileMatcher([item('nothing', ['the', '*', 'of a'])]);
    expect(empty.aliasCount).toBe(0);
    expect(findMentions(empty, wordsOf(tokenize('the * of a')))).toEqual([]);
  });
});

describe('phrase aliases', () => {
  it.each([
    ['We train with cross-entropy loss.', 'cross-entropy'],
    ['We train with cross entropy loss.', 'cross-entropy'],
    ['Cross-Entropy Losses are fine', 'cross-entropy'],
    ['cross_entropy loss', 'cross-entropy'],
    ['log-loss on clicks', 'cross-entropy'],
    ['Model monitoring matters', 'monitoring'],
    ['Models Monitored daily', 'monitoring'],
    ['model-monitoring dashboards', 'monitoring'],
    ['model of the monitoring', 'monitoring'],
    ['A/B test for two weeks', 'ab-test'],
    ['A/B-testing the ranker', 'ab-test'],
    ['an a-b test', 'ab-test'],
    ['item embedding table', 'embeddings'],
    ['Item-Embeddings', 'embeddings'],
    ['p99 latency under 100ms', 'p99'],
    ['P99-latency', 'p99'],
  ])('%j mentions %s', (text, id) => {
    expect(found(text)).toContain(id);
  });

  it.each([
    ['cross validation', 'cross-entropy'],
    ['entropy loss', 'cross-entropy'],
    ['loss cross-entropy', 'cross-entropy'],
    ['monitoring the model', 'monitoring'],
    ['monitoring of the model', 'monitoring'],
    ['item-level embeddings', 'embeddings'],
    ['p95 latency', 'p99'],
  ])('%j does not mention %s', (text, id) => {
    expect(found(text)).not.toContain(id);
  });

  it('reports the alias, the 0-based line and the token span', () => {
    const tokens = tokenize('first line\nwe use cross-entropy loss here');
    const mentions = findMentions(matcher, wordsOf(tokens)).filter((mention) => ITEMS[mention.item]!.id === 'cross-entropy');
    expect(mentions).toHaveLength(1);
    const [mention] = mentions;
    expect(mention?.alias).toBe('cross-entropy loss');
    expect(mention?.line).toBe(1);
    expect(tokens.slice(mention!.start, mention!.end + 1).map((token) => token.raw)).toEqual(['cross', 'entropy', 'loss']);
  });

  it('keeps the longest alias of an item that starts at one word', () => {
    const own = compileMatcher([item('store', ['feature', 'feature store'])]);
    const tokens = tokenize('a feature store');
    const mentions = findMentions(own, wordsOf(tokens));
    expect(mentions.filter((mention) => mention.start === 1)).toEqual([expect.objectContaining({ alias: 'feature store', start: 1, end: 2 })]);
  });

  it('finds a mention each time the alias occurs', () => {
    const mentions = findMentions(matcher, wordsOf(tokenize('log loss first, then log loss again\nlog loss')));
    expect(mentions.filter((mention) => ITEMS[mention.item]!.id === 'cross-entropy').map((mention) => mention.line)).toEqual([0, 0, 1]);
  });
});

describe('the * wildcard', () => {
  it.each([
    ['a two tower model', true],
    ['two-tower models', true],
    ['Two Towers Model', true],
    ['two of the tower model', true],
    ['two model', false],
    ['two big tower model', false],
    ['two tower', false],
  ])('"two * model" against %j: %s', (text, expected) => {
    expect(found(text).includes('two-tower')).toBe(expected);
  });

  it('does not let the wildcard cross a line end', () => {
    expect(found('two\ntower model')).not.toContain('two-tower');
  });
});

describe('filler words', () => {
  it.each(['recall@k', 'Recall@K', 'recall at k', 'recall of k', 'recall at the k', 'recall-at-k', 'recall k'])(
    '%j matches alias "recall at k"',
    (text) => {
      expect(found(text)).toContain('recall-at-k');
    },
  );

  it('does not skip a content word', () => {
    expect(found('recall over k')).not.toContain('recall-at-k');
  });
});

describe('acronyms', () => {
  it.each([
    ['baseline: LR on counts', 'logreg', true],
    ['two LRs trained per region', 'logreg', true],
    ['LR.', 'logreg', true],
    ['(LR)', 'logreg', true],
    ['lr', 'logreg', false],
    ['Lr', 'logreg', false],
    ['we tune the lr schedule', 'logreg', false],
    ['learning rate lr 0.01', 'logreg', false],
    ['a Logistic Regression baseline', 'logreg', true],
    ['mAP@10 is MAP', 'map', true],
    ['MAP@10', 'map', true],
    ['map the ids to embeddings', 'map', false],
    ['Map each user', 'map', false],
    ['an ANN index', 'ann', true],
    ['two ANNs', 'ann', true],
    ['Ann from sales asked', 'ann', false],
    ['ann', 'ann', false],
    ['approximate nearest neighbors', 'ann', true],
  ])('%j -> %s: %s', (text, id, expected) => {
    expect(found(text).includes(id)).toBe(expected);
  });

  it('matches a lower-case rubric word by its stem in any case', () => {
    const own = compileMatcher([item('gbdt', ['gbdt'])]);
    expect(findMentions(own, wordsOf(tokenize('GBDT')))).toHaveLength(1);
    expect(findMentions(own, wordsOf(tokenize('Gbdt')))).toHaveLength(1);
  });

  it('treats a single capital letter as an ordinary word', () => {
    const own = compileMatcher([item('k', ['top K'])]);
    expect(findMentions(own, wordsOf(tokenize('top k items')))).toHaveLength(1);
  });
});

describe('lines', () => {
  it.each([
    ['cross-entropy\nloss', 'cross-entropy'],
    ['model\nmonitoring', 'monitoring'],
    ['feature\nstore', 'feature-store'],
    ['approximate nearest\nneighbor', 'ann'],
    ['recall at\nk', 'recall-at-k'],
  ])('a mention does not span two lines: %j', (text, id) => {
    expect(found(text)).not.toContain(id);
    expect(found(text.replace('\n', ' '))).toContain(id);
  });

  it('puts each mention on its own line', () => {
    const mentions = findMentions(matcher, wordsOf(tokenize('feature store\n\nANN index\nlog loss')));
    expect(mentions.map((mention) => [ITEMS[mention.item]!.id, mention.line])).toEqual([
      ['feature-store', 0],
      ['ann', 2],
      ['cross-entropy', 3],
    ]);
  });
});
