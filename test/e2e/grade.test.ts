import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { GradeReport } from '../../src/core/grading/grade-report.js';
import { ROOT, spawnCli } from '../helpers/cli.js';

const SETS = join(ROOT, 'test/fixtures/grade');

function gradeJson(args: string[], cwd = ROOT) {
  const result = spawnCli(['grade', ...args, '--reporter', 'json'], { cwd });
  return { ...result, report: JSON.parse(result.stdout) as GradeReport };
}

describe('mlsd grade exit codes (built binary, fixture sets)', () => {
  it('0 when every answer of the set passes', () => {
    const { code, report } = gradeJson(['--set', join(SETS, 'pass/practice-set.yaml')]);
    expect(report.summary).toMatchObject({ files: 2, passed: 2, failed: 0, errors: 0, missing: [], passedAll: true });
    expect(code).toBe(0);
  });

  it('1 when an answer is below the bar or a set question has no answer', () => {
    const { code, report } = gradeJson(['--set', join(SETS, 'below/practice-set.yaml')]);
    expect(code).toBe(1);
    expect(report.summary.missing).toEqual(['video-recommendation']);
    const weak = report.files.find((file) => file.path.endsWith('bob/fraud-detection.md'))!;
    expect(weak.passed).toBe(false);
    expect(weak.failures[0]).toMatch(/^score \d+ is below the minimum 60$/);
    expect(report.files.find((file) => file.path.endsWith('fraud-detection-2.md'))!.passed).toBe(true);
  });

  it('2 for bad input, naming file and line, while the good files are still graded', () => {
    const { code, report, stderr } = gradeJson([join(SETS, 'bad-input/answers')]);
    expect(code).toBe(2);
    const byName = Object.fromEntries(report.files.map((file) => [file.path.split('/').pop(), file]));
    expect(byName['good.md']!.score).toBeGreaterThanOrEqual(60);
    expect(byName['code-front-matter.md']!.error!.message).toContain('JavaScript front matter is not allowed');
    expect(byName['unknown-question.md']!.error).toMatchObject({ line: 2, message: expect.stringContaining('did you mean "fraud-detection"') });
    expect(byName['broken-front-matter.md']!.error!.message).toContain('invalid YAML front matter');
    expect(stderr).toMatch(/code-front-matter\.md:1:1: JavaScript front matter/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('2 for a notes file over the size limit, named with the limit, while the other files are still graded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlsd-big-'));
    writeFileSync(join(dir, 'huge.md'), `---\nquestion: fraud-detection\n---\n${'## 4. Model\nbaseline: LR on counts, cheap.\n'.repeat(200_000)}`);
    writeFileSync(join(dir, 'fine.md'), readFileSync(join(ROOT, 'questions/examples/fraud-detection/strong.md')));
    const { code, report } = gradeJson([dir]);
    expect(code).toBe(2);
    const byName = Object.fromEntries(report.files.map((file) => [file.path.split('/').pop(), file]));
    expect(byName['huge.md']!.error!.message).toMatch(/^this file is \d+\.\d MB \([\d,]+ bytes\); notes files are limited to 5 MB \(5,242,880 bytes\)$/);
    expect(byName['fine.md']!.score).toBeGreaterThanOrEqual(85);
  });

  it('follows no symbolic link below a folder or found by a glob, as a link could point anywhere', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlsd-links-'));
    const strong = readFileSync(join(ROOT, 'questions/examples/fraud-detection/strong.md'));
    for (const folder of ['answers', 'elsewhere']) mkdirSync(join(dir, folder));
    writeFileSync(join(dir, 'answers/own.md'), strong);
    writeFileSync(join(dir, 'elsewhere/secret.md'), strong);
    symlinkSync('../elsewhere/secret.md', join(dir, 'answers/linked-file.md'));
    symlinkSync('../elsewhere', join(dir, 'answers/linked-folder'));
    for (const named of ['answers', 'answers/**/*.md']) {
      const { report } = gradeJson([named], dir);
      expect(report.files.map((file) => file.path)).toEqual(['answers/own.md']);
    }
  });

  it('2 for usage mistakes', () => {
    expect(spawnCli(['grade']).code).toBe(2);
    expect(spawnCli(['grade', 'x.md', '--min-score', '120']).stderr).toContain('--min-score takes a number from 0 to 100');
    expect(spawnCli(['grade', 'x.md', '--reporter', 'xml']).code).toBe(2);
    const missing = spawnCli(['grade', 'no-such-file.md', '--reporter', 'json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no-such-file.md:1:1: no such file or folder');
  });

  it('grades a set with its own bank of questions and rubrics', () => {
    const { code, report } = gradeJson(['--set', join(SETS, 'own-bank/practice-set.yaml')]);
    expect(report.files[0]).toMatchObject({ question: 'food-delivery-eta', passed: true });
    const evaluation = report.files[0]!.steps.find((step) => step.id === 'evaluation')!;
    expect(evaluation.hits.map((hit) => hit.id)).toContain('regression-metrics');
    expect(code).toBe(0);
  });

  it('--question overrides the front matter and globs expand', () => {
    const { report } = gradeJson(['test/fixtures/grade/pass/answers/*/fraud*.md', '--question', 'fraud-detection']);
    expect(report.files.map((file) => file.question)).toEqual(['fraud-detection']);
  });
});

