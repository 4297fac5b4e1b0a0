import { z } from 'zod';
import { AntipatternSchema } from './antipattern.js';
import { ConceptSchema } from './concept.js';
import { KebabId, Text, Version } from './common.js';

export const RubricSchema = z.strictObject({
  version: Version,
  name: KebabId,
  description: Text,
  concepts: z.array(ConceptSchema).min(1, 'expected at least one concept'),
  antipatterns: z.array(AntipatternSchema).default([]),
  /** The reference architecture of the problem family, drawn for a terminal: shown after an attempt. */
  architecture: z
    .strictObject({
      title: Text,
      diagram: Text,
    })
    .optional(),
});

export type Rubric = z.output<typeof RubricSchema>;
