import { afterEach, describe, expect, it } from 'vitest';
import { parseNotes } from '../../../src/core/notes/parse-notes.js';

const globals = globalThis as Record<string, unknown>;

afterEach(() => {
  delete globals.__pwned;
});

describe('front matter that is code', () => {
  it.each([
    ['---js', 'globalThis.__pwned = true'],
    ['---javascript', 'globalThis.__pwned = true'],
    ['---JS', 'globalThis.__pwned = true'],
    ['--- js ', 'globalThis.__pwned = true'],
    ['---js', '({ question: (globalThis.__pwned = true) && "q" })'],
    ['---javascript', '(function () { globalThis.__pwned = true; return { question: "q" }; })()'],
  ])('%j is refused at line 1 and never runs', (open, code) => {
    const parsed = parseNotes(`${open}\n${code}\n---\n## Model\nGBDT\n`, 'notes/answer.md');
    expect(globals.__pwned).toBeUndefined();
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      { file: 'notes/answer.md', line: 1, col: 1, message: 'JavaScript front matter is not allowed: use YAML between --- lines' },
    ]);
  });

  it.each(['---coffee', '---coffeescript', '---cson'])('%j is refused too', (open) => {
    const parsed = parseNotes(`${open}\nquestion: "q"\n---\nbody\n`, 'notes.md');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ line: 1, col: 1 });
    expect(parsed.problems[0]!.message).toMatch(/front matter is not allowed/);
  });

  it('does not run code in a YAML tag either', () => {
    const parsed = parseNotes('---\nquestion: !!js/function "function () { globalThis.__pwned = true }"\n---\nbody\n', 'notes.md');
    expect(globals.__pwned).toBeUndefined();
    expect(parsed.ok).toBe(false);
  });
});

describe('invalid YAML front matter', () => {
  it.each([
    ['a mapping value where none may be', '---\nquestion: q\nfoo: bar: baz\n---\nbody\n', 3],
    ['a duplicated key', '---\nquestion: q\nquestion: r\n---\nbody\n', 3],
    ['a bad key on the first line', '---\nfoo: bar: baz\n---\nbody\n', 2],
  ])('%s is a problem at the line of the mistake', (_, text, line) => {
    const parsed = parseNotes(text, 'notes.md');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]!.file).toBe('notes.md');
    expect(parsed.problems[0]!.message).toMatch(/^invalid YAML front matter: /);
    expect(parsed.problems[0]!.line).toBe(line);
  });

  it('gives a line inside the front matter for an unterminated flow collection', () => {
    const parsed = parseNotes('---\nquestion: [a\n---\nbody\n', 'notes.md');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]!.line).toBeGreaterThanOrEqual(2);
    expect(parsed.problems[0]!.line).toBeLessThanOrEqual(3);
  });
});

describe('front matter fields', () => {
  it('refuses `question: 42` with a problem at its line', () => {
    const parsed = parseNotes('---\ncandidate: sam\nquestion: 42\n---\nbody\n', 'notes.md');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toMatchObject({ file: 'notes.md', line: 3, col: 1 });
    expect(parsed.problems[0]!.message).toMatch(/^front matter question: .*string/);
  });

  it('refuses a question id that is not kebab-case', () => {
    const parsed = parseNotes('---\nquestion: Video Recs\n---\nbody\n', 'notes.md');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems[0]).toMatchObject({ line: 2 });
    expect(parsed.problems[0]!.message).toMatch(/question id/);
  });

  it('collects every field problem, not just the first', () => {
    const parsed = parseNotes('---\nquestion: 42\nminutes: -5\n---\nbody\n', 'notes.md');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((problem) => problem.line).sort()).toEqual([2, 3]);
  });

  it('accepts valid front matter and keeps unknown keys', () => {
    const parsed = parseNotes('---\nquestion: video-recs\ncandidate: sam\nminutes: 45\nmood: good\n---\n## Model\n', 'notes.md');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.notes.frontMatter).toMatchObject({ question: 'video-recs', candidate: 'sam', minutes: 45 });
    expect(parsed.notes.lines[0]).toBe('## Model');
    expect(parsed.notes.firstLine).toBe(7);
  });

  it('accepts notes without front matter', () => {
    const parsed = parseNotes('## Model\nGBDT\n', 'notes.md');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.notes.frontMatter).toEqual({});
    expect(parsed.notes.firstLine).toBe(1);
  });
});
