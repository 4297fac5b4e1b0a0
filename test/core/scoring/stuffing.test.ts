import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeNotesText } from '../../../src/core/grading/grade-notes.js';
import { SCORE_BANDS } from '../../../src/core/scoring/bands.js';
import { bank, gradingContext } from '../../helpers/bank.js';
import { ROOT } from '../../helpers/cli.js';
import { glossaryTerms, rubricTerms, SHAPES, stuffedNotes, vocabularyTerms, type Shape, type Terms } from '../../helpers/stuffing.js';

const FIXTURES = join(ROOT, 'test/fixtures/stuffing');
const SHARED_VOCABULARY = join(ROOT, '../shared/reference/vocabulary.md');

const context = gradingContext();
const vocabulary = vocabularyTerms(join(FIXTURES, 'vocabulary.md'));
const glossary = glossaryTerms(join(FIXTURES, 'glossary.md'));
const SOURCES: Record<string, (question: (typeof bank.questions)[number]) => Terms> = {
  'rubric aliases': rubricTerms,
  'reference vocabulary': () => vocabulary,
  'hand-written glossary': () => glossary,
};

const cases = Object.keys(SOURCES).flatMap((source) => (Object.keys(SHAPES) as Shape[]).map((shape) => ({ source, shape })));
const [, dumpMax] = SCORE_BANDS.dump;

describe('keyword stuffing', () => {
  it('draws on sources with enough words for every step', () => {
    for (const terms of [vocabulary, glossary, ...bank.questions.map(rubricTerms)]) {
      for (const words of Object.values(terms)) expect(words.length).toBeGreaterThanOrEqual(10);
    }
  });

  it.runIf(existsSync(SHARED_VOCABULARY))('keeps its copy of the reference vocabulary current', () => {
    expect(readFileSync(join(FIXTURES, 'vocabulary.md'), 'utf8')).toBe(readFileSync(SHARED_VOCABULARY, 'utf8'));
  });

  it.each(cases)(`$source, $shape: at most ${dumpMax} for every question`, ({ source, shape }) => {
    const scores = bank.questions.map((entry) => {
      const text = stuffedNotes(entry.question.id, SOURCES[source]!(entry), shape);
      return { question: entry.question.id, score: gradeNotesText(text, `${source}.md`, context).score };
    });
    if (process.env.MLSD_STUFFING_REPORT) console.log(`${source} | ${shape} | ${Math.max(...scores.map((entry) => entry.score!))}`);
    for (const entry of scores) expect(entry, entry.question).toEqual({ question: entry.question, score: expect.any(Number) });
    for (const entry of scores) expect(entry.score, entry.question).toBeLessThanOrEqual(dumpMax);
  });
});
