import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { z } from 'zod';
import { buildBank, type SourceFile } from '../../src/core/bank.js';
import { QuestionSchema } from '../../src/core/schema/question.js';
import { RubricSchema } from '../../src/core/schema/rubric.js';
import { parseYamlFile, type Problem } from '../../src/core/yaml-file.js';
import { ROOT } from '../helpers/cli.js';
import { escapeControls } from '../../src/core/text/sanitize.js';
import { hostileText, RAW_CONTROL } from './hostile-text.js';

const read = (dir: string): SourceFile[] =>
  readdirSync(join(ROOT, dir))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ path: `${dir}/${name}`, text: readFileSync(join(ROOT, dir, name), 'utf8') }));

const QUESTIONS = read('questions');
const RUBRICS = read('rubrics');

/** The problem's place exists in the text: a line of it, and a column up to one past that line's end. */
function expectWithin(problem: Problem, text: string, file: string): void {
  const lines = text.split('\n');
  expect(problem.file).toBe(file);
  expect(Number.isInteger(problem.line) && Number.isInteger(problem.col)).toBe(true);
  expect(problem.line).toBeGreaterThanOrEqual(1);
  expect(problem.line).toBeLessThanOrEqual(lines.length);
  expect(problem.col).toBeGreaterThanOrEqual(1);
  expect(problem.col).toBeLessThanOrEqual(lines[problem.line - 1]!.length + 1);
}

/** One printable line: no line break of any kind, no control character, no lone surrogate. */
function expectOneCleanLine(message: string): void {
  expect(message.trim()).not.toBe('');
  expect(message).not.toMatch(/[\n\r\u2028\u2029]/);
  expect(message).not.toMatch(RAW_CONTROL);
  expect(message).not.toMatch(/\p{Cs}/u);
}

/** How many parses gave a value and how many gave problems, so a test can see it tried both. */
const outcomes = { ok: 0, problems: 0 };

function checkParse(text: string, schemas: readonly z.ZodType[] = [QuestionSchema, RubricSchema]): Problem[] {
  const all: Problem[] = [];
  for (const schema of schemas) {
    const result = parseYamlFile(text, 'questions/q.yaml', schema);
    outcomes[result.ok ? 'ok' : 'problems']++;
    if (result.ok) {
      expect(typeof result.file.value).toBe('object');
      for (const key of Object.keys(result.file.value as object)) expectWithin({ file: 'questions/q.yaml', ...result.file.locate([key]), message: 'x' }, text, 'questions/q.yaml');
      continue;
    }
    expect(result.problems.length).toBeGreaterThan(0);
    for (const problem of result.problems) {
      expectWithin(problem, text, 'questions/q.yaml');
      expectOneCleanLine(problem.message);
    }
    all.push(...result.problems);
  }
  return all;
}

/** The bank built from one question text beside the real rubric packs it names: every problem typed and placed. */
function checkBank(text: string, path: string, rubrics: readonly string[]): void {
  const { bank, problems } = buildBank({ questions: [{ path, text }], rubrics: RUBRICS.filter((rubric) => rubrics.some((name) => rubric.path === `rubrics/${name}.yaml`)) });
  for (const problem of problems) {
    expect(problem.file === path || RUBRICS.some((rubric) => rubric.path === problem.file)).toBe(true);
    if (problem.file === path) expectWithin(problem, text, path);
    expectOneCleanLine(problem.message);
  }
  const own = problems.filter((problem) => problem.file === path);
  expect(bank.questions.length).toBe(own.length === 0 ? 1 : 0);
}

const FIELDS = ['version', 'id', 'title', 'difficulty', 'tags', 'prompt', 'interviewer', 'guiding', 'followups', 'rubrics', 'concepts', 'name', 'description', 'antipatterns'];

/** Values a YAML document can hold, with keys that are field names, hostile text or anything. */
const yamlValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }),
    hostileText,
    fc.array(tie('value'), { maxLength: 4 }),
    tie('map'),
  ),
  map: fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), hostileText, fc.string()), tie('value'), { maxKeys: 5 }),
})).value;

