import { readFileSync } from 'node:fs';
import type { BankQuestion } from '../../src/core/bank.js';
import { FRAMEWORK, getStep, type StepId } from '../../src/core/framework.js';

/**
 * Keyword-stuffed notes: what a student pastes to buy a score. Each source gives terms per
 * step; each shape lays them out as a dump would be written. Every dump must score low.
 */
export type Terms = Record<StepId, string[]>;

const STEP_IDS = FRAMEWORK.map((step) => step.id);

function emptyTerms(): Terms {
  return Object.fromEntries(STEP_IDS.map((id) => [id, []])) as unknown as Terms;
}

/** The question's own rubric: every alias of every item, under its step. */
export function rubricTerms(entry: BankQuestion): Terms {
  const terms = emptyTerms();
  for (const item of entry.items) terms[item.step].push(...item.any.filter((alias) => !alias.includes('*')));
  return terms;
}

/** The reference vocabulary (`**N. Step**` blocks of bullets): every label and listed term. */
export function vocabularyTerms(path: string): Terms {
  const terms = emptyTerms();
  let step: StepId | null = null;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const heading = /^\*\*(\d)\./.exec(line);
    if (heading) step = STEP_IDS[Number(heading[1]) - 1] ?? null;
    else if (line.startsWith('## ')) step = null;
    const bullet = /^\s*-\s+(.*)$/.exec(line);
    if (!step || !bullet) continue;
    const words = bullet[1]!
      .replace(/\*\*/g, '')
      .split(/[:,;/()]|\bvs\b|=/)
      .map((term) => term.replace(/["“”]/g, '').trim())
      .filter((term) => term.length > 1 && term.split(' ').length <= 5);
    terms[step].push(...words);
  }
  return terms;
}

/** A glossary file with one `## step-id` heading per step and one term a line. */
export function glossaryTerms(path: string): Terms {
  const terms = emptyTerms();
  let step: StepId | null = null;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const heading = /^## (\S+)/.exec(line);
    if (heading) step = STEP_IDS.includes(heading[1] as StepId) ? (heading[1] as StepId) : null;
    else if (step && line.trim() !== '') terms[step].push(line.trim());
  }
  return terms;
}

/** What a student pads terms with: sentences that sound like an answer and say nothing. */
const FILLERS = [
  (term: string) => `We will also consider ${term} here.`,
  (term: string) => `It is important to think about ${term} in this design.`,
  (term: string) => `${term} is another key aspect that we should definitely keep in mind.`,
  (term: string) => `Of course, we need to handle ${term} properly as well.`,
  (term: string) => `Another thing worth mentioning for this system is ${term}.`,
];

const OBJECTS = ['users', 'items', 'model', 'system', 'pipeline'];

/** Generic sentences a candidate writes when short of time: real, but thin. */
const SHORT_ANSWER: Record<StepId, string> = {
  requirements: 'First I would ask about the users and how big the system has to be.',
  framing: 'We turn the business goal into a prediction problem the model can learn.',
  data: 'We collect the logs we already have and build features from them.',
  model: 'We train a model on this data and tune it until it works well.',
  evaluation: 'We check the model on held-out data before we launch it.',
  serving: 'The model runs behind a service that the product calls.',
  monitoring: 'After launch we watch the model and fix problems as they come up.',
};

export const SHAPES = {
  /** One comma list per step. */
  'line per step': (terms: readonly string[]) => [terms.join(', ')],
  /** One bare term per line. */
  'line per concept': (terms: readonly string[]) => [...terms],
  /** Markdown bullets of bare terms. */
  'bullets of bare terms': (terms: readonly string[]) => terms.map((term) => `- ${term}`),
  /** Each term behind the step's name as a label, as terse notes write decisions. */
  'labelled terms': (terms: readonly string[], step: StepId) => terms.map((term) => `- ${getStep(step).title}: ${term}`),
  /** Each term dropped into one sentence that sounds like a decision. */
  'one sentence template': (terms: readonly string[]) => terms.map((term, index) => `- We use ${term} for the ${OBJECTS[index % OBJECTS.length]}.`),
  /** Each term dressed in a filler sentence. */
  'terms padded with filler': (terms: readonly string[]) => terms.map((term, index) => FILLERS[index % FILLERS.length]!(term)),
  /** A short real answer with the terms worked into it and listed after it. */
  'mixed into a short answer': (terms: readonly string[], step: StepId) => [
    SHORT_ANSWER[step],
    `This covers ${terms.slice(0, 3).join(', ')} and more.`,
    ...chunk(terms.slice(3), 6).map((part) => `- ${part.join(', ')}`),
  ],
} satisfies Record<string, (terms: readonly string[], step: StepId) => string[]>;

export type Shape = keyof typeof SHAPES;

/** A whole notes file: front matter, and each step's terms laid out in one shape. */
export function stuffedNotes(question: string, terms: Terms, shape: Shape): string {
  const body = FRAMEWORK.map((step) => {
    const lines = SHAPES[shape](unique(terms[step.id]), step.id);
    return `## ${step.number}. ${step.title}\n\n${lines.join('\n')}\n`;
  });
  return `---\nquestion: ${question}\n---\n\n${body.join('\n')}`;
}

function unique(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  return terms.filter((term) => {
    const key = term.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function chunk<T>(values: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < values.length; start += size) parts.push(values.slice(start, start + size));
  return parts;
}
