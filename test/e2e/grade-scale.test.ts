import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { GradeReport } from '../../src/core/grading/grade-report.js';
import { MAX_NOTES_BYTES } from '../../src/io/notes-files.js';
import { ROOT, spawnCli } from '../helpers/cli.js';

/** 400 answers: the bank's example answers, each copied with a share of its lines dropped, and one broken file. */
function manyAnswers(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-many-'));
  const examples = join(ROOT, 'questions/examples');
  const sources = readdirSync(examples)
    .sort()
    .flatMap((question) => readdirSync(join(examples, question)).sort().map((name) => readFileSync(join(examples, question, name), 'utf8')));
  for (let index = 0; index < 400; index++) {
    const lines = sources[index % sources.length]!.split('\n');
    const kept = lines.filter((line, at) => line.startsWith('#') || line.startsWith('---') || line.includes(':') || (at * 7 + index) % 5 !== 0);
    writeFileSync(join(dir, `answer-${String(index).padStart(3, '0')}.md`), kept.join('\n'));
  }
  cpSync(join(ROOT, 'test/fixtures/grade/bad-input/answers/broken-front-matter.md'), join(dir, 'broken.md'));
  return dir;
}

let answers: string;
beforeAll(() => {
  answers = manyAnswers();
});

describe('mlsd grade on many files', () => {
  test.each(['json', 'junit', 'pretty', 'markdown'])('reports the same with worker threads as without them (%s)', (reporter) => {
    const one = spawnCli(['grade', answers, '--reporter', reporter, '--jobs', '1', '--debug']);
    const two = spawnCli(['grade', answers, '--reporter', reporter, '--jobs', '2', '--debug']);
    expect(one.stderr).toContain('grading 401 files in the main thread');
    expect(two.stderr).toContain('grading 401 files on 2 worker threads');
    expect(two.code).toBe(one.code);
    expect(one.code).toBe(2);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout.length).toBeGreaterThan(100_000);
  }, 120_000);

  test('grades a run under 1,200 files in the main thread unless --jobs asks for threads', () => {
    const run = spawnCli(['grade', answers, '--reporter', 'json', '--debug']);
    expect(run.stderr).toContain('grading 401 files in the main thread');
    expect(run.code).toBe(2);
  }, 120_000);

  test('a file near the size limit, too big for a worker heap, is graded in the main thread with the same report', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlsd-big-'));
    cpSync(answers, dir, { recursive: true });
    const example = readFileSync(join(ROOT, 'questions/examples/video-recommendation/strong.md'), 'utf8');
    const body = example.slice(example.indexOf('\n---\n') + 5);
    const copies = Math.floor((MAX_NOTES_BYTES - Buffer.byteLength(example)) / Buffer.byteLength(body));
    writeFileSync(join(dir, 'zz-big.md'), `${example}${body.repeat(copies)}`);
    const threads = spawnCli(['grade', dir, '--reporter', 'json', '--jobs', '2', '--debug']);
    const one = spawnCli(['grade', dir, '--reporter', 'json', '--jobs', '1']);
    expect(threads.stderr).toContain('grading 402 files on 2 worker threads');
    expect(threads.stderr).not.toContain('internal error');
    expect(threads.code).toBe(one.code);
    expect(threads.stdout).toBe(one.stdout);
    const big = (JSON.parse(threads.stdout) as GradeReport).files.find((file) => file.path.endsWith('zz-big.md'))!;
    expect(big.score).toBeGreaterThan(0);
  }, 120_000);

  test('--output writes the streamed report whole, to the file only', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'mlsd-out-')), 'nested/report.json');
    const written = spawnCli(['grade', answers, '--reporter', 'json', '--output', out]);
    const printed = spawnCli(['grade', answers, '--reporter', 'json']);
    expect(written.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(printed.stdout);
    expect(readdirSync(join(out, '..'))).toEqual(['report.json']);
  }, 120_000);
});

