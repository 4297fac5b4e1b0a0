import { Chalk } from 'chalk';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../src/core/framework.js';
import { summarizeOutcomes, type FileGrade, type GradeReport } from '../../src/core/grading/grade-report.js';
import { GradeReportSchema } from '../../src/core/schema/grade-report.js';
import type { StepResult } from '../../src/core/scoring/result.js';
import { sanitize } from '../../src/core/text/sanitize.js';
import { REPORTER_NAMES, REPORTERS } from '../../src/report/grade/index.js';
import type { ReporterOptions } from '../../src/report/grade/reporter.js';
import { hostileText, RAW_CONTROL, XML_ILLEGAL } from './hostile-text.js';

/*
 * Grade reports whose every string is hostile text, as a hand-edited shard report can make them
 * (merge-reports checks the fields' types, not their text): every reporter must keep to its
 * format, and no text from a file may drive the terminal, forge an annotation or break a table.
 */

/** Plain objects, as JSON.parse gives back. */
const PLAIN = { noNullPrototype: true };
const score = fc.integer({ min: 0, max: 100 });
const lineNumber = fc.integer({ min: 1, max: 10_000 });
const credit = fc.double({ min: 0, max: 1, noNaN: true });
const evidence = { line: lineNumber, text: hostileText };
const item = { id: hostileText, label: hostileText };
const list = <T>(arbitrary: fc.Arbitrary<T>) => fc.array(arbitrary, { maxLength: 3 });

const step: fc.Arbitrary<StepResult> = fc
  .record({
    id: fc.constantFrom(...STEP_IDS),
    title: hostileText,
    score,
    weight: fc.integer({ min: 0, max: 30 }),
    present: fc.boolean(),
    line: fc.option(lineNumber, { nil: null }),
    hits: list(fc.record({ ...item, ...evidence, weight: fc.integer({ min: 1, max: 5 }), credit, note: hostileText }, { ...PLAIN, requiredKeys: ['id', 'label', 'line', 'text', 'weight', 'credit'] })),
    misplaced: list(fc.record({ ...item, ...evidence, weight: fc.integer({ min: 1, max: 5 }), credit, foundIn: fc.option(fc.constantFrom(...STEP_IDS), { nil: null }) }, PLAIN)),
    negated: list(fc.record({ ...item, ...evidence }, PLAIN)),
    misses: list(fc.record({ ...item, weight: fc.integer({ min: 1, max: 5 }), required: fc.boolean(), hint: hostileText }, PLAIN)),
    requiredMissing: list(hostileText),
    depth: fc.record({ numbers: fc.nat(20), reasons: fc.nat(20) }, PLAIN),
    listed: fc.record({ ...evidence, credit, note: hostileText }, PLAIN),
  }, { ...PLAIN, requiredKeys: ['id', 'title', 'score', 'weight', 'present', 'line', 'hits', 'misplaced', 'negated', 'misses', 'requiredMissing', 'depth'] })
  // Most required ids name one of the step's misses, as the scorer writes them; the rest have no miss.
  .map((result) => ({ ...result, requiredMissing: [...result.requiredMissing, ...result.misses.filter((miss) => miss.required).map((miss) => miss.id)] }));

/** A graded file, or one that could not be graded: an error, no score and no steps, as failedFile makes it. */
const fileGrade: fc.Arbitrary<FileGrade> = fc
  .record(
    {
      path: hostileText,
      question: fc.option(hostileText, { nil: null }),
      score,
      passed: fc.boolean(),
      minScore: score,
      stepMinScores: fc.dictionary(fc.constantFrom(...STEP_IDS), score, { maxKeys: 3, ...PLAIN }),
      failures: list(hostileText),
      warnings: list(hostileText),
      steps: fc.array(step, { maxLength: 7 }),
      error: fc.record({ file: hostileText, line: lineNumber, col: lineNumber, message: hostileText }, PLAIN),
    },
    { ...PLAIN, requiredKeys: ['path', 'question', 'score', 'passed', 'minScore', 'stepMinScores', 'failures', 'warnings', 'steps'] },
  )
  .map((file) => (file.error ? { ...file, score: null, passed: false, steps: [] } : file));

