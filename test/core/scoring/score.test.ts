import { describe, expect, it } from 'vitest';
import type { RubricItem } from '../../../src/core/bank.js';
import type { StepId } from '../../../src/core/framework.js';
import { parseNotes, type Notes } from '../../../src/core/notes/parse-notes.js';
import { compileMatcher } from '../../../src/core/scoring/matcher.js';
import type { ScoreResult, StepResult } from '../../../src/core/scoring/result.js';
import { scoreNotes } from '../../../src/core/scoring/score.js';

function item(id: string, step: StepId, any: string[], extra: Partial<RubricItem> = {}): RubricItem {
  return {
    id,
    step,
    label: `label of ${id}`,
    kind: 'mention',
    any,
    weight: 1,
    required: false,
    negatable: true,
    hint: `hint for ${id}`,
    source: 'test',
    ...extra,
  };
}

const FRONT = '---\nquestion: q\n---\n';
/** Body line i (0-based) is file line i + BODY_OFFSET. */
const BODY_OFFSET = 4;

function notesOf(body: string, front = FRONT): Notes {
  const parsed = parseNotes(`${front}${body}`, 'notes.md');
  if (!parsed.ok) throw new Error(`test notes did not parse: ${JSON.stringify(parsed.problems)}`);
  return parsed.notes;
}

function score(body: string, items: readonly RubricItem[]): ScoreResult {
  return scoreNotes(notesOf(body), 'q', compileMatcher(items));
}

