import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RubricItem } from '../../src/core/bank.js';
import { STEP_IDS } from '../../src/core/framework.js';
import { parseNotes } from '../../src/core/notes/parse-notes.js';
import type { Antipattern } from '../../src/core/schema/antipattern.js';
import { MATCHER_KINDS } from '../../src/core/schema/concept.js';
import { compileMatcher } from '../../src/core/scoring/matcher.js';
import type { Evidence, ScoreResult } from '../../src/core/scoring/result.js';
import { scoreNotes } from '../../src/core/scoring/score.js';
import { hostileText, RAW_CONTROL } from './hostile-text.js';

/*
 * test/core/scoring/property.test.ts holds the scorer to its contract over generated notes and
 * one fixed, well-behaved rubric. These properties let the rubric be hostile too: aliases,
 * labels, hints, ids and anti-patterns of any text, so that nothing a bank says can make the
 * scorer throw or put file text into a result other than as the sanitized line it came from.
 */

const REALISTIC = ['baseline', 'GBDT', 'two-tower model', 'p99 latency', 'data drift', 'A/B test', 'log loss', 'LR', 'ANN', 'CTR'];

const alias = fc.oneof(fc.constantFrom(...REALISTIC), hostileText, fc.constantFrom('*', '* *', 'a * b', '', ' ', '-', 'the'));

const rubricItem = fc.record({
  id: fc.oneof(fc.constantFrom('a', 'b', 'c', 'd'), hostileText),
  step: fc.constantFrom(...STEP_IDS),
  label: hostileText,
  kind: fc.constantFrom(...MATCHER_KINDS),
  any: fc.array(alias, { minLength: 1, maxLength: 4 }),
  weight: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.double({ min: 0.01, max: 5, noNaN: true })),
  required: fc.boolean(),
  group: fc.option(fc.constantFrom('family', 'split'), { nil: undefined }),
  context: fc.option(fc.array(alias, { minLength: 1, maxLength: 2 }), { nil: undefined }),
  negatable: fc.boolean(),
  hint: hostileText,
  source: hostileText,
});

/** Items with distinct ids, as the bank guarantees, so each item's outcome can be found by id. */
const rubric = fc.uniqueArray(rubricItem, { selector: (item) => item.id, maxLength: 8 }).map((items) => items.map((item): RubricItem => item));

const antipatterns = (ids: readonly string[]) =>
  fc.array(
    fc.oneof(
      fc.record({ id: hostileText, kind: fc.constant('mention' as const), label: hostileText, any: fc.array(alias, { minLength: 1, maxLength: 3 }), unless: fc.array(alias, { maxLength: 2 }), hint: hostileText }),
      fc.record({ id: hostileText, kind: fc.constant('missing' as const), label: hostileText, concepts: fc.array(fc.oneof(fc.constantFrom(...ids, 'nowhere'), hostileText), { minLength: 1, maxLength: 3 }), hint: hostileText }),
    ),
    { maxLength: 3 },
  ) as fc.Arbitrary<Antipattern[]>;

const HEADINGS = ['## 1. Requirements', '## Data & features', '## 4. Model', '## Evaluation', '### Serving', '## Monitoring', '**Model**', '# Thoughts'];
const GLUE = ['because', 'we use', 'not', 'no', 'instead of', 'vs', '200 ms', '10k QPS', 'so that', ',', '.', ':', '- ', '1. '];

/** Notes made of the rubric's own aliases among glue words, headings and hostile fragments, so that items are found. */
const notesFor = (items: readonly RubricItem[]) => {
  const aliases = items.flatMap((item) => item.any);
  const piece = fc.oneof(
    { weight: 3, arbitrary: aliases.length > 0 ? fc.constantFrom(...aliases) : fc.constant('baseline') },
    { weight: 3, arbitrary: fc.constantFrom(...GLUE) },
    { weight: 1, arbitrary: hostileText },
  );
  const line = fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...HEADINGS) },
    { weight: 5, arbitrary: fc.array(piece, { maxLength: 10 }).map((parts) => parts.join(' ')) },
    // Long enough that its evidence is clipped.
    { weight: 1, arbitrary: fc.tuple(piece, fc.string({ unit: 'grapheme', minLength: 150, maxLength: 200 })).map(([part, tail]) => `${part} because ${tail}`) },
  );
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.array(line, { maxLength: 20 }), fc.constantFrom('\n', '\r\n')).map(([lines, eol]) => lines.join(eol)) },
    { weight: 1, arbitrary: hostileText },
  );
};

