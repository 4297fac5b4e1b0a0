import { z } from 'zod';
import { ConceptSchema } from './concept.js';
import { KebabId, Phrase, StepIdSchema, Text, Version } from './common.js';

import { DIFFICULTIES } from '../difficulty.js';

export { DIFFICULTIES, type Difficulty } from '../difficulty.js';

export const InterviewerFactSchema = z.strictObject({
  triggers: z.array(Phrase).min(1, 'expected at least one trigger word'),
  answer: Text,
});

export const FollowupSchema = z.strictObject({
  step: StepIdSchema,
  question: Text,
});

export const QuestionSchema = z.strictObject({
  version: Version,
  id: KebabId,
  title: Text,
  difficulty: z.enum(DIFFICULTIES),
  tags: z.array(KebabId).default([]),
  prompt: Text,
  interviewer: z.array(InterviewerFactSchema).default([]),
  guiding: z.partialRecord(StepIdSchema, z.array(Text)).default({}),
  followups: z.array(FollowupSchema).default([]),
  rubrics: z.array(KebabId).default(['core']),
  concepts: z.array(ConceptSchema).default([]),
});

export type Question = z.output<typeof QuestionSchema>;
export type InterviewerFact = z.output<typeof InterviewerFactSchema>;
export type Followup = z.output<typeof FollowupSchema>;
