import { z } from 'zod';
import { STEP_IDS } from '../framework.js';

export const FORMAT_VERSION = 1;

export const KebabId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id such as "loss-function"');

export const StepIdSchema = z.enum(STEP_IDS);

export const Version = z.literal(FORMAT_VERSION, {
  error: `expected format version ${FORMAT_VERSION}`,
});

export const Text = z.string().trim().min(1, 'expected a non-empty string');

/**
 * The most a phrase matched in notes (an alias, a context phrase, an interviewer trigger) may
 * hold. Matching walks a phrase word by word from every word of the notes, so a phrase's length
 * multiplies the cost of grading; the longest built-in alias has 8 words and 39 characters.
 * Words are counted as the tokenizer splits them: runs of letters, runs of digits, and `*`.
 */
export const PHRASE_LIMITS = { words: 12, chars: 200 } as const;

const PHRASE_WORD = /[\p{L}\p{M}]+|\p{N}+|(?<!\S)\*(?!\S)/gu;

export function phraseWordCount(text: string): number {
  return text.match(PHRASE_WORD)?.length ?? 0;
}

export const Phrase = Text.max(PHRASE_LIMITS.chars, {
  message: `expected a phrase of at most ${PHRASE_LIMITS.chars} characters`,
  abort: true,
}).refine((text) => phraseWordCount(text) <= PHRASE_LIMITS.words, `expected a phrase of at most ${PHRASE_LIMITS.words} words`);