const structured = fc.oneof(
  fc.jsonValue().map((value) => stringify(value)),
  yamlValue.map((value) => stringify(value)),
  fc.record({ version: fc.constantFrom(1, 2, '1'), id: fc.oneof(fc.constant('q'), hostileText), title: hostileText, difficulty: fc.constantFrom('easy', 'medium', 'hard', 'x'), prompt: hostileText }, { requiredKeys: [] }).map((value) => stringify(value)),
);

/** A real question file with a slice replaced by other text: a cut, an insertion, a typo. */
const mutatedQuestion = fc
  .tuple(fc.constantFrom(...QUESTIONS), fc.double({ min: 0, max: 1, noNaN: true }), fc.nat({ max: 40 }), fc.oneof(hostileText, fc.constantFrom('', ':', '- ', '  ', '\n', '"', '[', '{', '&a', '*a', '!!js/function', '? ', '#', '|', '>-', '\t')))
  .map(([file, where, cut, insert]) => {
    const at = Math.floor(where * file.text.length);
    return { ...file, text: file.text.slice(0, at) + insert + file.text.slice(at + cut) };
  });

const rubricsOf = (text: string) => /^rubrics: \[(.*)\]$/m.exec(text)?.[1]?.split(', ') ?? ['core'];

/** A real question file with its lines shuffled by one swap, one duplicated or one dropped. */
const reshuffledQuestion = fc
  .tuple(fc.constantFrom(...QUESTIONS), fc.nat(), fc.nat(), fc.constantFrom('swap', 'duplicate', 'drop', 'indent', 'crlf'))
  .map(([file, a, b, how]) => {
    const lines = file.text.split('\n');
    const i = a % lines.length;
    const j = b % lines.length;
    if (how === 'swap') [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    if (how === 'duplicate') lines.splice(j, 0, lines[i]!);
    if (how === 'drop') lines.splice(i, 1);
    if (how === 'indent') lines[i] = ` ${lines[i]}`;
    return { ...file, text: how === 'crlf' ? lines.join('\r\n') : lines.join('\n') };
  });

/** A small valid question, to carry one more field. */
const SMALL_QUESTION = 'version: 1\nid: q\ntitle: T\ndifficulty: easy\nprompt: P\nrubrics: [core]\n';

describe('the YAML loader returns a value or typed problems, never throws', () => {
  it('for any string of code points', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => void checkParse(text)), { numRuns: 300 });
  });

  it('for hostile text', () => {
    fc.assert(fc.property(hostileText, (text) => void checkParse(text)), { numRuns: 300 });
  });

  it('for documents built from arbitrary values and serialized as YAML', () => {
    fc.assert(fc.property(structured, (text) => void checkParse(text)), { numRuns: 300 });
  });

  it('for real question files with a slice replaced, some still valid and some not', () => {
    const before = { ...outcomes };
    fc.assert(fc.property(mutatedQuestion, ({ text }) => void checkParse(text, [QuestionSchema])), { numRuns: 100 });
    expect(outcomes.ok).toBeGreaterThan(before.ok);
    expect(outcomes.problems).toBeGreaterThan(before.problems);
  });

  it('for real question files with their lines reshuffled', () => {
    fc.assert(fc.property(reshuffledQuestion, ({ text }) => void checkParse(text, [QuestionSchema])), { numRuns: 60 });
  });

  it('for real question files, altered, cross-checked against the packs they name', () => {
    fc.assert(fc.property(fc.oneof(mutatedQuestion, reshuffledQuestion), ({ path, text }) => checkBank(text, path, rubricsOf(text))), { numRuns: 30 });
  });

  it('for hostile field names and keys, which the message names', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom('', 'guiding:\n  ', 'concepts:\n  - id: x\n    '), (key, under) => {
        const text = `${SMALL_QUESTION}${under}${stringify({ [key]: 1 })}`;
        const problems = checkParse(text, [QuestionSchema]);
        checkBank(text, 'questions/q.yaml', ['core']);
        if (under === '' && !(key in QuestionSchema.shape)) {
          expect(problems.map((problem) => problem.message)).toContain(`unknown field "${escapeControls(key)}"`);
        }
      }),
      { numRuns: 100 },
    );
  });
});
