import type { StepId } from '../framework.js';
import type { Depth } from './depth.js';

/** Where a mention stands in the notes file: 1-based line number and the line itself. */
export interface Evidence {
  line: number;
  text: string;
}

export interface Hit extends Evidence {
  id: string;
  label: string;
  weight: number;
  /** The share of the item's weight earned: 1, or less for a thin mention (see `note`). */
  credit: number;
  note?: string;
}

export interface Misplaced extends Evidence {
  id: string;
  label: string;
  weight: number;
  credit: number;
  /** The step whose section holds the mention, or null for text before any step heading. */
  foundIn: StepId | null;
}

export interface Negated extends Evidence {
  id: string;
  label: string;
}

export interface Miss {
  id: string;
  label: string;
  weight: number;
  required: boolean;
  hint: string;
}

export interface StepResult {
  id: StepId;
  title: string;
  /** 0-100. */
  score: number;
  weight: number;
  /** Whether the notes have a section for this step. */
  present: boolean;
  /** 1-based line of the step's first heading in the file, if it has one. */
  line: number | null;
  hits: Hit[];
  misplaced: Misplaced[];
  negated: Negated[];
  misses: Miss[];
  /** Ids of required items found nowhere. */
  requiredMissing: string[];
  depth: Depth;
  /** The step's line most discounted as a list of terms (the first, of equals): its credit share and why. */
  listed?: Evidence & { credit: number; note: string };
}

export interface ScoreResult {
  question: string;
  /** 0-100, the steps' scores weighted by the framework's step weights. */
  score: number;
  steps: StepResult[];
  warnings: string[];
}
