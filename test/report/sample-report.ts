import { Chalk } from 'chalk';
import { getStep, type StepId } from '../../src/core/framework.js';
import type { FileGrade, GradeReport } from '../../src/core/grading/grade-report.js';
import type { StepResult } from '../../src/core/scoring/result.js';
import type { ReporterOptions } from '../../src/report/grade/reporter.js';

/**
 * A hand-built report with one file per outcome: passed, failed on the overall score (with
 * required items missing), failed on a step minimum only, not gradable; and one question of the
 * set with no answer. Evidence and hints carry characters every format must escape.
 */
function step(id: StepId, score: number, line: number | null, extra: Partial<StepResult> = {}): StepResult {
  const { title, weight } = getStep(id);
  return {
    id,
    title,
    score,
    weight,
    present: line !== null,
    line,
    hits: [],
    misplaced: [],
    negated: [],
    misses: [],
    requiredMissing: [],
    depth: { numbers: 1, reasons: 1 },
    ...extra,
  };
}

export const PASSED: FileGrade = {
  path: 'answers/feed-ranking.md',
  question: 'feed-ranking',
  score: 78,
  passed: true,
  minScore: 60,
  stepMinScores: {},
  failures: [],
  warnings: ['"Monitoring" is thin: 2 lines'],
  steps: [
    step('requirements', 85, 5, {
      hits: [{ id: 'latency', label: 'Latency budget', weight: 1, credit: 1, line: 7, text: '- p99 latency < 200 ms & "fresh" feed' }],
    }),
    step('framing', 80, 11),
    step('data', 75, 16),
    step('model', 82, 22, {
      hits: [{ id: 'baseline', label: 'Baseline', weight: 2, credit: 0.5, note: 'named without a reason: say why this one', line: 24, text: 'baseline: LR, then GBDT' }],
    }),
    step('evaluation', 70, 30),
    step('serving', 78, 36),
    step('monitoring', 66, 42),
  ],
};

export const FAILED: FileGrade = {
  path: 'answers/ads-ctr, v2.md',
  question: 'ads-ctr',
  score: 52,
  passed: false,
  minScore: 60,
  stepMinScores: { model: 40 },
  failures: ['score 52 is below the minimum 60', 'Model: 20 is below the step minimum 40'],
  warnings: [],
  steps: [
    step('requirements', 70, 3),
    step('framing', 65, 8),
    step('data', 55, 12),
    step('model', 20, 18, {
      misses: [
        { id: 'loss', label: 'Loss function', weight: 2, required: true, hint: 'Name the loss: log loss, i.e. binary cross-entropy.\nSay why it fits a 2% CTR.' },
        { id: 'baseline', label: 'Baseline', weight: 1, required: false, hint: 'Start with a simple model | a heuristic.' },
      ],
      requiredMissing: ['loss'],
    }),
    step('evaluation', 45, null, {
      misses: [{ id: 'online-metrics', label: 'Online metrics', weight: 1, required: true, hint: 'CTR, revenue per mille & an A/B test.' }],
      requiredMissing: ['online-metrics'],
    }),
    step('serving', 60, 25),
    step('monitoring', 50, 31, {
      listed: { line: 33, text: 'drift, skew | dashboards, `alerts`', credit: 0.2, note: 'terms listed without a decision or reason earn little: say what you chose and why' },
    }),
  ],
};

export const BELOW_STEP_MIN: FileGrade = {
  path: 'answers/fraud.md',
  question: 'fraud-detection',
  score: 71,
  passed: false,
  minScore: 60,
  stepMinScores: { evaluation: 50 },
  failures: ['Evaluation: 35 is below the step minimum 50'],
  warnings: [],
  steps: [
    step('requirements', 80, 4),
    step('framing', 75, 9),
    step('data', 72, 14),
    step('model', 90, 20),
    step('evaluation', 35, 30, {
      misplaced: [{ id: 'ab-test', label: 'A/B test', weight: 1, credit: 0.25, foundIn: 'serving', line: 41, text: 'ship behind an A/B test: 50%, then 100%' }],
      negated: [{ id: 'offline-metrics', label: 'Offline metrics', line: 33, text: "we don't need AUC <here> & \"now\"" }],
      misses: [{ id: 'offline-metrics', label: 'Offline metrics', weight: 2, required: false, hint: 'Pick metrics that fit: PR-AUC & recall@k.' }],
    }),
    step('serving', 70, 38),
    step('monitoring', 65, 45),
  ],
};

export const BAD_INPUT: FileGrade = {
  path: 'answers/broken.md',
  question: null,
  score: null,
  passed: false,
  minScore: 60,
  stepMinScores: {},
  failures: ['front matter: question "nope" is not in the bank'],
  warnings: [],
  steps: [],
  error: { file: 'answers/broken.md', line: 3, col: 11, message: 'front matter: question "nope" is not in the bank' },
};

export const SAMPLE_REPORT: GradeReport = {
  version: 1,
  set: 'core-set',
  files: [PASSED, FAILED, BELOW_STEP_MIN, BAD_INPUT],
  summary: {
    files: 4,
    passed: 1,
    failed: 2,
    errors: 1,
    missing: ['search-ranking'],
    minScore: 60,
    averageScore: 67,
    passedAll: false,
  },
};

export const PASSING_REPORT: GradeReport = {
  version: 1,
  set: null,
  files: [PASSED],
  summary: { files: 1, passed: 1, failed: 0, errors: 0, missing: [], minScore: 60, averageScore: 78, passedAll: true },
};

export const OPTIONS: ReporterOptions = { color: new Chalk({ level: 0 }), verbose: false };
/** Machine formats must come out the same whether or not the terminal has colour. */
export const COLOR_OPTIONS: ReporterOptions = { color: new Chalk({ level: 3 }), verbose: false };