const report: fc.Arbitrary<GradeReport> = fc
  .record({ set: fc.option(hostileText, { nil: null }), files: fc.array(fileGrade, { maxLength: 4 }), missing: list(hostileText), minScore: score }, PLAIN)
  .map(({ set, files, missing, minScore }) => ({ version: 1, set, files, summary: summarizeOutcomes(files, missing, minScore) }));

const options: fc.Arbitrary<ReporterOptions> = fc.record({ color: fc.constant(new Chalk({ level: 0 })), verbose: fc.boolean() });

const RUNS = { numRuns: 200 };

/** No C0 or C1 control character but line feed and tab, no escape, no lone surrogate. */
function expectPrintable(text: string): void {
  expect(text).not.toMatch(RAW_CONTROL);
  expect(text).not.toMatch(/\p{Cs}/u);
}

describe('every reporter, for any report', () => {
  it.each(REPORTER_NAMES)('%s writes no control character and no lone surrogate', (name) => {
    fc.assert(
      fc.property(report, options, (input, opts) => {
        const { text, stepSummary } = REPORTERS[name](input, opts);
        expectPrintable(text);
        if (stepSummary !== undefined) expectPrintable(stepSummary);
      }),
      RUNS,
    );
  });
});

describe('json', () => {
  it('parses back to the same report, which the schema merge-reports reads with accepts', () => {
    fc.assert(
      fc.property(report, options, (input, opts) => {
        const parsed = JSON.parse(REPORTERS.json(input, opts).text);
        expect(parsed).toStrictEqual(input);
        expect(GradeReportSchema.safeParse(parsed).success).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('junit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, parseAttributeValue: false, isArray: (name) => name === 'testsuite' || name === 'testcase' });

  it('is well-formed XML 1.0 with one testcase per file and step and per missing answer, each suite counting its own', () => {
    fc.assert(
      fc.property(report, options, (input, opts) => {
        const { text } = REPORTERS.junit(input, opts);
        expect(XMLValidator.validate(text)).toBe(true);
        expect(text).not.toMatch(XML_ILLEGAL);
        const root = parser.parse(text).testsuites;
        const suites: { '@_tests': string; '@_failures': string; '@_errors': string; testcase: { failure?: unknown; error?: unknown }[] }[] = root.testsuite ?? [];
        const expected = [...input.files.map((file) => 1 + file.steps.length), ...input.summary.missing.map(() => 1)];
        expect(suites.map((suite) => suite.testcase.length)).toEqual(expected);
        expect(Number(root['@_tests'])).toBe(expected.reduce((sum, count) => sum + count, 0));
        for (const suite of suites) {
          expect(Number(suite['@_tests'])).toBe(suite.testcase.length);
          expect(Number(suite['@_failures'])).toBe(suite.testcase.filter((testCase) => testCase.failure !== undefined).length);
          expect(Number(suite['@_errors'])).toBe(suite.testcase.filter((testCase) => testCase.error !== undefined).length);
        }
      }),
      RUNS,
    );
  });
});

interface Annotation {
  kind: string;
  properties: Record<string, string>;
  message: string;
}

/**
 * A line read as the Actions runner reads a workflow command: `::`, the command and its
 * properties up to the next `::`, properties split at `,` and then at the first `=`, each value
 * and the message unescaped. Null for a line that is no command.
 */
function readCommand(line: string): Annotation | null {
  if (!line.startsWith('::')) return null;
  const end = line.indexOf('::', 2);
  if (end < 0) return null;
  const info = line.slice(2, end);
  const space = info.indexOf(' ');
  const kind = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space >= 0) {
    for (const pair of info.slice(space + 1).split(',')) {
      const equals = pair.indexOf('=');
      properties[pair.slice(0, equals)] = unescape(pair.slice(equals + 1), true);
    }
  }
  return { kind, properties, message: unescape(line.slice(end + 2), false) };
}

function unescape(text: string, property: boolean): string {
  const decoded = text.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
  return (property ? decoded.replace(/%3A/g, ':').replace(/%2C/g, ',') : decoded).replace(/%25/g, '%');
}

/** The annotations a file must get, in order: its error, its warnings, a notice per listed step, a warning per step missing required items. */
function expectedAnnotations(file: FileGrade): Partial<Annotation>[] {
  const path = sanitize(file.path);
  const head: Partial<Annotation>[] = file.error
    ? [{ kind: 'error', properties: { file: sanitize(file.error.file), line: String(file.error.line), col: String(file.error.col) }, message: sanitize(file.error.message) }]
    : file.passed
      ? []
      : [{ kind: 'error', properties: { file: path, title: `mlsd ${file.score}/100 (min ${file.minScore})` }, message: sanitize(file.failures.join('; ')) }];
  return [
    ...head,
    ...file.warnings.map((warning) => ({ kind: 'warning', properties: { file: path, title: 'mlsd' }, message: sanitize(warning) })),
    ...file.steps.flatMap((result) => [
      ...(result.listed ? [{ kind: 'notice', properties: { file: path, line: String(result.listed.line) }, message: sanitize(result.listed.note) }] : []),
      ...(result.requiredMissing.length > 0 ? [{ kind: 'warning', properties: { file: path, line: String(result.line ?? 1) } }] : []),
    ]),
  ];
}

describe('github', () => {
  it('writes only the annotations it means to, each one line that unescapes to the text it was given, then a plain summary', () => {
    fc.assert(
      fc.property(report, options, (input, opts) => {
        const lines = REPORTERS.github(input, opts).text.split('\n');
        expect(lines.pop()).toBe('');
        expect(lines.pop()).toMatch(/^mlsd: [0-9a-z, ]+$/);
        expect(lines.join('\n')).not.toMatch(/\r/);
        const annotations = lines.map(readCommand);
        expect(annotations).not.toContain(null);
        const expected = [
          ...input.files.flatMap(expectedAnnotations),
          ...input.summary.missing.map((question) => ({ kind: 'error', properties: { title: 'mlsd' }, message: sanitize(`no answer for ${question}`) })),
        ];
        expect(annotations).toHaveLength(expected.length);
        expected.forEach((want, index) => expect(annotations[index]).toMatchObject(want));
      }),
      RUNS,
    );
  });
});

/** The cells of a table row as GitHub splits it: at each `|` that no backslash escapes. */
function cellsOf(row: string): number {
  let pipes = 0;
  for (let index = 0; index < row.length; index++) {
    if (row[index] === '\\') index++;
    else if (row[index] === '|') pipes++;
  }
  return pipes;
}

/** Every `<` escaped by a backslash, so no text can open an HTML tag or comment. */
function expectNoRawTag(text: string): void {
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else expect(text[index]).not.toBe('<');
  }
}

/** The starts a line of the Markdown report can have: none of them made by file text. */
const MARKDOWN_LINE = /^(?:|## mlsd grade|[✅❌] \*\*.*|\| .* \||### (?:✅ pass|❌ fail|⚠️ error): .*|- .*|  - \*\*.*|Required items missing:|Missed:|Read as lists of terms:)$/u;

describe('markdown', () => {
  it('keeps every row to the header\'s cells and every line to the shapes it writes, with no raw HTML', () => {
    fc.assert(
      fc.property(report, options, (input, opts) => {
        const { text } = REPORTERS.markdown(input, opts);
        const lines = text.split('\n');
        const header = lines.indexOf('| File | Question | Score | Result | Weakest step |');
        expect(header).toBe(4);
        const end = lines.indexOf('', header);
        const rows = lines.slice(header, end);
        expect(rows).toHaveLength(2 + input.files.length + input.summary.missing.length);
        for (const row of rows) expect(cellsOf(row)).toBe(6);
        for (const line of lines) expect(line).toMatch(MARKDOWN_LINE);
        expect(text).not.toMatch(/[\r\u2028\u2029\t]/);
        expectNoRawTag(text);
      }),
      RUNS,
    );
  });
});

describe('pretty', () => {
  const colour = new Chalk({ level: 3 });

  it('writes no escape sequence without colour, and with colour only the colours, around the same text', () => {
    fc.assert(
      fc.property(report, options, (input, opts) => {
        const plain = REPORTERS.pretty(input, opts).text;
        expect(plain).not.toContain('\u001b');
        const coloured = REPORTERS.pretty(input, { ...opts, color: colour }).text;
        expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain);
      }),
      RUNS,
    );
  });
});
