import { describe, expect, it } from 'vitest';
import { architectureOf } from '../../src/core/bank-assembly.js';
import { bank } from '../helpers/bank.js';

/** The ten case studies of the standard curriculum and the other rounds the bank must cover. */
const REQUIRED_IDS = [
  'visual-search', 'street-view-blurring', 'youtube-video-search', 'harmful-content-detection', 'video-recommendation',
  'event-recommendation', 'ad-click-prediction', 'similar-listings', 'news-feed-ranking', 'people-you-may-know',
  'fraud-detection', 'search-ranking', 'eta-prediction',
];
const FAMILY_PACKS = ['recommendation', 'search-ranking', 'retrieval', 'classification', 'vision', 'nlp', 'forecasting'];

describe('the built-in bank', () => {
  const ids = bank.questions.map((entry) => entry.question.id);

  it('holds at least 30 questions, every required one among them', () => {
    expect(ids.length).toBeGreaterThanOrEqual(30);
    for (const id of REQUIRED_IDS) expect(ids).toContain(id);
  });

  it.each(bank.questions.map((entry) => [entry.question.id, entry] as const))('%s has its own concepts over four steps, facts with numbers and follow-ups', (_, entry) => {
    const { question } = entry;
    expect(question.concepts.length).toBeGreaterThanOrEqual(6);
    expect(new Set(question.concepts.map((concept) => concept.step)).size).toBeGreaterThanOrEqual(4);
    expect(question.interviewer.filter((fact) => /\d/.test(fact.answer)).length).toBeGreaterThanOrEqual(3);
    expect(question.followups.length).toBeGreaterThanOrEqual(3);
    expect(architectureOf(bank, entry)).toBeDefined();
  });

  it('has a core pack of 40 concepts or more over the seven steps, and a pack per problem family', () => {
    const core = bank.rubrics.get('core')!.value.concepts;
    expect(core.length).toBeGreaterThanOrEqual(40);
    expect(new Set(core.map((concept) => concept.step)).size).toBe(7);
    for (const pack of FAMILY_PACKS) expect(bank.rubrics.get(pack)?.value.architecture, pack).toBeDefined();
  });

  it('counts at least 120 concepts and 600 aliases, each pack once', () => {
    const concepts = [...[...bank.rubrics.values()].flatMap((pack) => pack.value.concepts), ...bank.questions.flatMap((entry) => entry.question.concepts)];
    expect(concepts.length).toBeGreaterThanOrEqual(120);
    expect(concepts.reduce((sum, concept) => sum + concept.any.length, 0)).toBeGreaterThanOrEqual(600);
  });

  it('warns about the mistakes the field agrees on', () => {
    const rules = [...bank.rubrics.values()].flatMap((pack) => pack.value.antipatterns.map((rule) => rule.id));
    expect(rules).toEqual(expect.arrayContaining(['accuracy-on-imbalanced-data', 'random-split-on-time-data', 'no-baseline', 'no-online-evaluation']));
  });
});
