import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBank, type SourceFile } from '../../src/core/bank.js';
import { formatProblem } from '../../src/core/yaml-file.js';

const FIXTURES = new URL('../fixtures/bank-problems/', import.meta.url).pathname;
const SHARED = join(FIXTURES, '_shared');

/** Every YAML file below `dir`, named relative to `root`. */
function yamlFiles(dir: string, root: string): SourceFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
    .map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));
}

function loadCase(name: string) {
  const dir = join(FIXTURES, name);
  const all = yamlFiles(dir, dir);
  return buildBank({
    questions: all.filter((file) => !file.path.startsWith('rubrics/')),
    rubrics: [...yamlFiles(join(SHARED, 'rubrics'), SHARED), ...all.filter((file) => file.path.startsWith('rubrics/'))],
  });
}

const cases = readdirSync(FIXTURES).filter((name) => !name.startsWith('_'));

describe('bank problems: one fixture folder per kind of problem', () => {
  it('has a fixture for every kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });

  it.each(cases)('%s is reported at its file, line and column', (name) => {
    const expected = readFileSync(join(FIXTURES, name, 'expect'), 'utf8').trim().split('\n');
    const { problems, bank } = loadCase(name);
    const printed = problems.map(formatProblem);
    expect(printed).toHaveLength(expected.length);
    expected.forEach((line, index) => expect(printed[index]).toContain(line));
    if (name !== 'duplicate-question-id') expect(bank.questions).toHaveLength(0);
  });
});

describe('a clean bank', () => {
  it('combines pack concepts with the question\'s own, packs first', () => {
    const question = `version: 1\nid: q\ntitle: T\ndifficulty: easy\nprompt: P\nconcepts:\n  - id: own\n    step: data\n    label: Own\n    any: [own thing]\n    hint: H\n`;
    const { bank, problems } = buildBank({
      questions: [{ path: 'questions/q.yaml', text: question }],
      rubrics: yamlFiles(join(SHARED, 'rubrics'), SHARED),
    });
    expect(problems).toEqual([]);
    const items = bank.questions[0]!.items;
    expect(items.map((item) => [item.id, item.source])).toEqual([
      ['baseline-model', 'core'],
      ['own', 'q'],
    ]);
    expect(items[1]).toMatchObject({ kind: 'mention', weight: 1, required: false, negatable: true });
  });
});
