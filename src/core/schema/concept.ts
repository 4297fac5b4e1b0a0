import { z } from 'zod';
import { KebabId, Phrase, StepIdSchema, Text } from './common.js';

/**
 * How a concept's mentions earn credit. `mention`: any alias counts. `reasoned`: an alias counts
 * fully only with a reason beside it (a "because", "so that", "trade-off"... in its line or the
 * next). `choice`: a reasoned pick among alternatives, so a line naming three or more of its
 * aliases (five architectures) is listing, not choosing, and earns nothing.
 */
export const MATCHER_KINDS = ['mention', 'reasoned', 'choice'] as const;
export type MatcherKind = (typeof MATCHER_KINDS)[number];

export const ConceptSchema = z.strictObject({
  id: KebabId,
  step: StepIdSchema,
  label: Text,
  kind: z.enum(MATCHER_KINDS).default('mention'),
  any: z.array(Phrase).min(1, 'expected at least one alias'),
  weight: z.number().positive().max(5).default(1),
  required: z.boolean().default(false),
  group: KebabId.optional(),
  /**
   * Words that must stand beside an alias for it to count ("baseline", "start with" for a
   * baseline model). Where an alias is shared with other items, a mention in this context is
   * this item's alone; elsewhere it is theirs.
   */
  context: z.array(Phrase).min(1, 'expected at least one context phrase').optional(),
  negatable: z.boolean().default(true),
  hint: Text,
});

export type Concept = z.output<typeof ConceptSchema>;
