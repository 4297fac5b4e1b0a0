import type { Difficulty, Question } from './schema/question.js';

/** What a question is listed and searched by: all `mlsd list` needs of it. */
export type QuestionSummary = Pick<Question, 'id' | 'title' | 'difficulty' | 'tags' | 'prompt'>;

export interface QuestionFilter {
  tags?: readonly string[];
  difficulty?: Difficulty;
  search?: string;
}

/** Questions with every given tag, the difficulty, and every search word in id, title, prompt or tags. */
export function filterQuestions<T extends { question: QuestionSummary }>(entries: readonly T[], filter: QuestionFilter): T[] {
  const tags = (filter.tags ?? []).map((tag) => tag.toLowerCase());
  const words = (filter.search ?? '').toLowerCase().split(/\s+/).filter((word) => word !== '');
  return entries.filter(({ question }) => {
    if (filter.difficulty && question.difficulty !== filter.difficulty) return false;
    if (!tags.every((tag) => question.tags.includes(tag))) return false;
    const haystack = [question.id, question.title, question.prompt, ...question.tags].join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
