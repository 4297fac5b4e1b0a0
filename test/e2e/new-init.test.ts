import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const temp = () => mkdtempSync(join(tmpdir(), 'mlsd-'));

describe('mlsd new', () => {
  it('writes a template with front matter and the seven headings, which grades as empty', async () => {
    const dir = temp();
    const made = await runCli(['new', 'fraud-detection', '--candidate', 'ada'], { cwd: dir });
    expect(made.code).toBe(0);
    const text = readFileSync(join(dir, 'fraud-detection.md'), 'utf8');
    expect(text).toMatch(/^---\nquestion: fraud-detection\ncandidate: ada\n---\n/);
    expect(text.match(/^## \d\. /gm)).toHaveLength(7);
    const graded = await runCli(['grade', 'fraud-detection.md', '--reporter', 'json'], { cwd: dir });
    expect(JSON.parse(graded.stdout).files[0].score).toBe(0);
  });

  it('refuses to overwrite without --force, and overwrites with it', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'mine.md'), 'my notes');
    const refused = await runCli(['new', 'visual-search', '-o', 'mine.md'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('mine.md already exists: pass --force');
    expect(readFileSync(join(dir, 'mine.md'), 'utf8')).toBe('my notes');
    expect((await runCli(['new', 'visual-search', '-o', 'mine.md', '--force'], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, 'mine.md'), 'utf8')).toContain('question: visual-search');
  });
});

describe('mlsd init', () => {
  it('scaffolds a set, an answers folder with a template, and a workflow that grades the set', async () => {
    const dir = temp();
    const result = await runCli(['init', 'group', '--question', 'fraud-detection', '--question', 'visual-search'], { cwd: dir });
    expect(result.code).toBe(0);
    const root = join(dir, 'group');
    const set = parse(readFileSync(join(root, 'practice-set.yaml'), 'utf8'));
    expect(set).toMatchObject({ version: 1, questions: ['fraud-detection', 'visual-search'], answers: 'answers', min_score: 60 });
    expect(existsSync(join(root, 'answers/README.md'))).toBe(true);
    expect(existsSync(join(root, 'answers/fraud-detection.md'))).toBe(true);
    const workflow = parse(readFileSync(join(root, '.github/workflows/mlsd.yml'), 'utf8'));
    const steps = workflow.jobs.grade.steps.map((step: { run?: string }) => step.run).filter(Boolean);
    expect(steps).toContain('mlsd grade --set practice-set.yaml --reporter github');
    const graded = await runCli(['grade', '--set', 'practice-set.yaml', '--reporter', 'json'], { cwd: root });
    expect(graded.code).toBe(1);
    expect(JSON.parse(graded.stdout).summary.missing).toEqual(['visual-search']);
    const globbed = await runCli(['grade', 'answers/**/*.md', '--reporter', 'json'], { cwd: root });
    expect(JSON.parse(globbed.stdout).files.map((file: { path: string }) => file.path)).toEqual(['answers/fraud-detection.md']);
    expect(globbed.code).toBe(1);
  });

  it('refuses to overwrite existing files and writes nothing', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'practice-set.yaml'), 'mine');
    const result = await runCli(['init', '.'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not overwriting what is there: practice-set.yaml');
    expect(existsSync(join(dir, 'answers'))).toBe(false);
  });
});
