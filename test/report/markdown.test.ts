import { describe, expect, it } from 'vitest';
import type { GradeReport } from '../../src/core/grading/grade-report.js';
import { inline, markdownReporter } from '../../src/report/grade/markdown.js';
import { COLOR_OPTIONS, OPTIONS, PASSED, PASSING_REPORT, SAMPLE_REPORT } from './sample-report.js';

const TABLE = [
  '| File | Question | Score | Result | Weakest step |',
  '| --- | --- | ---: | --- | --- |',
  '| answers/feed-ranking.md | feed-ranking | 78 | ✅ pass | 7. Monitoring (66) |',
  '| answers/ads-ctr, v2.md | ads-ctr | 52 | ❌ fail | 4. Model (20) |',
  '| answers/fraud.md | fraud-detection | 71 | ❌ fail | 5. Evaluation (35) |',
  '| answers/broken.md | — | — | ⚠️ error | — |',
  '| — | search-ranking | — | ❌ missing | — |',
];

describe('markdownReporter', () => {
  const { text, stepSummary } = markdownReporter(SAMPLE_REPORT, OPTIONS);
  const lines = text.split('\n');

  it('opens with the heading and the summary line', () => {
    expect(lines.slice(0, 3)).toEqual([
      '## mlsd grade',
      '',
      '❌ **1 passed, 2 failed, 1 error, 1 missing** · set core-set · min score 60 · average 67',
    ]);
    expect(stepSummary).toBeUndefined();
  });

  it('has a row per file and per missing answer', () => {
    expect(lines.slice(4, 4 + TABLE.length)).toEqual(TABLE);
  });

  it('lists what each failed file lacks, with hints on one line', () => {
    expect(text.slice(text.indexOf('### '))).toBe(
      [
        '### ❌ fail: answers/ads-ctr, v2.md',
        '',
        '- score 52 is below the minimum 60',
        '- Model: 20 is below the step minimum 40',
        '',
        'Required items missing:',
        '',
        '- 4. Model',
        '  - **Loss function**: Name the loss: log loss, i.e. binary cross-entropy. Say why it fits a 2% CTR.',
        '- 5. Evaluation',
        '  - **Online metrics**: CTR, revenue per mille & an A/B test.',
        '',
        'Read as lists of terms:',
        '',
        "- 7. Monitoring, line 33: terms listed without a decision or reason earn little: say what you chose and why (`drift, skew \\| dashboards, 'alerts'`)",
        '',
        '### ❌ fail: answers/fraud.md',
        '',
        '- Evaluation: 35 is below the step minimum 50',
        '',
        '### ⚠️ error: answers/broken.md',
        '',
        '- line 3, col 11: front matter: question "nope" is not in the bank',
        '',
      ].join('\n'),
    );
  });

  it('lists every miss of a failed file with --verbose', () => {
    const verbose = markdownReporter(SAMPLE_REPORT, { ...OPTIONS, verbose: true }).text;
    expect(verbose).toContain(
      [
        'Missed:',
        '',
        '- 4. Model',
        '  - **Loss function** (required): Name the loss: log loss, i.e. binary cross-entropy. Say why it fits a 2% CTR.',
        '  - **Baseline**: Start with a simple model \\| a heuristic.',
        '- 5. Evaluation',
        '  - **Online metrics** (required): CTR, revenue per mille & an A/B test.',
      ].join('\n'),
    );
    expect(verbose).toContain('- 5. Evaluation\n  - **Offline metrics**: Pick metrics that fit: PR-AUC & recall@k.');
  });

  it('shows only the summary and table when everything passed', () => {
    expect(markdownReporter(PASSING_REPORT, OPTIONS).text).toBe(
      [
        '## mlsd grade',
        '',
        '✅ **1 passed, 0 failed** · min score 60 · average 78',
        '',
        TABLE[0],
        TABLE[1],
        TABLE[2],
        '',
      ].join('\n'),
    );
  });

  it('escapes pipes and line breaks in cells', () => {
    const report: GradeReport = { ...PASSING_REPORT, files: [{ ...PASSED, path: 'answers/a|b\nc.md', question: 'x|y' }] };
    expect(markdownReporter(report, OPTIONS).text).toContain('| answers/a\\|b c.md | x\\|y | 78 | ✅ pass | 7. Monitoring (66) |');
  });

  it('has no colour', () => {
    expect(markdownReporter(SAMPLE_REPORT, COLOR_OPTIONS).text).toBe(text);
  });
});

describe('inline', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['two\nlines\r\n  here ', 'two lines here'],
    ['<b>bold</b>', '\\<b>bold\\</b>'],
    ['C:\\notes', 'C:\\\\notes'],
    ['esc\u001b[31mred', 'escred'],
    ['& " % , :', '& " % , :'],
    ['lone \udc00 half, \ud83d\udd25 whole', 'lone half, \ud83d\udd25 whole'],
  ])('makes %j one literal line', (input, expected) => {
    expect(inline(input)).toBe(expected);
  });
});

describe('the first sentence of a hint', () => {
  it.each([
    ['Name the loss. Then say why.', 'Name the loss.'],
    ['Translate the goal, e.g. watch time, into a label. More text.', 'Translate the goal, e.g. watch time, into a label.'],
    ['Compare GBDT vs. a DNN, i.e. cost against lift! Next.', 'Compare GBDT vs. a DNN, i.e. cost against lift!'],
    ['No stop at all', 'No stop at all'],
  ])('%j -> %j', async (hint, first) => {
    const { firstSentence } = await import('../../src/report/grade/pretty.js');
    expect(firstSentence(hint)).toBe(first);
  });
});
