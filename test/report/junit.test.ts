import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { GradeReport } from '../../src/core/grading/grade-report.js';
import { escapeXml, junitReporter } from '../../src/report/grade/junit.js';
import { COLOR_OPTIONS, OPTIONS, PASSED, SAMPLE_REPORT } from './sample-report.js';

interface Outcome {
  '@_message': string;
  '#text'?: string;
}
interface TestCase {
  '@_name': string;
  '@_classname': string;
  failure?: Outcome;
  error?: Outcome;
}
interface TestSuite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  testcase: TestCase[];
}

function parse(xml: string): { '@_name': string; '@_tests': string; '@_failures': string; '@_errors': string; testsuite: TestSuite[] } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    htmlEntities: true,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  return parser.parse(xml).testsuites;
}

const STEP_NAMES = ['1. Clarify requirements', '2. Frame it as an ML problem', '3. Data and features', '4. Model', '5. Evaluation', '6. Serving', '7. Monitoring'];

describe('junitReporter', () => {
  const { text, stepSummary } = junitReporter(SAMPLE_REPORT, OPTIONS);
  const root = parse(text);
  const suite = (name: string) => root.testsuite.find((each) => each['@_name'] === name)!;
  const failing = (each: TestSuite) => each.testcase.filter((testCase) => testCase.failure).map((testCase) => testCase['@_name']);

  it('is valid XML with a declaration and no step summary', () => {
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="mlsd" tests="26" failures="8" errors="1">\n')).toBe(true);
    expect(text.endsWith('</testsuites>\n')).toBe(true);
    expect(stepSummary).toBeUndefined();
  });

  it('counts tests, failures and errors over all suites', () => {
    expect(root['@_name']).toBe('mlsd');
    expect([root['@_tests'], root['@_failures'], root['@_errors']]).toEqual(['26', '8', '1']);
  });

  it('has one suite per file, then one per missing answer', () => {
    expect(root.testsuite.map((each) => each['@_name'])).toEqual([
      'answers/feed-ranking.md',
      'answers/ads-ctr, v2.md',
      'answers/fraud.md',
      'answers/broken.md',
      'search-ranking',
    ]);
  });

  it("keeps each suite's counts equal to its testcases", () => {
    for (const each of root.testsuite) {
      expect(Number(each['@_tests'])).toBe(each.testcase.length);
      expect(Number(each['@_failures'])).toBe(each.testcase.filter((testCase) => testCase.failure).length);
      expect(Number(each['@_errors'])).toBe(each.testcase.filter((testCase) => testCase.error).length);
    }
  });

  it('names an overall testcase and one per step, classed by the file path', () => {
    const passed = suite('answers/feed-ranking.md');
    expect(passed.testcase.map((testCase) => testCase['@_name'])).toEqual(['overall', ...STEP_NAMES]);
    expect(new Set(passed.testcase.map((testCase) => testCase['@_classname']))).toEqual(new Set(['answers/feed-ranking.md']));
    expect(failing(passed)).toEqual([]);
  });

  it('fails overall with the failures, and each step below the minimum or missing a required item', () => {
    const failed = suite('answers/ads-ctr, v2.md');
    expect(failing(failed)).toEqual(['overall', '3. Data and features', '4. Model', '5. Evaluation', '7. Monitoring']);
    const [overall, , , , model] = failed.testcase;
    expect(overall!.failure!['@_message']).toBe('score 52 is below the minimum 60; Model: 20 is below the step minimum 40');
    expect(model!.failure!['@_message']).toBe('score 20 is below the step minimum 40; required items missing: Loss function');
    expect(model!.failure!['#text']).toBe(
      [
        'score 20/100, heading at line 18',
        'Loss function (required, missing): Name the loss: log loss, i.e. binary cross-entropy.',
        'Say why it fits a 2% CTR.',
        'Baseline (missing): Start with a simple model | a heuristic.',
      ].join('\n'),
    );
  });

  it('fails a file that passed the overall bar but not a step minimum', () => {
    expect(failing(suite('answers/fraud.md'))).toEqual(['overall', '5. Evaluation']);
    expect(suite('answers/fraud.md').testcase[0]!.failure!['@_message']).toBe('Evaluation: 35 is below the step minimum 50');
  });

  it('reports a file that could not be graded as one errored testcase', () => {
    const broken = suite('answers/broken.md');
    expect(broken.testcase).toHaveLength(1);
    expect(broken.testcase[0]!['@_name']).toBe('overall');
    expect(broken.testcase[0]!.error).toEqual({
      '@_message': 'front matter: question "nope" is not in the bank',
      '#text': 'answers/broken.md:3:11: front matter: question "nope" is not in the bank',
    });
  });

  it('fails "answer missing" for a question of the set with no answer', () => {
    const missing = suite('search-ranking');
    expect(missing.testcase).toMatchObject([
      { '@_name': 'answer missing', '@_classname': 'search-ranking', failure: { '@_message': 'no answer for search-ranking' } },
    ]);
    expect(text).toContain('<failure message="no answer for search-ranking"/>');
  });

  it('escapes evidence so that it parses back unchanged', () => {
    const evaluation = suite('answers/fraud.md').testcase[5]!;
    expect(text).toContain('line 33: we don&apos;t need AUC &lt;here&gt; &amp; &quot;now&quot;');
    expect(evaluation.failure!['#text']).toContain(`Offline metrics (negated): line 33: we don't need AUC <here> & "now"`);
    expect(evaluation.failure!['#text']).toContain('A/B test (misplaced): found under Serving, line 41: ship behind an A/B test: 50%, then 100%');
  });

  it('stays valid XML when file text carries control characters and line breaks', () => {
    const report: GradeReport = {
      ...SAMPLE_REPORT,
      files: [{ ...PASSED, path: 'answers/\u0001odd\u001b[31m "name"\n.md', passed: false, failures: ['line one\nline\ttwo \uFFFE'] }],
      summary: { ...SAMPLE_REPORT.summary, missing: [] },
    };
    const parsed = parse(junitReporter(report, OPTIONS).text);
    const overall = parsed.testsuite[0]!.testcase[0]!;
    expect(parsed.testsuite[0]!['@_name']).toBe('answers/odd "name"\n.md');
    expect(overall.failure!['@_message']).toBe('line one\nline\ttwo ');
  });

  it('has no colour', () => {
    expect(junitReporter(SAMPLE_REPORT, COLOR_OPTIONS).text).toBe(text);
  });
});

describe('escapeXml', () => {
  it.each([
    ['a & b < c > d', 'a &amp; b &lt; c &gt; d'],
    [`"double" 'single'`, '&quot;double&quot; &apos;single&apos;'],
    ['line\nbreak\ttab', 'line&#10;break&#9;tab'],
    ['nul\u0000 bell\u0007 esc\u001b[1mbold', 'nul bell escbold'],
    ['lone \uD800 surrogate, \uFFFF', 'lone  surrogate, '],
    ['emoji 🚀 and é', 'emoji 🚀 and é'],
  ])('escapes %j in an attribute', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });

  it('keeps line breaks and tabs as they are in element text', () => {
    expect(escapeXml('a\n\tb & c', false)).toBe('a\n\tb &amp; c');
  });
});
