import { findQuestion } from '../bank-assembly.js';
import type { Bank, BankQuestion } from '../bank.js';
import { frontMatterLine, parseNotes } from '../notes/parse-notes.js';
import { compileMatcher, type Matcher } from '../scoring/matcher.js';
import { scoreNotes } from '../scoring/score.js';
import { didYouMean } from '../suggest.js';
import { failedFile, gradeFile, type FileGrade, type PassPolicy } from './grade-report.js';

/** Compiles each question's matcher once and reuses it for every file of that question. */
export class MatcherCache {
  private readonly matchers = new Map<string, Matcher>();

  get(entry: BankQuestion): Matcher {
    let matcher = this.matchers.get(entry.question.id);
    if (!matcher) {
      matcher = compileMatcher(entry.items, entry.antipatterns);
      this.matchers.set(entry.question.id, matcher);
    }
    return matcher;
  }
}

export interface GradeContext {
  bank: Bank;
  policy: PassPolicy;
  matchers: MatcherCache;
  /** Grade every file against this question instead of its front matter's. */
  question?: string;
}

/** Parses, scores and judges one notes file's text. Pure: the caller reads the file. */
export function gradeNotesText(text: string, path: string, context: GradeContext): FileGrade {
  const parsed = parseNotes(text, path);
  if (!parsed.ok) return failedFile(path, parsed.problems[0]!, null, context.policy.minScore);
  const { notes } = parsed;
  const id = context.question ?? notes.frontMatter.question;
  if (!id) {
    const problem = { file: path, line: 1, col: 1, message: 'no question id: add "question: <id>" to the front matter, or pass --question' };
    return failedFile(path, problem, null, context.policy.minScore);
  }
  const entry = findQuestion(context.bank, id);
  if (!entry) {
    const known = context.bank.questions.map((candidate) => candidate.question.id);
    const problem = { file: path, line: context.question ? 1 : frontMatterLine(text, 'question'), col: 1, message: `unknown question "${id}"${didYouMean(id, known)}` };
    return failedFile(path, problem, id, context.policy.minScore);
  }
  return gradeFile(path, scoreNotes(notes, id, context.matchers.get(entry)), context.policy);
}
