import { describe, expect, it } from 'vitest';
import { QuestionSchema } from '../../src/core/schema/question.js';
import { formatProblem, parseYamlFile } from '../../src/core/yaml-file.js';

const QUESTION = 'version: 1\nid: q\ntitle: T\ndifficulty: easy\nprompt: P\n';

function problemsOf(text: string): string[] {
  const result = parseYamlFile(text, 'q.yaml', QuestionSchema);
  return result.ok ? [] : result.problems.map(formatProblem);
}

describe('parseYamlFile places problems in the text, after a block scalar too', () => {
  it.each([
    {
      name: 'a repeated key after a literal block scalar',
      text: 'a: |\n  x\n\n  y\nb: 1\nb: 2\n',
      expected: 'q.yaml:6:1: invalid YAML: Map keys must be unique',
    },
    {
      name: 'a repeated key after a folded scalar',
      text: 'a: >-\n  x\n  y\nb: 1\nb: 2\n',
      expected: 'q.yaml:5:1: invalid YAML: Map keys must be unique',
    },
  ])('$name', ({ text, expected }) => {
    expect(problemsOf(text)).toContain(expected);
  });
});

describe('parseYamlFile shows control characters from the file as escapes, on one line', () => {
  it.each([
    { name: 'NUL in a block scalar header', text: '|\u0000', expected: 'q.yaml:1:2: this is a binary file, not text: it holds a NUL byte here' },
    { name: 'NUL as a field name', text: `${QUESTION}"\\0": 1\n`, expected: 'q.yaml:6:1: unknown field "\\u0000"' },
    { name: 'an ANSI colour in a field name', text: `${QUESTION}"\\e[31mx": 1\n`, expected: 'q.yaml:6:1: unknown field "\\u001b[31mx"' },
    { name: 'a line break in a field name', text: `${QUESTION}"a\\nb": 1\n`, expected: 'q.yaml:6:1: unknown field "a\\u000ab"' },
    { name: 'an OSC title in a nested key', text: `${QUESTION}guiding:\n  "\\e]0;t\\a": [x]\n`, expected: 'q.yaml:7:3: guiding: unknown field "\\u001b]0;t\\u0007"' },
    { name: 'a lone surrogate in a field name', text: `${QUESTION}"\\ud800": 1\n`, expected: 'q.yaml:6:1: unknown field "\\ud800"' },
  ])('$name', ({ text, expected }) => {
    expect(problemsOf(text)).toEqual([expected]);
  });
});
