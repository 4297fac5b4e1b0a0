import { QuestionSchema } from './question.js';
import { RubricSchema } from './rubric.js';
import { PracticeSetSchema } from './practice-set.js';

/** Every file kind a user or author writes, by the name of its JSON Schema file. */
export const SCHEMAS = {
  question: QuestionSchema,
  rubric: RubricSchema,
  'practice-set': PracticeSetSchema,
} as const;

export type SchemaName = keyof typeof SCHEMAS;

export * from './antipattern.js';
export * from './common.js';
export * from './concept.js';
export * from './question.js';
export * from './rubric.js';
export * from './practice-set.js';
