import { describe, expect, it } from 'vitest';
import { jsonReporter } from '../../src/report/grade/json.js';
import { COLOR_OPTIONS, FAILED, OPTIONS, SAMPLE_REPORT } from './sample-report.js';

describe('jsonReporter', () => {
  const { text, stepSummary } = jsonReporter(SAMPLE_REPORT, OPTIONS);
  const parsed = JSON.parse(text);

  it('prints the GradeReport itself, indented, ending in a newline', () => {
    expect(text).toBe(`${JSON.stringify(SAMPLE_REPORT, null, 2)}\n`);
    expect(stepSummary).toBeUndefined();
  });

  it('round-trips to an equal report', () => {
    expect(parsed).toStrictEqual(SAMPLE_REPORT);
  });

  it('carries the contract: version, files with steps, hits and misses, the summary', () => {
    expect(parsed.version).toBe(1);
    expect(parsed.set).toBe('core-set');
    expect(parsed.files.map((file: { path: string }) => file.path)).toEqual(SAMPLE_REPORT.files.map((file) => file.path));
    expect(parsed.files[0].steps[0].hits[0]).toEqual({ id: 'latency', label: 'Latency budget', weight: 1, credit: 1, line: 7, text: '- p99 latency < 200 ms & "fresh" feed' });
    expect(parsed.files[1].steps[3].misses[0].hint).toBe(FAILED.steps[3]!.misses[0]!.hint);
    expect(parsed.files[1].steps[3].requiredMissing).toEqual(['loss']);
    expect(parsed.files[3].error).toEqual({ file: 'answers/broken.md', line: 3, col: 11, message: 'front matter: question "nope" is not in the bank' });
    expect(parsed.summary).toEqual({ files: 4, passed: 1, failed: 2, errors: 1, missing: ['search-ranking'], minScore: 60, averageScore: 67, passedAll: false });
  });

  it.each([
    ['no files', { ...SAMPLE_REPORT, set: null, files: [], summary: { ...SAMPLE_REPORT.summary, files: 0 } }],
    ['one file', { ...SAMPLE_REPORT, files: [FAILED], summary: { ...SAMPLE_REPORT.summary, files: 1 } }],
  ])('written a file at a time, is still JSON.stringify of the whole report, with %s', (_, report) => {
    expect(jsonReporter(report, OPTIONS).text).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  it('writes DEL and C1 controls as escapes, as JSON.stringify writes C0 ones, and parses back the same', () => {
    const report = { ...SAMPLE_REPORT, set: 'set\u0085', files: [{ ...FAILED, path: 'answers/\u009b2J\u007f.md' }], summary: { ...SAMPLE_REPORT.summary, files: 1, missing: ['q\u0090'] } };
    const json = jsonReporter(report, OPTIONS).text;
    expect(json).not.toMatch(/[\u007f-\u009f]/);
    expect(json).toContain('"path": "answers/\\u009b2J\\u007f.md"');
    expect(json).toContain('"set": "set\\u0085"');
    expect(JSON.parse(json)).toStrictEqual(report);
  });

  it('has no colour', () => {
    expect(jsonReporter(SAMPLE_REPORT, COLOR_OPTIONS).text).toBe(text);
  });
});
