import type { Antipattern } from './schema/antipattern.js';
import type { Concept } from './schema/concept.js';
import { QuestionSchema, type Question } from './schema/question.js';
import { RubricSchema, type Rubric } from './schema/rubric.js';
import { assembleQuestion } from './bank-assembly.js';
import { parseYamlFile, type Located, type Problem } from './yaml-file.js';

/** A file's text and the name it is reported under. */
export interface SourceFile {
  path: string;
  text: string;
}

/** A concept with the pack (or the question) it comes from. */
export interface RubricItem extends Concept {
  source: string;
}

export interface BankQuestion {
  question: Question;
  file: string;
  /** The question's whole checklist: its packs' concepts, then its own. */
  items: RubricItem[];
  /** The mistakes its packs warn about. */
  antipatterns: Antipattern[];
}

/** A rubric pack and the file it came from. */
export interface RubricPack {
  value: Rubric;
  file: string;
}

export interface Bank {
  questions: BankQuestion[];
  rubrics: Map<string, RubricPack>;
}

export interface BankInput {
  questions: SourceFile[];
  rubrics: SourceFile[];
}

/**
 * Parses and cross-checks every question and rubric file, collecting all problems. Questions
 * with problems are left out of the bank; everything else still loads.
 */
export function buildBank(input: BankInput): { bank: Bank; problems: Problem[] } {
  const problems: Problem[] = [];
  const rubrics = new Map<string, Located<Rubric>>();

  for (const source of input.rubrics) {
    const parsed = parseYamlFile(source.text, source.path, RubricSchema);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const rubric = parsed.file;
    const misnamed = checkFileName(rubric, rubric.value.name, 'name');
    if (misnamed) problems.push(misnamed);
    const earlier = rubrics.get(rubric.value.name);
    if (earlier) {
      problems.push(at(rubric, ['name'], `rubric pack "${rubric.value.name}" is already defined in ${earlier.file}`));
      continue;
    }
    problems.push(...checkDuplicateConcepts([{ located: rubric, concepts: rubric.value.concepts, source: rubric.value.name }]));
    problems.push(...checkAntipatterns(rubric));
    rubrics.set(rubric.value.name, rubric);
  }

  const questions: BankQuestion[] = [];
  const seen = new Map<string, string>();
  for (const source of input.questions) {
    const parsed = parseYamlFile(source.text, source.path, QuestionSchema);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const located = parsed.file;
    const question = located.value;
    const own: Problem[] = [];
    const misnamed = checkFileName(located, question.id, 'id');
    if (misnamed) own.push(misnamed);
    const earlier = seen.get(question.id);
    if (earlier) own.push(at(located, ['id'], `duplicate question id "${question.id}": also defined in ${earlier}`));

    const parts: ConceptOrigin[] = [];
    question.rubrics.forEach((name, index) => {
      const rubric = rubrics.get(name);
      if (!rubric) {
        own.push(at(located, ['rubrics', index], unknownRubric(name, [...rubrics.keys()])));
        return;
      }
      parts.push({ located: rubric, concepts: rubric.value.concepts, source: name });
    });
    parts.push({ located, concepts: question.concepts, source: question.id, path: ['concepts'] });
    own.push(...checkDuplicateConcepts(parts));

    problems.push(...own);
    if (own.length > 0) continue;
    seen.set(question.id, located.file);
    questions.push(assembleQuestion(question, located.file, rubrics));
  }
  questions.sort((a, b) => a.question.id.localeCompare(b.question.id));
  return { bank: { questions, rubrics }, problems };
}

interface ConceptOrigin {
  located: Located<unknown>;
  concepts: readonly Concept[];
  source: string;
  path?: readonly PropertyKey[];
}

function checkDuplicateConcepts(parts: readonly ConceptOrigin[]): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, ConceptOrigin>();
  for (const part of parts) {
    part.concepts.forEach((concept, index) => {
      const earlier = first.get(concept.id);
      if (!earlier) {
        first.set(concept.id, part);
        return;
      }
      const where = earlier === part ? 'earlier in this file' : `in rubric pack "${earlier.source}" (${earlier.located.file})`;
      problems.push(at(part.located, [...(part.path ?? ['concepts']), index, 'id'], `duplicate concept id "${concept.id}": already defined ${where}`));
    });
  }
  return problems;
}

/** A `missing` anti-pattern names concepts of its own pack, so every question using the pack has them. */
function checkAntipatterns(rubric: Located<Rubric>): Problem[] {
  const ids = new Set(rubric.value.concepts.map((concept) => concept.id));
  return rubric.value.antipatterns.flatMap((rule, index) => {
    if (rule.kind !== 'missing') return [];
    return rule.concepts.flatMap((id, position) => {
      if (ids.has(id)) return [];
      return [at(rubric, ['antipatterns', index, 'concepts', position], `anti-pattern "${rule.id}" names concept "${id}", which is not in rubric pack "${rubric.value.name}"`)];
    });
  });
}

function checkFileName(located: Located<unknown>, id: string, field: string): Problem | undefined {
  const base = located.file.split(/[\\/]/).pop()!.replace(/\.ya?ml$/, '');
  if (base === id) return undefined;
  return at(located, [field], `${field} "${id}" differs from the file name "${base}": rename one so they match`);
}

function unknownRubric(name: string, known: string[]): string {
  const list = known.length > 0 ? `; known packs: ${known.sort().join(', ')}` : '';
  return `unknown rubric pack "${name}"${list}`;
}

function at(located: Located<unknown>, path: readonly PropertyKey[], message: string): Problem {
  return { file: located.file, ...located.locate(path), message };
}
