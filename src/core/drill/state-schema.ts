import { z } from 'zod';
import { FRAMEWORK, STEP_IDS } from '../framework.js';
import type { DrillState } from './machine.js';
import { escapeControls } from '../text/sanitize.js';

const Step = z.enum(STEP_IDS);
const perStep = <T extends z.ZodType>(value: T) => z.strictObject(Object.fromEntries(STEP_IDS.map((id) => [id, value])) as Record<(typeof STEP_IDS)[number], T>);
const Time = z.number().finite().nonnegative();

/** What a saved draft must look like to be resumed: a draft that is not is skipped, never run. */
export const DrillStateSchema = z
  .object({
    version: z.literal(1),
    question: z.string().min(1),
    strict: z.boolean(),
    budgets: perStep(z.number().int().positive()),
    phase: z.enum(['brief', 'steps', 'followups', 'done']),
    step: z.number().int().min(0).max(FRAMEWORK.length - 1),
    notes: perStep(z.array(z.string())),
    usedMs: perStep(Time),
    clockStartedAt: Time.nullable(),
    paused: z.boolean(),
    warned: z.array(Step),
    hintsUsed: z.array(z.string()),
    asked: z.array(z.object({ step: Step, question: z.string(), answer: z.string() })),
    followups: z.array(z.object({ step: Step, question: z.string(), lines: z.array(z.string()) })),
    followup: z.number().int().min(0),
    messages: z.array(z.object({ kind: z.enum(['interviewer', 'hint', 'info', 'error']), text: z.string() })),
    pending: z.string().default(''),
    startedAt: Time.nullable(),
    finishedAt: Time.nullable(),
  })
  .refine((state) => state.phase !== 'followups' || state.followup < state.followups.length, {
    message: 'the follow-up it stopped at does not exist',
  });

/** The draft as a DrillState, or the reason it cannot be one. */
export function checkDrillState(value: unknown): { ok: true; state: DrillState } | { ok: false; reason: string } {
  const result = DrillStateSchema.safeParse(value);
  if (result.success) return { ok: true, state: result.data as DrillState };
  const issue = result.error.issues[0]!;
  return { ok: false, reason: `${escapeControls(issue.path.join('.')) || 'draft'}: ${escapeControls(issue.message)}` };
}