const scenario = rubric.chain((items) =>
  fc.record({ items: fc.constant(items), antipatterns: antipatterns(items.map((item) => item.id)), text: notesFor(items) }),
);

/** Parses and scores with a freshly compiled matcher; null when the notes are refused. */
function score({ items, antipatterns, text }: { items: RubricItem[]; antipatterns: Antipattern[]; text: string }): ScoreResult | null {
  const parsed = parseNotes(text, 'notes.md');
  return parsed.ok ? scoreNotes(parsed.notes, 'q', compileMatcher(items, antipatterns)) : null;
}

/**
 * Evidence is the line it names, sanitized, trimmed and clipped to 160 characters: what is left
 * of it after taking the clip's "..." off is a run of the sanitized line, and holds no control.
 */
function checkEvidence(evidence: Evidence, sanitizedLines: readonly string[], firstLine: number): void {
  expect(Number.isInteger(evidence.line)).toBe(true);
  expect(evidence.line).toBeGreaterThanOrEqual(firstLine);
  expect(evidence.line).toBeLessThan(firstLine + sanitizedLines.length);
  expect(evidence.text.length).toBeLessThanOrEqual(160);
  expect(evidence.text).toBe(evidence.text.trim());
  expect(evidence.text).not.toMatch(RAW_CONTROL);
  expect(evidence.text).not.toMatch(/\p{Cs}/u);
  const shown = evidence.text.length >= 159 && evidence.text.endsWith('...') ? evidence.text.slice(0, -3) : evidence.text;
  expect(sanitizedLines[evidence.line - firstLine]).toContain(shown);
}

function checkScenario(input: { items: RubricItem[]; antipatterns: Antipattern[]; text: string }): void {
  const parsed = parseNotes(input.text, 'notes.md');
  if (!parsed.ok) return;
  const { notes } = parsed;
  const result = scoreNotes(notes, 'q', compileMatcher(input.items, input.antipatterns));
  expect(result.question).toBe('q');
  for (const value of [result.score, ...result.steps.map((step) => step.score)]) {
    expect(Number.isInteger(value)).toBe(true);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(100);
  }
  expect(result.steps.map((step) => step.id)).toEqual([...STEP_IDS]);
  const byId = new Map(input.items.map((item) => [item.id, item]));
  for (const step of result.steps) {
    expect(step.depth.numbers).toBeGreaterThanOrEqual(0);
    expect(step.depth.reasons).toBeGreaterThanOrEqual(0);
    const own = input.items.filter((item) => item.step === step.id).map((item) => item.id).sort();
    expect([...step.hits, ...step.misplaced, ...step.misses].map((entry) => entry.id).sort()).toEqual(own);
    for (const entry of [...step.hits, ...step.misplaced, ...step.negated, ...step.misses]) expect(entry.label).toBe(byId.get(entry.id)!.label);
    for (const miss of step.misses) expect(miss.hint).toBe(byId.get(miss.id)!.hint);
    for (const hit of step.hits) expect(hit.credit > 0 && hit.credit <= 1).toBe(true);
    for (const item of step.misplaced) expect(item.credit > 0 && item.credit <= 0.5).toBe(true);
    for (const evidence of [...step.hits, ...step.misplaced, ...step.negated, ...(step.listed ? [step.listed] : [])]) checkEvidence(evidence, notes.lines, notes.firstLine);
  }
}

const RUNS = { numRuns: 200 };

describe('scoring with a hostile rubric', () => {
  it('never throws, keeps every score in 0-100, and carries labels and hints as the rubric gave them', () => {
    fc.assert(fc.property(scenario, checkScenario), RUNS);
  });

  it('gives evidence only as a sanitized run of the line it names', () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const result = score(input);
        const found = result?.steps.flatMap((step) => [...step.hits, ...step.misplaced, ...step.negated]) ?? [];
        // Notes built from the rubric's aliases must find some of them, or the evidence check above checks nothing.
        fc.pre(found.length > 0);
        checkScenario(input);
      }),
      { numRuns: 100 },
    );
  });

  it('is deterministic: the same rubric and notes give the same result, whatever was scored before', () => {
    fc.assert(
      fc.property(scenario, scenario, (first, second) => {
        const alone = score(second);
        score(first);
        expect(score(second)).toEqual(alone);
      }),
      { numRuns: 100 },
    );
  });
});
