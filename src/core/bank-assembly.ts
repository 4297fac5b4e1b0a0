import type { Bank, BankQuestion, RubricPack } from './bank.js';
import type { Question } from './schema/question.js';

/**
 * A question's entry in the bank: its whole checklist, its packs' concepts then its own, and the
 * mistakes its packs warn about. The packs must all be there: buildBank checks that first.
 */
export function assembleQuestion(question: Question, file: string, rubrics: ReadonlyMap<string, RubricPack>): BankQuestion {
  const packs = question.rubrics.map((name) => rubrics.get(name)!);
  return {
    question,
    file,
    items: [
      ...packs.flatMap((pack) => pack.value.concepts.map((concept) => ({ ...concept, source: pack.value.name }))),
      ...question.concepts.map((concept) => ({ ...concept, source: question.id })),
    ],
    antipatterns: packs.flatMap((pack) => pack.value.antipatterns),
  };
}

export function findQuestion(bank: Bank, id: string): BankQuestion | undefined {
  return bank.questions.find((entry) => entry.question.id === id);
}

/** The reference architecture of a question's problem family: that of its first pack that draws one. */
export function architectureOf(bank: Bank, entry: BankQuestion): { title: string; diagram: string } | undefined {
  for (const name of entry.question.rubrics) {
    const architecture = bank.rubrics.get(name)?.value.architecture;
    if (architecture) return architecture;
  }
  return undefined;
}