function step(result: ScoreResult, id: StepId): StepResult {
  const found = result.steps.find((entry) => entry.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

const ids = (list: readonly { id: string }[]) => list.map((entry) => entry.id).sort();

/** Every id the result gives any credit to, in any step. */
function credited(result: ScoreResult): string[] {
  return result.steps.flatMap((entry) => [...ids(entry.hits), ...ids(entry.misplaced)]).sort();
}

function expectValidScores(result: ScoreResult): void {
  for (const value of [result.score, ...result.steps.map((entry) => entry.score)]) {
    expect(Number.isInteger(value), `score ${value} is an integer`).toBe(true);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(100);
  }
}

const DRIFT = item('drift', 'monitoring', ['data drift', 'concept drift']);
const MONITORING = item('monitoring', 'monitoring', ['monitoring']);
const BASELINE = item('baseline', 'model', ['baseline']);
const DNN = item('dnn', 'model', ['DNN', 'deep neural network'], { group: 'model-family' });
const LOGREG = item('logreg', 'model', ['LR', 'logistic regression'], { group: 'model-family' });
const GBDT = item('gbdt', 'model', ['GBDT', 'gradient boosted trees'], { group: 'model-family' });
const LOSS = item('loss', 'model', ['log loss', 'cross-entropy']);
const LATENCY = item('latency', 'requirements', ['latency']);
const RETRAINING = item('retraining', 'monitoring', ['retraining']);
const DASHBOARDS = item('dashboards', 'monitoring', ['dashboard']);

const MONITORING_ITEMS = [
  DRIFT,
  item('skew', 'monitoring', ['training-serving skew']),
  DASHBOARDS,
  item('alerts', 'monitoring', ['alert', 'pager']),
  item('canary', 'monitoring', ['canary']),
  item('shadow', 'monitoring', ['shadow deployment', 'shadow mode']),
  item('retraining-trigger', 'monitoring', ['retraining trigger']),
];

describe('where a concept is found', () => {
  it('earns full credit under its own step heading, with evidence', () => {
    const result = score('## Monitoring\nWe check data drift every 24 hours because user tastes shift.', [DRIFT]);
    const monitoring = step(result, 'monitoring');
    expect(monitoring.hits).toEqual([
      {
        id: 'drift',
        label: 'label of drift',
        weight: 1,
        credit: 1,
        line: BODY_OFFSET + 1,
        text: 'We check data drift every 24 hours because user tastes shift.',
      },
    ]);
    expect(monitoring.misplaced).toEqual([]);
    expect(monitoring.score).toBe(100);
    expect(monitoring.present).toBe(true);
    expect(monitoring.line).toBe(BODY_OFFSET);
  });

  it('earns partial credit under another step and says where it was found', () => {
    const body = 'We check data drift every 24 hours because user tastes shift.';
    const home = step(score(`## Monitoring\n${body}`, [DRIFT]), 'monitoring');
    const away = step(score(`## Monitoring\nTBD\n## Serving\n${body}`, [DRIFT]), 'monitoring');
    expect(away.hits).toEqual([]);
    expect(away.misplaced).toEqual([
      expect.objectContaining({ id: 'drift', foundIn: 'serving', line: BODY_OFFSET + 3, text: body }),
    ]);
    expect(away.misplaced[0]!.credit).toBeGreaterThan(0);
    expect(away.misplaced[0]!.credit).toBeLessThan(1);
    expect(away.score).toBeGreaterThan(0);
    expect(away.score).toBeLessThan(home.score);
    expect(away.misses).toEqual([]);
  });

  it('reports text before the first heading as found in no step', () => {
    const result = score('We check data drift daily because tastes shift.\n## Serving\nbatch jobs run nightly', [DRIFT]);
    expect(step(result, 'monitoring').misplaced).toEqual([expect.objectContaining({ id: 'drift', foundIn: null, line: BODY_OFFSET })]);
  });

  it('prefers the home mention over an earlier one elsewhere', () => {
    const result = score(
      '## Serving\nWe check data drift daily because tastes shift.\n## Monitoring\nA job measures data drift on 20 features since inputs move.',
      [DRIFT],
    );
    const monitoring = step(result, 'monitoring');
    expect(monitoring.hits).toEqual([expect.objectContaining({ id: 'drift', credit: 1, line: BODY_OFFSET + 3 })]);
    expect(monitoring.misplaced).toEqual([]);
  });

  it('lists missed items with their hints', () => {
    const monitoring = step(score('## Monitoring\nWe look at the numbers every morning because things break.', [DRIFT]), 'monitoring');
    expect(monitoring.hits).toEqual([]);
    expect(monitoring.misses).toEqual([{ id: 'drift', label: 'label of drift', weight: 1, required: false, hint: 'hint for drift' }]);
  });
});

describe('negation', () => {
  const ITEMS = [MONITORING, BASELINE, DNN, GBDT, LATENCY, RETRAINING, DASHBOARDS];

  it.each<[string, string, string]>([
    ['Monitoring', 'No monitoring needed for the first version.', 'monitoring'],
    ['Monitoring', 'Monitoring is not needed for a one-off batch job.', 'monitoring'],
    ['Monitoring', 'We do not need monitoring for a one-off job.', 'monitoring'],
    ['Monitoring', 'We don\u2019t need any monitoring for a one-off job.', 'monitoring'],
    ['Model', "We won't use a baseline, the team knows the domain well.", 'baseline'],
    ['Model', 'We will never build a baseline for this product.', 'baseline'],
    ['Model', 'A baseline is overkill for a team that already ships models.', 'baseline'],
    ['Model', 'We go with GBDT instead of a DNN on tabular features.', 'dnn'],
    ['Model', 'We use GBDT rather than a DNN on tabular features.', 'dnn'],
    ['Model', 'We skip the DNN for the first launch entirely.', 'dnn'],
    ['Model', 'There is no DNN in the first version of the system.', 'dnn'],
    ['Model', 'We ship without a baseline to save two weeks of work.', 'baseline'],
  ])('under "## %s", %j negates %s', (heading, line, id) => {
    const result = score(`## ${heading}\n${line}`, ITEMS);
    const where = step(result, ITEMS.find((entry) => entry.id === id)!.step);
    expect(where.negated).toEqual([{ id, label: `label of ${id}`, line: BODY_OFFSET + 1, text: line }]);
    expect(ids(where.hits)).not.toContain(id);
    expect(ids(where.misplaced)).not.toContain(id);
    expect(ids(where.misses)).toContain(id);
  });

  it.each<[string, string, string]>([
    ['Monitoring', 'Not only monitoring of latency, we also page on errors.', 'monitoring'],
    ['Monitoring', 'Not just dashboards: alerts page the on-call engineer.', 'dashboards'],
    ['Requirements', 'p99 latency of no more than 200 ms per request.', 'latency'],
    ['Requirements', 'We need no more than 200 ms of latency per request.', 'latency'],
    ['Monitoring', 'We run no more than 2 retraining jobs per day, since each costs money.', 'retraining'],
    ['Monitoring', 'There is no doubt monitoring pays off for this system.', 'monitoring'],
    ['Monitoring', 'No GPUs are available. Monitoring runs on the CPU fleet hourly.', 'monitoring'],
    ['Model', 'No deep features are available, but a baseline on counts is cheap.', 'baseline'],
    ['Model', 'We use a DNN, not a linear model, because interactions matter.', 'dnn'],
  ])('under "## %s", %j does not negate %s', (heading, line, id) => {
    const result = score(`## ${heading}\n${line}`, ITEMS);
    const where = step(result, ITEMS.find((entry) => entry.id === id)!.step);
    expect(where.negated).toEqual([]);
    expect(ids(where.hits)).toContain(id);
  });

  it('counts an item that is negated once but chosen elsewhere', () => {
    const result = score("## Model\nWe won't use a DNN at first.\nLater a DNN, because it learns feature interactions.", ITEMS);
    const model = step(result, 'model');
    expect(ids(model.hits)).toContain('dnn');
    expect(model.negated).toEqual([]);
  });

  it('still counts a `negatable: false` item when a negator stands before it', () => {
    const items = [item('monitoring', 'monitoring', ['monitoring'], { negatable: false })];
    const monitoring = step(score('## Monitoring\nNo monitoring needed for the first version.', items), 'monitoring');
    expect(ids(monitoring.hits)).toEqual(['monitoring']);
    expect(monitoring.negated).toEqual([]);
  });
});

describe('headings and echoes earn nothing', () => {
  it.each([
    ['a heading alone', '## Monitoring\n'],
    ['a heading followed by blank lines', '## Monitoring\n\n\n'],
    ['a bullet that repeats the heading', '## Monitoring\n- Monitoring'],
    ['a bold line that repeats the heading', '## Monitoring\n**Monitoring**'],
    ['a bullet that repeats the heading in other words', '## Monitoring & maintenance\n- monitoring and maintenance'],
    ['a numbered heading and its echo', '## 7. Monitoring\n1. Monitoring'],
  ])('%s', (_, body) => {
    const result = score(body, [MONITORING]);
    expect(credited(result)).toEqual([]);
    expect(ids(step(result, 'monitoring').misses)).toEqual(['monitoring']);
  });

  it('while the same word in a sentence earns (control)', () => {
    const result = score('## Monitoring\nMonitoring covers latency and errors per region, because outages are regional.', [MONITORING]);
    expect(ids(step(result, 'monitoring').hits)).toEqual(['monitoring']);
  });
});

const EXPLAINED_MONITORING = [
  '## Monitoring',
  'We compare feature distributions every day to catch data drift, since user tastes shift with the seasons.',
  'Training-serving skew is caught by logging the features at serving time and replaying them in training.',
  'Dashboards show CTR and latency per country, so the on-call engineer sees a drop within an hour.',
  'An alert pages the on-call engineer when CTR falls 10% below last week for 30 minutes.',
  'A new model goes out as a canary to 1% of traffic first, so a bad model hurts few users.',
  'Before that it runs as a shadow deployment for two days to compare its scores with the live model.',
  "A retraining trigger fires when AUC on yesterday's data falls 2 points below the launch value.",
].join('\n');

describe('keyword dumps', () => {
  it('caps the concepts one line can earn: a comma list of seven earns at most a few', () => {
    const dump = '## Monitoring\n- data drift, training-serving skew, dashboards, alerts, canary, shadow deployment, retraining triggers';
    const result = score(dump, MONITORING_ITEMS);
    expect(credited(result).length).toBeGreaterThan(0);
    expect(credited(result).length).toBeLessThanOrEqual(3);
  });

  it('credits all seven when each is explained on its own line (control)', () => {
    const result = score(EXPLAINED_MONITORING, MONITORING_ITEMS);
    expect(ids(step(result, 'monitoring').hits)).toEqual(ids(MONITORING_ITEMS));
    expect(step(result, 'monitoring').score).toBeGreaterThanOrEqual(90);
    expect(result.warnings.some((warning) => /list of terms/.test(warning))).toBe(false);
  });

  it('scores a pure list of rubric terms, one per line, far below the same concepts explained', () => {
    const list = [
      '## Monitoring',
      '- data drift',
      '- training-serving skew',
      '- dashboards',
      '- alerts',
      '- canary',
      '- shadow deployment',
      '- retraining trigger',
    ].join('\n');
    const listed = score(list, MONITORING_ITEMS);
    const explained = score(EXPLAINED_MONITORING, MONITORING_ITEMS);
    expect(step(listed, 'monitoring').score).toBeLessThanOrEqual(step(explained, 'monitoring').score / 2);
    expect(step(listed, 'monitoring').listed).toEqual({ line: 5, text: '- data drift', credit: 0.2, note: expect.stringMatching(/^terms listed without a decision or reason earn little/) });
  });

  it.each([
    ['numbered', ['## Monitoring', '1. data drift', '2. dashboards', '3. canary', '4. pager', '5. shadow mode']],
    ['plain', ['## Monitoring', 'data drift', 'dashboards', 'canary', 'pager', 'shadow mode']],
    ['starred', ['## Monitoring', '* data drift', '* dashboards', '* canary', '* pager', '* shadow mode']],
  ])('scores a pure %s list just as low', (_, lines) => {
    const explained = step(score(EXPLAINED_MONITORING, MONITORING_ITEMS), 'monitoring').score;
    const listed = score(lines.join('\n'), MONITORING_ITEMS);
    expect(step(listed, 'monitoring').score).toBeLessThanOrEqual(explained / 2);
    expect(step(listed, 'monitoring').listed).toMatchObject({ line: 5, text: lines[1] });
  });

  it('scores terse bullets that say what was chosen and why as an answer', () => {
    const body = [
      '## Model',
      '- baseline: LR on counts, cheap and interpretable',
      '- main model: GBDT on user and item features, handles non-linear interactions',
      '- loss: log loss, since the label is a click',
    ].join('\n');
    const result = score(body, [BASELINE, LOGREG, GBDT, DNN, LOSS]);
    const model = step(result, 'model');
    expect(ids(model.hits)).toEqual(['baseline', 'gbdt', 'logreg', 'loss']);
    expect(model.hits.every((hit) => hit.credit === 1)).toBe(true);
    expect(model.score).toBeGreaterThanOrEqual(90);
    expect(result.warnings.some((warning) => /list of terms/.test(warning))).toBe(false);
  });

  it('gives full credit to a single terse bullet with a reason', () => {
    const model = step(score('## Model\n- baseline: LR on counts, cheap and interpretable', [BASELINE, LOGREG]), 'model');
    expect(model.hits).toEqual([
      expect.objectContaining({ id: 'baseline', credit: 1, text: '- baseline: LR on counts, cheap and interpretable' }),
      expect.objectContaining({ id: 'logreg', credit: 1 }),
    ]);
  });
});

describe('group rule', () => {
  it.each([
    ['- We could try LR, GBDT or a DNN here.'],
    ['- Options: logistic regression, gradient boosted trees, deep neural network'],
    ['Candidates are LR, GBDT and DNN; we will see which works best on the data.'],
  ])('three items of one group named in one line earn none: %j', (line) => {
    const result = score(`## Model\n${line}`, [LOGREG, GBDT, DNN]);
    expect(credited(result)).toEqual([]);
  });

  it('a line that picks one of two alternatives earns (control)', () => {
    const result = score('## Model\nWe pick GBDT over LR because it handles feature interactions.', [LOGREG, GBDT, DNN]);
    expect(ids(step(result, 'model').hits)).toContain('gbdt');
  });

  it('does not stop items outside the group on the same line', () => {
    const result = score('## Model\nBaseline first; then try LR, GBDT or a DNN and keep the best on validation AUC.', [BASELINE, LOGREG, GBDT, DNN]);
    expect(credited(result)).toEqual(['baseline']);
  });
});

describe('reasoned items', () => {
  const CHOSEN = item('chosen', 'model', ['two * model'], { kind: 'reasoned' });

  it('get reduced credit, with a note, when named without a reason', () => {
    const model = step(score('## Model\nWe use a two-tower model trained on click logs.', [CHOSEN]), 'model');
    expect(model.hits).toHaveLength(1);
    expect(model.hits[0]!.credit).toBeGreaterThan(0);
    expect(model.hits[0]!.credit).toBeLessThan(1);
    expect(model.hits[0]!.note).toMatch(/reason/);
  });

  it.each([
    ['in the same line', '## Model\nWe use a two-tower model because item embeddings can be precomputed.'],
    ['in the next line', '## Model\nWe use a two-tower model trained on click logs.\nIt lets us precompute item embeddings, so that serving is cheap.'],
    ['as a trade-off', '## Model\nA two-tower model: the trade-off is weaker feature crosses for fast retrieval.'],
  ])('get full credit with a reason %s', (_, body) => {
    const model = step(score(body, [CHOSEN]), 'model');
    expect(model.hits).toEqual([expect.objectContaining({ id: 'chosen', credit: 1 })]);
    expect(model.hits[0]!.note).toBeUndefined();
  });

  it('do not borrow a reason from a far-away line', () => {
    const body = '## Model\nWe use a two-tower model trained on click logs.\n\nThe data is large.\n\nWe retrain daily because tastes shift.';
    const model = step(score(body, [CHOSEN]), 'model');
    expect(model.hits[0]!.credit).toBeLessThan(1);
  });
});

describe('required items', () => {
  const body = '## Model\nWe train GBDT on 30 days of click logs because it handles sparse counts well.';

  it('are listed in requiredMissing when found nowhere, and lower the step', () => {
    const optional = step(score(body, [GBDT, { ...BASELINE, required: false }]), 'model');
    const required = step(score(body, [GBDT, { ...BASELINE, required: true }]), 'model');
    expect(required.requiredMissing).toEqual(['baseline']);
    expect(required.misses).toEqual([expect.objectContaining({ id: 'baseline', required: true, hint: 'hint for baseline' })]);
    expect(optional.requiredMissing).toEqual([]);
    expect(required.score).toBeLessThan(optional.score);
  });

  it('are not missing when found under another step', () => {
    const result = score(`${body}\n## Serving\nA popularity baseline serves cold users, since it needs no history.`, [GBDT, { ...BASELINE, required: true }]);
    expect(step(result, 'model').requiredMissing).toEqual([]);
  });

  it('are missing when only negated', () => {
    const result = score(`${body}\nWe won't build a baseline.`, [GBDT, { ...BASELINE, required: true }]);
    expect(step(result, 'model').requiredMissing).toEqual(['baseline']);
    expect(ids(step(result, 'model').negated)).toEqual(['baseline']);
  });
});

describe('notes without step headings', () => {
  const body = [
    'We log clicks and check data drift every day because tastes change.',
    'The baseline is a popularity ranker, cheap to build in 2 days.',
  ].join('\n');

  it('are scored as one section, with a warning', () => {
    const result = score(body, [DRIFT, BASELINE]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/no step headings/);
    expect(step(result, 'monitoring').hits).toEqual([expect.objectContaining({ id: 'drift', credit: 1, line: BODY_OFFSET })]);
    expect(step(result, 'model').hits).toEqual([expect.objectContaining({ id: 'baseline', credit: 1, line: BODY_OFFSET + 1 })]);
    expect(result.steps.flatMap((entry) => entry.misplaced)).toEqual([]);
    expect(result.steps.every((entry) => entry.present && entry.line === null)).toBe(true);
  });

  it('with only unknown "#" headings are still one section', () => {
    const result = score(`# My answer\n${body}`, [DRIFT, BASELINE]);
    expect(result.warnings[0]).toMatch(/no step headings/);
    expect(credited(result)).toEqual(['baseline', 'drift']);
  });

  it('warn about the steps that have no section when headings exist', () => {
    const result = score('## Model\nGBDT because it is cheap.', [GBDT]);
    expect(result.warnings).toEqual([expect.stringMatching(/^no section for: .*Monitoring/)]);
    expect(step(result, 'model').present).toBe(true);
    expect(step(result, 'monitoring').present).toBe(false);
  });
});

describe('scores', () => {
  const ALL = [...MONITORING_ITEMS, BASELINE, LOGREG, GBDT, DNN, LOSS, LATENCY, MONITORING];

  it.each([
    ['empty notes', ''],
    ['only headings', '## Requirements\n## Model\n## Monitoring'],
    ['a dump', '## Model\nLR GBDT DNN baseline log loss\n## Monitoring\ndata drift canary pager dashboard'],
    ['an explained section', EXPLAINED_MONITORING],
    ['no headings', 'baseline because cheap, data drift since tastes shift, latency 200 ms'],
    ['negated everything', '## Model\nNo baseline, no DNN, no LR.\n## Monitoring\nNo monitoring, no dashboards, no data drift checks.'],
  ])('are integers in 0-100 for %s', (_, body) => {
    const result = score(body, ALL);
    expectValidScores(result);
    expect(result.question).toBe('q');
    expect(result.steps.map((entry) => entry.id)).toEqual(['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring']);
  });

  it('give 0 to a step with items and no mention of them', () => {
    expect(step(score('## Model\nSomething thoughtful because reasons.', [BASELINE]), 'model').score).toBe(0);
  });

  it('give an overall score between the lowest and the highest step', () => {
    const result = score(EXPLAINED_MONITORING, ALL);
    const values = result.steps.map((entry) => entry.score);
    expect(result.score).toBeGreaterThanOrEqual(Math.min(...values));
    expect(result.score).toBeLessThanOrEqual(Math.max(...values));
  });
});

describe('evidence', () => {
  it('uses 1-based file line numbers that count the front matter', () => {
    const front = '---\nquestion: q\ncandidate: sam\nminutes: 45\n---\n';
    const body = '\nIntro line.\n\n## Monitoring\n\nWe check data drift every 24 hours because tastes shift.\n';
    const result = scoreNotes(notesOf(body, front), 'q', compileMatcher([DRIFT]));
    const monitoring = step(result, 'monitoring');
    // file: 1 ---, 2 question, 3 candidate, 4 minutes, 5 ---, 6 (blank), 7 Intro, 8 (blank), 9 heading, 10 blank, 11 drift
    expect(monitoring.line).toBe(9);
    expect(monitoring.hits).toEqual([expect.objectContaining({ id: 'drift', line: 11, text: 'We check data drift every 24 hours because tastes shift.' })]);
  });

  it('counts lines the same with CRLF line ends', () => {
    const text = '---\r\nquestion: q\r\n---\r\n## Monitoring\r\nWe check data drift every 24 hours because tastes shift.\r\n';
    const parsed = parseNotes(text, 'notes.md');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const monitoring = step(scoreNotes(parsed.notes, 'q', compileMatcher([DRIFT])), 'monitoring');
    expect(monitoring.line).toBe(4);
    expect(monitoring.hits).toEqual([expect.objectContaining({ line: 5, text: 'We check data drift every 24 hours because tastes shift.' })]);
  });

  it('counts from line 1 when there is no front matter', () => {
    const parsed = parseNotes('## Monitoring\nWe check data drift every 24 hours because tastes shift.', 'notes.md');
    if (!parsed.ok) throw new Error('did not parse');
    expect(step(scoreNotes(parsed.notes, 'q', compileMatcher([DRIFT])), 'monitoring').hits[0]?.line).toBe(2);
  });

  it('strips terminal escape sequences and indentation from the evidence text', () => {
    const result = score('## Monitoring\n   We check \u001b[31m data drift \u001b[0m daily because tastes shift.', [DRIFT]);
    expect(step(result, 'monitoring').hits[0]?.text).toBe('We check  data drift  daily because tastes shift.');
  });
});

describe('depth signals', () => {
  it.each([
    ['because', 'We pick GBDT because it trains in minutes.'],
    ['since', 'We pick GBDT since it trains in minutes.'],
    ['so that', 'We pick GBDT so that training takes minutes.'],
    ['trade-off', 'GBDT: the trade-off is weaker text features.'],
    ['vs', 'GBDT vs a DNN: GBDT trains in minutes.'],
    ['instead of', 'GBDT instead of a DNN: it trains in minutes.'],
    ['cheaper', 'GBDT is cheaper to train.'],
  ])('count "%s" as a reason', (_, line) => {
    const model = step(score(`## Model\n${line}`, [GBDT]), 'model');
    expect(model.depth.reasons).toBeGreaterThanOrEqual(1);
  });

  it('count numbers with units but not list numbers', () => {
    const model = step(score('## Model\n1. GBDT with 500 trees\n2) trained on 30 days of logs', [GBDT]), 'model');
    expect(model.depth.numbers).toBe(2);
  });

  it('raise the step score when present', () => {
    const thin = step(score('## Model\nGBDT on the click logs.', [GBDT]), 'model');
    const deep = step(score('## Model\nGBDT on 30 days of click logs, since it trains in 10 minutes.', [GBDT]), 'model');
    expect(deep.score).toBeGreaterThan(thin.score);
    expect(deep.score).toBe(100);
  });
});

describe('determinism', () => {
  it('gives the same result for the same input', () => {
    const items = [...MONITORING_ITEMS, BASELINE, LOGREG, GBDT, DNN, LOSS];
    expect(score(EXPLAINED_MONITORING, items)).toEqual(score(EXPLAINED_MONITORING, items));
  });
});

describe('negation stays within its clause', () => {
  it('"don\'t worry about drift, we retrain daily" negates drift, not retraining', () => {
    const drift = item('drift', 'monitoring', ['drift'], { negatable: false });
    const retraining = item('retraining', 'monitoring', ['retrain daily'], { negatable: false });
    const result = step(score("## Monitoring\nDon't worry about drift, we retrain daily.\n", [drift, retraining]), 'monitoring');
    expect(result.negated.map((entry) => entry.id)).toEqual(['drift']);
    expect(result.hits.map((hit) => hit.id)).toEqual(['retraining']);
  });
});

describe('a bullet that repeats a heading is not the same as a terse note', () => {
  const items = [
    { id: 'drift', step: 'monitoring', label: 'Drift', kind: 'mention', any: ['data drift'], weight: 1, required: false, negatable: false, hint: 'h', source: 't' },
    { id: 'monitoring-word', step: 'monitoring', label: 'Monitoring', kind: 'mention', any: ['monitoring'], weight: 1, required: false, negatable: true, hint: 'h', source: 't' },
  ] as const;
  const matcher = compileMatcher(items.map((item) => ({ ...item, any: [...item.any] })));
  const score = (body: string) => {
    const parsed = parseNotes(`---\nquestion: q\n---\n${body}`, 'n.md');
    if (!parsed.ok) throw new Error('unparsable');
    return scoreNotes(parsed.notes, 'q', matcher).steps.find((step) => step.id === 'monitoring')!;
  };

  it.each([
    ['## 7. Monitoring\n- Data drift\n', ['drift']],
    ['## 7. Monitoring\n- Monitoring\n', []],
    ['## 7. Monitoring\n- Monitoring for data drift\n', ['drift', 'monitoring-word']],
  ])('%j earns %j', (body, ids) => {
    expect(score(body).hits.map((hit) => hit.id)).toEqual(ids);
  });
});

describe('listing, padding and overlapping mentions (review findings)', () => {
  const CHOICE = item('model-choice', 'model', ['two tower', 'DCN', 'transformer', 'GBDT', 'matrix factorization', 'main model'], { kind: 'choice', weight: 3 });
  const OFFLINE = item('offline', 'evaluation', ['PR AUC', 'offline metrics']);
  const PR = item('pr', 'evaluation', ['PR AUC', 'precision']);
  const AB = item('ab', 'evaluation', ['A/B']);

  it.each([
    ['## Model\n- Options: matrix factorization, two-tower, DCN, transformer, GBDT.\n', 0],
    ['## Model\n- Main model: GBDT over card history features\n', 0],
    ['## Model\n- Main model: GBDT, because the features are tabular and it serves in 2 ms.\n', 1],
  ])('a choice item: %j earns %d of its weight', (body, credit) => {
    const hits = step(score(body, [CHOICE]), 'model').hits;
    expect(hits.length === 0 ? 0 : hits[0]!.credit).toBe(credit);
  });

  it('two items found in the same words take one place under the line cap', () => {
    const hits = step(score('## Evaluation\nOffline PR-AUC; online A/B\n', [OFFLINE, PR, AB]), 'evaluation').hits;
    expect(hits.map((hit) => hit.id).sort()).toEqual(['ab', 'offline', 'pr']);
  });

  it.each([
    ['- monitoring: yes\n- dashboards: yes\n- drift: yes\n- retraining: yes\n- canary: yes\n- logging: yes\n'],
    ['- monitoring: key point\n- dashboards: key point\n- drift: key point\n- retraining: key point\n- canary: key point\n- logging: key point\n'],
    ['- We will definitely use monitoring here as well.\n- We will definitely use dashboards here as well.\n- We will definitely use drift here as well.\n- We will definitely use retraining here as well.\n- We will definitely use canary here as well.\n- We will definitely use logging here as well.\n'],
  ])('padding a list with stock words does not make it an explanation: %j', (lines) => {
    const items = ['monitoring', 'dashboards', 'drift', 'retraining', 'canary', 'logging'].map((id) => item(id, 'monitoring', [id]));
    const padded = step(score(`## Monitoring\n${lines}`, items), 'monitoring').score;
    const explained = step(
      score('## Monitoring\n- Watch drift with PSI per feature, alert above 0.2\n- Dashboards show calibration by country\n- Retraining weekly from fresh labels, monitoring the lift\n', items),
      'monitoring',
    ).score;
    expect(padded).toBeLessThan(40);
    expect(explained).toBe(100);
  });

  it.each([
    ['We won\'t monitor drift; no need for v1.', true],
    ['Drift detection is overkill at launch.', true],
    ['Skip drift checks for now.', true],
    ['No drift problem here because features are static.', false],
    ['Without drift checks the model silently decays, so we run PSI daily.', false],
    ['Drift is not a concern for us.', true],
    ['Drift isn\'t an issue here, skip it.', true],
  ])('a risk item (negatable: false) in %j is negated: %s', (text, negated) => {
    const drift = item('drift', 'monitoring', ['drift', 'drift checks', 'drift detection'], { negatable: false });
    const result = step(score(`## Monitoring\n${text}\n`, [drift]), 'monitoring');
    expect(result.negated.length > 0).toBe(negated);
    expect(result.hits.length > 0).toBe(!negated);
  });

  it('notes without headings still count numbers and reasons as depth', () => {
    const result = score('We retrain weekly because fraud patterns shift; 30M transactions a day.\n', [item('retraining', 'monitoring', ['retrain weekly'])]);
    expect(step(result, 'monitoring').depth.numbers).toBeGreaterThan(0);
    expect(step(result, 'monitoring').depth.reasons).toBeGreaterThan(0);
  });

  it('judges a line by its shape, not by whether the rubric knows its words', () => {
    const items = ['drift', 'canary'].map((id) => item(id, 'monitoring', [id]));
    const glossary = '## Monitoring\n- drift, population stability index, Kolmogorov-Smirnov test, canary, blue-green deployment, PagerDuty';
    const decided = '## Monitoring\n- drift: PSI per feature, alert above 0.2\n- canary to 1% before the ramp';
    expect(step(score(glossary, items), 'monitoring').hits.map((hit) => hit.credit)).toEqual([0.2, 0.2]);
    expect(step(score(decided, items), 'monitoring').hits.map((hit) => hit.credit)).toEqual([1, 1]);
  });
});


describe('baseline and chosen model share aliases', () => {
  const BASE = item('baseline', 'model', ['baseline', 'LR', 'GBDT'], { context: ['baseline', 'start with', 'first', 'simple', 'v0', 'heuristic', 'compare against'], weight: 3 });
  const CHOSEN = item('chosen', 'model', ['LR', 'GBDT', 'DNN', 'two tower'], { kind: 'choice', weight: 3 });
  const LOSS_ITEM = item('loss', 'model', ['BCE', 'log loss']);
  const model = (body: string) => step(score(`## Model\n${body}`, [BASE, CHOSEN, LOSS_ITEM]), 'model');

  it.each([
    ['- Baseline: LR on counts, then GBDT because it learns the crosses LR misses', ['baseline', 'chosen']],
    ['- Start with GBDT on counts, cheap and interpretable', ['baseline']],
    ['- GBDT on the same features as the v0 heuristic', ['baseline']],
    ['- GBDT, because the features are tabular and it serves in 2 ms', ['chosen']],
    ['- We compare LR, GBDT and a DNN', []],
    ['- Main model: a two-tower DNN over watch history', []],
    ['- First, LR on counts; a DNN later because crosses matter', ['baseline', 'chosen']],
  ])('%j earns %j', (body, expected) => {
    expect(ids(model(body).hits)).toEqual(expected);
  });

  it('keeps the credit of terse notes that state decisions', () => {
    const hits = model('- baseline: LR on counts, then GBDT; BCE loss; AUC-PR offline').hits;
    expect(hits.find((hit) => hit.id === 'baseline')?.credit).toBe(1);
    expect(hits.find((hit) => hit.id === 'loss')?.credit).toBe(1);
  });
});

describe('depth over breadth', () => {
  const BASE = item('baseline', 'model', ['baseline', 'LR'], { context: ['baseline', 'first'], weight: 3, required: true });
  const CHOSEN = item('chosen', 'model', ['LR', 'GBDT', 'DNN', 'DCN', 'two tower'], { kind: 'choice', weight: 3, required: true });
  const LOSS_ITEM = item('loss', 'model', ['BCE', 'log loss'], { weight: 3, required: true });
  const TRAINING = item('training', 'model', ['Adam', 'dropout', 'early stopping']);
  const RUBRIC = [BASE, CHOSEN, LOSS_ITEM, TRAINING];
  const modelScore = (lines: readonly string[], items = RUBRIC) => step(score(`## Model\n${lines.join('\n')}`, items), 'model').score;

  it('scores a step naming many models without a reason well below one naming two and justifying them', () => {
    const breadth = modelScore(['- LR on the click counts', '- GBDT over the same features', '- DNN with embeddings', '- DCN with cross layers', '- two-tower with a user tower', '- BCE loss with Adam and dropout']);
    const depth = modelScore(['- baseline: LR on click counts, because it trains in minutes', '- GBDT, since the 40 features are tabular and it serves in 2 ms', '- BCE loss with Adam and early stopping']);
    expect(depth).toBeGreaterThanOrEqual(90);
    expect(breadth).toBeLessThanOrEqual(depth / 2);
  });

  it('asks more numbers or reasons of a step the more items it names', () => {
    const items = ['recall', 'precision', 'ndcg', 'mrr', 'coverage', 'diversity', 'novelty', 'serendipity', 'calibration'].map((id) => item(id, 'model', [id]));
    const objects = ['head queries', 'tail queries', 'new users', 'old users', 'mobile', 'desktop', 'videos', 'shorts', 'live streams'];
    const lines = (count: number) => items.slice(0, count).map((entry, index) => `- ${entry.any[0]} on ${objects[index]}`);
    const withTwoReasons = (count: number) => modelScore([...lines(count), '- chosen because it is small, since speed matters'], items.slice(0, count));
    expect(withTwoReasons(3)).toBe(100);
    expect(withTwoReasons(9)).toBeLessThan(100);
  });
});
