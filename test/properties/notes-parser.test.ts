import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseNotes } from '../../src/core/notes/parse-notes.js';
import { splitSections } from '../../src/core/notes/sections.js';
import { hostileText, RAW_CONTROL } from './hostile-text.js';

const FILE = 'answers/notes.md';

/**
 * Whether `part` can be had from `whole` by deleting characters only. Both are read by code
 * point, so a lone high surrogate in `whole` is not taken for the first half of a pair in `part`.
 */
function isSubsequence(part: string, whole: string): boolean {
  let at = 0;
  for (const char of whole) if (at < part.length && String.fromCodePoint(part.codePointAt(at)!) === char) at += char.length;
  return at === part.length;
}

const HEADINGS = ['## 1. Requirements', '## Data & features', '### Model', '# Serving', '## 4.', '**Monitoring**', 'Evaluation:', '3) Data', '## ', '```', '~~~', '> quote', '<!-- guide', '-->', '<!-- a --> b <!-- c'];

const bodyLine = fc.oneof(fc.constantFrom(...HEADINGS), hostileText, fc.string({ maxLength: 30 }), fc.constant(''));

const frontMatterData = fc.oneof(
  fc.record({ question: fc.oneof(fc.constant('video-recommendation'), hostileText), candidate: hostileText, minutes: fc.oneof(fc.integer(), fc.double()), timings: fc.dictionary(fc.oneof(fc.constantFrom('model', 'data'), hostileText), fc.oneof(fc.nat(), hostileText), { maxKeys: 3 }) }, { requiredKeys: [] }).map((data) => stringify(data)),
  fc.jsonValue({ maxDepth: 2 }).map((data) => stringify(data)),
  fc.jsonValue({ maxDepth: 2 }).map((data) => JSON.stringify(data)),
  hostileText,
  fc.constantFrom('globalThis.__pwned = true', 'question: [a', 'a: !!js/function "function () { globalThis.__pwned = true }"', '{"question": "q",}', 'x: *nope', '? a\n: b', 'a: &x 1\nb: *x'),
);

const fence = fc.constantFrom('---', '---js', '---javascript', '---coffee', '---cson', '---json', '---yaml', '---toml', '--- ', '----', '---JS', '---\u0000');

const notesText = fc
  .tuple(fc.boolean(), fc.constantFrom('', '\ufeff'), fence, frontMatterData, fc.boolean(), fc.array(bodyLine, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'))
  .map(([front, bom, open, data, closed, lines, eol]) => {
    const head = front ? `${open}${eol}${data}${eol}${closed ? `---${eol}` : ''}` : '';
    return bom + head + lines.join(eol);
  });

const anyText = fc.oneof(notesText, hostileText, fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }));

/** What parseNotes promises, given the text it read. */
function checkNotes(text: string): void {
  const rawLines = text.split(/\r?\n/);
  const parsed = parseNotes(text, FILE);
  expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
  if (!parsed.ok) {
    expect(parsed.problems.length).toBeGreaterThan(0);
    for (const problem of parsed.problems) {
      expect(problem.file).toBe(FILE);
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.line).toBeLessThanOrEqual(rawLines.length);
      expect(problem.col).toBeGreaterThanOrEqual(1);
      expect(problem.col).toBeLessThanOrEqual(rawLines[problem.line - 1]!.length + 1);
      expect(problem.message).not.toMatch(/[\n\r\u2028\u2029]/);
      expect(problem.message).not.toMatch(RAW_CONTROL);
    }
    return;
  }
  const { notes } = parsed;
  expect(notes.file).toBe(FILE);
  expect(notes.firstLine).toBeGreaterThanOrEqual(1);
  expect(notes.firstLine - 1 + notes.lines.length).toBe(rawLines.length);
  notes.lines.forEach((line, index) => {
    expect(line).not.toMatch(RAW_CONTROL);
    expect(isSubsequence(line, rawLines[notes.firstLine - 1 + index]!)).toBe(true);
  });
  checkSections(notes.lines);
}

/**
 * splitSections partitions the body: taken in order, each section's heading line (if any) and
 * then its body lines are exactly the line indexes 0..n-1, each once. No section of a non-empty
 * body is empty (an empty body, which parseNotes never gives, is one empty section), only the
 * first can lack a heading (text before any heading), and headings were found exactly when
 * some section has a step.
 */
function checkSections(lines: readonly string[]): void {
  const { sections, headingsFound } = splitSections(lines);
  const order = sections.flatMap((section) => (section.headingLine === null ? section.lines : [section.headingLine, ...section.lines]));
  expect(order).toEqual(lines.map((_, index) => index));
  sections.forEach((section, index) => {
    if (lines.length > 0) expect(section.headingLine !== null || section.lines.length > 0).toBe(true);
    if (index > 0) expect(section.headingLine).not.toBeNull();
    if (section.headingLine === null) {
      expect(section.heading).toBe('');
      expect(section.step).toBeNull();
    }
  });
  expect(headingsFound).toBe(sections.some((section) => section.step !== null));
}

describe('parseNotes returns notes or problems, never throws', () => {
  it('for generated notes with front matter of every kind, CRLF and a BOM', () => {
    fc.assert(fc.property(notesText, checkNotes), { numRuns: 400, examples: [['\udbff\udbff\udc00']] });
  });

  it('for any text at all', () => {
    fc.assert(fc.property(anyText, checkNotes), { numRuns: 400 });
  });
});

describe('splitSections covers the body, in order, each line once', () => {
  it('for any lines', () => {
    fc.assert(fc.property(fc.array(fc.oneof(bodyLine, fc.string({ unit: 'binary', maxLength: 20 })), { maxLength: 40 }), checkSections), { numRuns: 400 });
  });
});
