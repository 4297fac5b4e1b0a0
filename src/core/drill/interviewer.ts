import type { InterviewerFact } from '../schema/question.js';
import { phraseStems } from '../text/tokenize.js';

export const NO_DATA_ANSWER = "The interviewer has no data on that: state an assumption, write it down, and move on.";

/**
 * The interviewer's answer to a clarifying question: the fact whose trigger words the question
 * uses most (a trigger may be a phrase, matched as consecutive stemmed words), or a prompt to
 * state an assumption when none matches.
 */
export function answerQuestion(asked: string, facts: readonly InterviewerFact[]): string {
  const words = phraseStems(asked);
  let best: { fact: InterviewerFact; hits: number } | null = null;
  for (const fact of facts) {
    const hits = fact.triggers.filter((trigger) => containsPhrase(words, phraseStems(trigger))).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { fact, hits };
  }
  return best ? best.fact.answer.trim() : NO_DATA_ANSWER;
}

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  for (let start = 0; start + phrase.length <= words.length; start++) {
    if (phrase.every((word, offset) => words[start + offset] === word)) return true;
  }
  return false;
}
