import type { ChalkInstance } from 'chalk';
import { parseNotes } from '../core/notes/parse-notes.js';
import { sanitize } from '../core/text/sanitize.js';

export interface Reference {
  /** The question's strong example answer, as its file holds it, or null when it has none. */
  answer: string | null;
  architecture?: { title: string; diagram: string };
}

/** What to learn from after an attempt: a strong answer, then the family's reference architecture. */
export function renderReference(reference: Reference, color: ChalkInstance): string {
  const lines: string[] = [];
  const parsed = reference.answer === null ? null : parseNotes(reference.answer, 'strong.md');
  if (parsed?.ok) {
    lines.push(color.bold('A strong answer'), '', sanitize(parsed.notes.lines.join('\n').trim()));
  } else {
    lines.push(color.dim('This question has no strong example answer yet.'));
  }
  if (reference.architecture) {
    lines.push('', color.bold(`Reference architecture: ${sanitize(reference.architecture.title)}`), '', sanitize(reference.architecture.diagram.trimEnd()));
  }
  return lines.join('\n');
}
