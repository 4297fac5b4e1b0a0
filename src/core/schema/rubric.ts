import { z } from 'zod';
import { ConceptSchema } from './concept.js';
import { KebabId, Text, Version } from './common.js';

export const RubricSchema = z.strictObject({
  version: Version,
  name: KebabId,
  description: Text,
  concepts: z.array(ConceptSchema).min(1, 'expected at least one concept'),
});

export type Rubric = z.output<typeof RubricSchema>;