describe('mlsd grade --shard and mlsd merge-reports', () => {
  test('three shards grade every file exactly once, and their merge is the whole run', () => {
    const out = mkdtempSync(join(tmpdir(), 'mlsd-shards-'));
    const whole = spawnCli(['grade', answers, join(answers, 'no-such.md'), '--reporter', 'json']);
    const shards = [1, 2, 3].map((index) => {
      const path = join(out, `shard-${index}.json`);
      const run = spawnCli(['grade', answers, join(answers, 'no-such.md'), '--shard', `${index}/3`, '--reporter', 'json', '--output', path]);
      expect(run.code).toBeGreaterThanOrEqual(0);
      return { path, run, report: JSON.parse(readFileSync(path, 'utf8')) as GradeReport };
    });
    const report = JSON.parse(whole.stdout) as GradeReport;
    const paths = shards.flatMap((shard) => shard.report.files.map((file) => file.path));
    expect(paths).toHaveLength(report.files.length);
    expect(new Set(paths)).toEqual(new Set(report.files.map((file) => file.path)));
    for (const shard of shards) expect(shard.report.files.length).toBeGreaterThan(report.files.length / 6);

    const merged = spawnCli(['merge-reports', ...shards.map((shard) => shard.path), '--reporter', 'json']);
    expect(merged.code).toBe(whole.code);
    const joined = JSON.parse(merged.stdout) as GradeReport;
    expect(joined.summary).toEqual(report.summary);
    const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : 1);
    expect(joined.files).toEqual([...report.files].sort(byPath));
  }, 120_000);

  test('a set question answered in one shard is missing from none', () => {
    const out = mkdtempSync(join(tmpdir(), 'mlsd-shards-'));
    const set = join(ROOT, 'test/fixtures/grade/pass/practice-set.yaml');
    const whole = spawnCli(['grade', '--set', set, '--reporter', 'json']);
    const paths = [1, 2].map((index) => {
      const path = join(out, `shard-${index}.json`);
      spawnCli(['grade', '--set', set, '--shard', `${index}/2`, '--reporter', 'json', '--output', path]);
      return path;
    });
    const merged = spawnCli(['merge-reports', ...paths, '--reporter', 'json']);
    expect(JSON.parse(merged.stdout).summary).toEqual((JSON.parse(whole.stdout) as GradeReport).summary);
    expect(merged.code).toBe(whole.code);
  }, 60_000);

  test.each([
    ['not JSON', '{"version": 1,', /^\/.*bad\.json:1:1: not JSON/m],
    ['another kind of JSON', '{"version": 2, "files": []}', /bad\.json:1:1: not an mlsd json report of version 1/],
    ['files that are not graded files', '{"version": 1, "set": null, "files": [1], "summary": {}}', /bad\.json:1:1: its "files" is not a list of graded files/],
    [
      'a graded file without its steps',
      '{"version": 1, "set": null, "files": [{"path": "a.md", "question": "x", "score": 70, "passed": true, "minScore": 60, "stepMinScores": {}, "failures": [], "warnings": []}], "summary": {"minScore": 60, "missing": []}}',
      /bad\.json:1:1: not an mlsd json report: files\[0\]\.steps: invalid input: expected array, received undefined$/m,
    ],
    [
      'a file that passed without a score',
      '{"version": 1, "set": null, "files": [{"path": "a.md", "question": null, "score": null, "passed": true, "minScore": 60, "stepMinScores": {}, "failures": [], "warnings": [], "steps": []}], "summary": {"minScore": 60, "missing": []}}',
      /bad\.json:1:1: not an mlsd json report: files\[0\]\.passed: a file without a score cannot have passed$/m,
    ],
  ])('refuses %s, naming the file, with exit 2', (_, text, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'mlsd-merge-'));
    writeFileSync(join(dir, 'bad.json'), text);
    const result = spawnCli(['merge-reports', join(dir, 'bad.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test.each([['0/3'], ['4/3'], ['2'], ['a/b']])('--shard %s is a usage error', (shard) => {
    const result = spawnCli(['grade', answers, '--shard', shard]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--shard takes i/n with 1 <= i <= n');
  });
});
