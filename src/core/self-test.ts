import type { Bank, BankQuestion } from './bank.js';
import { FRAMEWORK } from './framework.js';
import { gradeNotesText, MatcherCache } from './grading/grade-notes.js';
import type { Problem } from './yaml-file.js';

/** What an example answer must score, by the start of its file name. */
export const EXAMPLE_BARS = {
  strong: { min: 75, max: 100 },
  weak: { min: 0, max: 35 },
} as const;

/** The most a pasted list of every alias of a rubric may score. */
export const ALIAS_DUMP_MAX = 50;

export interface ExampleFile {
  question: string;
  path: string;
  /** "strong" or "weak", from the file name; other names are graded but not held to a bar. */
  kind: string;
  text: string;
}

/**
 * The rubric self-tests: every question has a strong and a weak example, the strong ones score
 * at least 75 and the weak ones at most 35, and a paste of all the rubric's aliases under the
 * right headings scores at most 50. Each failure is a problem naming the file and question.
 */
export function runSelfTests(bank: Bank, examples: readonly ExampleFile[]): Problem[] {
  const problems: Problem[] = [];
  const matchers = new MatcherCache();
  const context = { bank, matchers, policy: { minScore: 0, stepMinScores: {} } };
  for (const entry of bank.questions) {
    const id = entry.question.id;
    const mine = examples.filter((example) => example.question === id);
    for (const kind of Object.keys(EXAMPLE_BARS)) {
      if (!mine.some((example) => example.kind === kind)) {
        problems.push({ file: entry.file, line: 1, col: 1, message: `question "${id}" has no ${kind} example answer (questions/examples/${id}/${kind}.md)` });
      }
    }
    for (const example of mine) {
      const graded = gradeNotesText(example.text, example.path, { ...context, question: id });
      if (graded.error) {
        problems.push(graded.error);
        continue;
      }
      const bar = EXAMPLE_BARS[example.kind as keyof typeof EXAMPLE_BARS];
      if (bar && (graded.score! < bar.min || graded.score! > bar.max)) {
        const expected = bar.min > 0 ? `at least ${bar.min}` : `at most ${bar.max}`;
        problems.push({ file: example.path, line: 1, col: 1, message: `${example.kind} example for "${id}" scored ${graded.score}, expected ${expected}` });
      }
    }
    const dump = gradeNotesText(aliasDump(entry), `${entry.file} (alias dump)`, { ...context, question: id });
    if (dump.score !== null && dump.score > ALIAS_DUMP_MAX) {
      problems.push({ file: entry.file, line: 1, col: 1, message: `a paste of every alias of "${id}"'s rubric scored ${dump.score}, expected at most ${ALIAS_DUMP_MAX}: the rubric rewards keyword lists` });
    }
  }
  return problems;
}

/** Every alias of a question's checklist, as comma lists under the right step headings. */
export function aliasDump(entry: BankQuestion): string {
  const sections = FRAMEWORK.map((step) => {
    const aliases = entry.items.filter((item) => item.step === step.id).flatMap((item) => item.any);
    return `## ${step.number}. ${step.title}\n\n${aliases.join(', ')}\n`;
  });
  return `---\nquestion: ${entry.question.id}\n---\n\n${sections.join('\n')}`;
}
