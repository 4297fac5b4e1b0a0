import { z } from 'zod';
import { KebabId, Phrase, Text } from './common.js';

/**
 * A mistake the field agrees on, reported as a warning with a hint. `mention`: the notes say one
 * of `any` (not negated) and none of `unless` ("accuracy" with no precision or recall beside it,
 * a "random split" with no split by time). `missing`: every concept in `concepts` is missing
 * (no baseline; no online evaluation at all).
 */
export const ANTIPATTERN_KINDS = ['mention', 'missing'] as const;

const MentionAntipattern = z.strictObject({
  id: KebabId,
  kind: z.literal('mention'),
  label: Text,
  any: z.array(Phrase).min(1, 'expected at least one phrase'),
  unless: z.array(Phrase).default([]),
  hint: Text,
});

const MissingAntipattern = z.strictObject({
  id: KebabId,
  kind: z.literal('missing'),
  label: Text,
  concepts: z.array(KebabId).min(1, 'expected at least one concept id'),
  hint: Text,
});

export const AntipatternSchema = z.discriminatedUnion('kind', [MentionAntipattern, MissingAntipattern]);

export type Antipattern = z.output<typeof AntipatternSchema>;
