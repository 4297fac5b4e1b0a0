import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeNotesText } from '../../../src/core/grading/grade-notes.js';
import { gradingContext } from '../../helpers/bank.js';
import { ROOT } from '../../helpers/cli.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const example = readme.slice(readme.indexOf('**A worked example: why a glossary earns little.**'));
const [glossary, terse] = [...example.matchAll(/```markdown\n([\s\S]*?)```/g)].map((match) => match[1]!);
const stated = [...example.matchAll(/scores \*\*(\d+)\*\*/g)].map((match) => Number(match[1]));

const context = gradingContext('fraud-detection');
const monitoring = (body: string) => gradeNotesText(`---\nquestion: fraud-detection\n---\n${body}`, 'README.md', context).steps.find((step) => step.id === 'monitoring')!;

describe("the README's worked example", () => {
  it('scores the glossary and the terse section as the README says', () => {
    expect(stated).toHaveLength(2);
    expect(monitoring(glossary!).score).toBe(stated[0]);
    expect(monitoring(terse!).score).toBe(stated[1]);
    expect(monitoring(glossary!).listed).toMatchObject({ line: 5, credit: 0.2 });
  });
});
