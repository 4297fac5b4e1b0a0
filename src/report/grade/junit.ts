import { getStep } from '../../core/framework.js';
import type { FileGrade } from '../../core/grading/grade-report.js';
import type { StepResult } from '../../core/scoring/result.js';
import { sanitize } from '../../core/text/sanitize.js';
import { formatProblem } from '../../core/problem.js';
import { addTally, stepName, stepProblems, wholeReport, type Reporter, type ReportParts, type Tally } from './reporter.js';

interface Outcome {
  message: string;
  body: string;
}

interface TestCase {
  name: string;
  classname: string;
  failure?: Outcome;
  error?: Outcome;
}

interface TestSuite {
  name: string;
  cases: TestCase[];
}

/**
 * JUnit XML: one testsuite per notes file, with an `overall` testcase and one per step, and one
 * testsuite per question of the set that has no answer. The opening tag counts every case, so
 * each file's suite is kept until the end.
 */
export const junitParts: ReportParts = {
  start: () => '',
  between: '',
  file: (file) => {
    const suite: TestSuite = { name: file.path, cases: [overallCase(file), ...file.steps.map((step) => stepCase(file, step))] };
    return { now: '', later: [renderSuite(suite)], tally: tallyOf(suite.cases) };
  },
  end: ({ summary, later, tally }) => {
    const missing = summary.missing.map((question): TestSuite => ({
      name: question,
      cases: [{ name: 'answer missing', classname: question, failure: { message: `no answer for ${question}`, body: '' } }],
    }));
    const total = missing.reduce((sum, suite) => addTally(sum, tallyOf(suite.cases)), tally);
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="mlsd"${countAttributes(total)}>`, ...later.flat(), ...missing.map(renderSuite), '</testsuites>'];
    return { text: `${lines.join('\n')}\n` };
  },
};

export const junitReporter: Reporter = wholeReport(junitParts);

function overallCase(file: FileGrade): TestCase {
  const testCase: TestCase = { name: 'overall', classname: file.path };
  if (file.error) testCase.error = { message: file.error.message, body: formatProblem(file.error) };
  else if (!file.passed) testCase.failure = { message: file.failures.join('; '), body: [`score ${file.score}/100 (min ${file.minScore})`, ...file.failures].join('\n') };
  return testCase;
}

function stepCase(file: FileGrade, step: StepResult): TestCase {
  const testCase: TestCase = { name: stepName(step), classname: file.path };
  const problems = stepProblems(file, step);
  if (problems.length > 0) testCase.failure = { message: problems.join('; '), body: describeStep(step) };
  return testCase;
}

/** What the step lacks, one line each: misses with hints, then misplaced and negated mentions. */
function describeStep(step: StepResult): string {
  const lines = [`score ${step.score}/100${step.line === null ? ', no heading' : `, heading at line ${step.line}`}`];
  for (const miss of [...step.misses].sort((a, b) => Number(b.required) - Number(a.required))) {
    lines.push(`${miss.label} (${miss.required ? 'required, missing' : 'missing'}): ${miss.hint}`);
  }
  for (const item of step.misplaced) {
    const where = item.foundIn ? `under ${getStep(item.foundIn).title}` : 'before the first step heading';
    lines.push(`${item.label} (misplaced): found ${where}, line ${item.line}: ${item.text}`);
  }
  for (const item of step.negated) lines.push(`${item.label} (negated): line ${item.line}: ${item.text}`);
  return lines.join('\n');
}

function renderSuite(suite: TestSuite): string {
  const lines = [`  <testsuite name="${escapeXml(suite.name)}"${countAttributes(tallyOf(suite.cases))}>`];
  for (const testCase of suite.cases) lines.push(...renderCase(testCase));
  lines.push('  </testsuite>');
  return lines.join('\n');
}

function tallyOf(cases: readonly TestCase[]): Tally {
  return { tests: cases.length, failures: cases.filter((testCase) => testCase.failure).length, errors: cases.filter((testCase) => testCase.error).length };
}

function countAttributes({ tests, failures, errors }: Tally): string {
  return ` tests="${tests}" failures="${failures}" errors="${errors}"`;
}

function renderCase(testCase: TestCase): string[] {
  const open = `    <testcase name="${escapeXml(testCase.name)}" classname="${escapeXml(testCase.classname)}"`;
  const outcome = testCase.error ? { tag: 'error', ...testCase.error } : testCase.failure ? { tag: 'failure', ...testCase.failure } : undefined;
  if (!outcome) return [`${open}/>`];
  const { tag, message, body } = outcome;
  const head = `<${tag} message="${escapeXml(message)}"`;
  const child = body === '' ? `${head}/>` : `${head}>${escapeXml(body, false)}</${tag}>`;
  return [`${open}>`, `      ${child}`, '    </testcase>'];
}

/** Characters XML 1.0 does not allow at all, even escaped. */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XML; in attributes (the default) line breaks and tabs survive as references. */
export function escapeXml(text: string, attribute = true): string {
  const escaped = sanitize(text)
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
  return attribute ? escaped.replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;') : escaped;
}
