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
