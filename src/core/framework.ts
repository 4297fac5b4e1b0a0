/**
 * The seven steps of the ML system design framework, defined once. Every command reads them
 * from here: ids, titles, default minutes, weights, guiding questions and the heading words
 * used to find each step in a notes file.
 */

export const STEP_IDS = [
  'requirements',
  'framing',
  'data',
  'model',
  'evaluation',
  'serving',
  'monitoring',
] as const;

export type StepId = (typeof STEP_IDS)[number];

export interface Step {
  id: StepId;
  /** 1-based position, also accepted as a heading ("## 4." is the model step). */
  number: number;
  title: string;
  /** Default budget in a 45-minute drill. */
  minutes: number;
  /** Relative weight of the step in the overall score. */
  weight: number;
  guiding: readonly string[];
  /** Words and phrases that name the step in a heading (matched as stemmed tokens). */
  headings: readonly string[];
}

export const FRAMEWORK: readonly Step[] = [
  {
    id: 'requirements',
    number: 1,
    title: 'Clarify requirements',
    minutes: 5,
    weight: 1,
    guiding: [
      'What is the business objective, and how will the business measure success?',
      'Who are the users, and what is the scale: users, items, requests per second?',
      'What latency budget and which constraints (privacy, devices, regions, cost) apply?',
      'What data exists today, and what would you ask the interviewer before designing?',
    ],
    headings: [
      'requirements', 'requirement', 'clarifying questions', 'clarification', 'clarify', 'scope',
      'scoping', 'problem statement', 'understanding the problem', 'understand the problem',
      'business objective', 'business goal', 'goals', 'objectives', 'assumptions', 'constraints',
      'use case', 'reqs', 'context', 'background', 'problem definition', 'overview', 'what are we building',
    ],
  },
  {
    id: 'framing',
    number: 2,
    title: 'Frame it as an ML problem',
    minutes: 5,
    weight: 1,
    guiding: [
      'What is the ML objective, and how does it stand in for the business objective?',
      'Which task type is it: classification, ranking, retrieval, regression?',
      'What are the input and the output of the model?',
      'How is a label defined: what counts as a positive, what as a negative?',
    ],
    headings: [
      'framing', 'ml framing', 'problem framing', 'frame', 'ml problem', 'problem formulation',
      'formulation', 'ml objective', 'ml formulation', 'ml task', 'task definition', 'objective',
      'approach', 'high level design', 'high level approach', 'system overview', 'labels and objective',
    ],
  },
  {
    id: 'data',
    number: 3,
    title: 'Data and features',
    minutes: 8,
    weight: 1,
    guiding: [
      'Which data sources and entities (users, items, context, interactions) do you use?',
      'Where do labels come from, and how do you handle noise, delay and imbalance?',
      'Which features, and how is each one encoded?',
      'How do you split the data without leakage, and what about privacy?',
    ],
    headings: [
      'data', 'features', 'feature', 'feature engineering', 'data preparation', 'data pipeline',
      'training data', 'dataset', 'datasets', 'data sources', 'data collection', 'signals',
      'data and features', 'labeling', 'labelling', 'label generation', 'feature extraction',
      'etl', 'inputs',
    ],
  },
  {
    id: 'model',
    number: 4,
    title: 'Model',
    minutes: 9,
    weight: 1.25,
    guiding: [
      'What simple baseline do you start with, and why?',
      'Which model do you choose, and why this one over the alternatives?',
      'Which loss function do you train with?',
      'How is it trained: negatives and sampling, regularisation, retraining cadence?',
    ],
    headings: [
      'model', 'models', 'modeling', 'modelling', 'model development', 'model architecture',
      'architecture', 'model selection', 'model choice', 'training', 'model training', 'algorithm',
      'algorithms', 'ml model', 'baseline', 'approach and model', 'learning', 'detector', 'classifier',
      'ranker', 'training pipeline',
    ],
  },
  {
    id: 'evaluation',
    number: 5,
    title: 'Evaluation',
    minutes: 6,
    weight: 1.25,
    guiding: [
      'Which offline metrics fit the task, and why?',
      'Which online metrics show the business objective moved?',
      'How do you run the A/B test, and which guardrail metrics do you watch?',
    ],
    headings: [
      'evaluation', 'evaluate', 'metrics', 'metric', 'offline evaluation', 'online evaluation',
      'offline metrics', 'online metrics', 'measuring success', 'measure success', 'success metrics',
      'experimentation', 'experiment', 'ab testing', 'a b testing', 'a b test', 'testing',
      'validation', 'how we measure', 'eval', 'know it works', 'does it work', 'good enough',
      'release criteria', 'launch criteria',
    ],
  },
  {
    id: 'serving',
    number: 6,
    title: 'Serving',
    minutes: 7,
    weight: 1,
    guiding: [
      'Online or batch predictions, and why?',
      'What does the serving pipeline look like: candidate generation, ranking, re-ranking?',
      'Feature store, caching, ANN index: what meets the latency budget at this scale?',
      'Do the latency and capacity numbers add up?',
    ],
    headings: [
      'serving', 'serve', 'deployment', 'deploy', 'inference', 'production', 'productionization',
      'production architecture', 'system design', 'system architecture', 'infrastructure', 'infra',
      'online serving', 'prediction pipeline', 'scaling', 'scale', 'launch', 'rollout', 'batch pipeline',
      'inference pipeline', 'serving pipeline', 'batch inference', 'request path',
    ],
  },
  {
    id: 'monitoring',
    number: 7,
    title: 'Monitoring',
    minutes: 5,
    weight: 1,
    guiding: [
      'Which data drift, concept drift and training-serving skew can hurt the model?',
      'Which model and business metrics go on dashboards, and what raises an alert?',
      'When and how is the model retrained, and how do you roll out a new one safely?',
    ],
    headings: [
      'monitoring', 'monitor', 'maintenance', 'observability', 'post deployment', 'after launch',
      'keeping it healthy', 'keep it working', 'iteration', 'iterations', 'continuous learning', 'retraining',
      'model maintenance', 'operations', 'mlops', 'alerting', 'drift',
    ],
  },
];

export const TOTAL_MINUTES = FRAMEWORK.reduce((sum, step) => sum + step.minutes, 0);

const BY_ID = new Map<string, Step>(FRAMEWORK.map((step) => [step.id, step]));

export function getStep(id: StepId): Step {
  return BY_ID.get(id)!;
}

/** Minutes per step for a drill of `total` minutes, split by the default budget. */
export function stepBudgets(total: number = TOTAL_MINUTES): Record<StepId, number> {
  const scale = total / TOTAL_MINUTES;
  return Object.fromEntries(FRAMEWORK.map((step) => [step.id, step.minutes * scale])) as Record<
    StepId,
    number
  >;
}
