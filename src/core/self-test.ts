import type { Bank, BankQuestion } from './bank.js';
import { FRAMEWORK, type StepId } from './framework.js';
import { gradeNotesText, MatcherCache } from './grading/grade-notes.js';
import { SCORE_BANDS, type AnswerKind } from './scoring/bands.js';
import type { Problem } from './yaml-file.js';

export interface ExampleFile {
  question: string;
  path: string;
  /** The band the file is held to, from its name (`strong.md`, `strong-terse.md`, `weak.md`); other names are graded but not held to one. */
  kind: AnswerKind | null;
  text: string;
}

/** The example answers every question must have. */
const REQUIRED_EXAMPLES = ['strong', 'weak'] as const;

/** What an author sees per question with `mlsd validate --report`. */
export interface QuestionReport {
  id: string;
  /** Checklist items per step, packs included. */
  concepts: Record<StepId, number>;
  /** The question's own concepts. */
  own: number;
  /** Aliases in the whole checklist, and in the question's own concepts. */
  aliases: number;
  ownAliases: number;
  /** Each example's file name and score (null when it could not be graded). */
  examples: { name: string; score: number | null }[];
  /** The score of a paste of every alias of the checklist. */
  dump: number | null;
}

/**
 * The rubric self-tests: every question has a strong and a weak example, each example scores
 * within its band (SCORE_BANDS), and a paste of all the rubric's aliases under the right headings
 * scores no more than a dump may. Each failure is a problem naming the file and question; the
 * report gives the figures behind them, question by question.
 */
export function runSelfTests(bank: Bank, examples: readonly ExampleFile[]): { problems: Problem[]; report: QuestionReport[] } {
  const problems: Problem[] = [];
  const report: QuestionReport[] = [];
  const matchers = new MatcherCache();
  const context = { bank, matchers, policy: { minScore: 0, stepMinScores: {} } };
  for (const entry of bank.questions) {
    const id = entry.question.id;
    const mine = examples.filter((example) => example.question === id);
    for (const kind of REQUIRED_EXAMPLES) {
      if (!mine.some((example) => example.kind === kind)) {
        problems.push({ file: entry.file, line: 1, col: 1, message: `question "${id}" has no ${kind} example answer (questions/examples/${id}/${kind}.md)` });
      }
    }
    const scores: QuestionReport['examples'] = [];
    for (const example of mine) {
      const graded = gradeNotesText(example.text, example.path, { ...context, question: id });
      scores.push({ name: example.path.split(/[\\/]/).pop()!, score: graded.score });
      if (graded.error) {
        problems.push(graded.error);
        continue;
      }
      const outside = example.kind ? outsideBand(graded.score!, example.kind) : null;
      if (outside) problems.push({ file: example.path, line: 1, col: 1, message: `${example.kind} example for "${id}" scored ${graded.score}, expected ${outside}` });
    }
    const dump = gradeNotesText(aliasDump(entry), `${entry.file} (alias dump)`, { ...context, question: id });
    const outside = dump.score !== null ? outsideBand(dump.score, 'dump') : null;
    if (outside) {
      problems.push({ file: entry.file, line: 1, col: 1, message: `a paste of every alias of "${id}"'s rubric scored ${dump.score}, expected ${outside}: the rubric rewards keyword lists` });
    }
    report.push({
      id,
      concepts: Object.fromEntries(FRAMEWORK.map((step) => [step.id, entry.items.filter((item) => item.step === step.id).length])) as Record<StepId, number>,
      own: entry.question.concepts.length,
      aliases: entry.items.reduce((sum, item) => sum + item.any.length, 0),
      ownAliases: entry.question.concepts.reduce((sum, concept) => sum + concept.any.length, 0),
      examples: scores,
      dump: dump.score,
    });
  }
  return { problems, report };
}

/** "at least 85" or "at most 20" when the score is outside the kind's band, else null. */
function outsideBand(score: number, kind: AnswerKind): string | null {
  const [min, max] = SCORE_BANDS[kind];
  if (score < min) return `at least ${min}`;
  if (score > max) return `at most ${max}`;
  return null;
}

/** Every alias of a question's checklist, as comma lists under the right step headings. */
export function aliasDump(entry: BankQuestion): string {
  const sections = FRAMEWORK.map((step) => {
    const aliases = entry.items.filter((item) => item.step === step.id).flatMap((item) => item.any);
    return `## ${step.number}. ${step.title}\n\n${aliases.join(', ')}\n`;
  });
  return `---\nquestion: ${entry.question.id}\n---\n\n${sections.join('\n')}`;
}