describe('mlsd grade reporters (built binary)', () => {
  it('junit to a file parses as XML with a testcase per step', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'mlsd-junit-')), 'report.xml');
    const result = spawnCli(['grade', '--set', join(SETS, 'below/practice-set.yaml'), '--reporter', 'junit', '--output', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const xml = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(out, 'utf8'));
    const suites = [xml.testsuites.testsuite].flat();
    const fileSuite = suites.find((suite: { '@_name': string }) => suite['@_name'].endsWith('bob/fraud-detection.md'));
    expect([fileSuite.testcase].flat()).toHaveLength(8);
  });

  it('github prints annotations and appends a summary to $GITHUB_STEP_SUMMARY', () => {
    const summary = join(mkdtempSync(join(tmpdir(), 'mlsd-gh-')), 'summary.md');
    const result = spawnCli(['grade', '--set', join(SETS, 'below/practice-set.yaml')], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=.*bob\/fraud-detection\.md,line=\d+,title=mlsd \d+\/100 \(min 60\)::score \d+ is below the minimum 60$/m);
    expect(result.stdout).toContain('::error title=mlsd::no answer for video-recommendation');
    expect(readFileSync(summary, 'utf8')).toContain('## mlsd grade');
  });

  it('pretty shows a bar per step, misses with hints, and evidence with --verbose', () => {
    const file = join(SETS, 'own-bank/answers/eta.md');
    const bank = join(SETS, 'own-bank/bank');
    const plain = spawnCli(['--bank', bank, 'grade', file]);
    expect(plain.stdout).toMatch(/^ {2}4\. Model\s+[█░]{20}\s+\d+/m);
    expect(plain.stdout).not.toContain('line 29:');
    const verbose = spawnCli(['--bank', bank, 'grade', file, '--verbose']);
    expect(verbose.stdout).toMatch(/✓ Simple baseline first line \d+: Baseline: the restaurant/);
  });
});

describe('mlsd grade start-up (built binary)', () => {
  it('loads neither js-yaml nor esprima: gray-matter gets the stand-in for a YAML engine it is never asked to run', () => {
    const { code, stderr } = spawnCli(['grade', '--set', join(SETS, 'pass/practice-set.yaml')], { env: { NODE_DEBUG: 'module' } });
    expect(code).toBe(0);
    expect(stderr).toContain('Module._load REQUEST');
    expect(stderr).not.toMatch(/esprima|js-yaml/);
  });
});
