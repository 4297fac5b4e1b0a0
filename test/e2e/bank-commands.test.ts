import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';

const QUESTION_IDS = [
  'ad-click-prediction',
  'fraud-detection',
  'harmful-content-detection',
  'video-recommendation',
  'visual-search',
];
const ESC = '\u001b';

describe('mlsd list (built binary)', () => {
  it('prints the bank as an aligned table', () => {
    const result = spawnCli(['list']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^ID\s+TITLE\s+DIFFICULTY\s+BEST\s+LAST\s+TAGS$/);
    for (const id of QUESTION_IDS) expect(result.stdout).toContain(id);
    const titleColumn = lines[0]!.indexOf('TITLE');
    for (const line of lines.slice(1, 1 + QUESTION_IDS.length)) expect(line.charAt(titleColumn - 1)).toBe(' ');
  });

  it('--json is a stable array of objects', () => {
    const result = spawnCli(['list', '--json']);
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    const ids = rows.map((row) => row.id as string);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(expect.arrayContaining(QUESTION_IDS));
    expect(ids.length).toBeGreaterThanOrEqual(30);
    for (const row of rows) expect(Object.keys(row)).toEqual(['id', 'title', 'difficulty', 'tags', 'best', 'last']);
  });

  it('--tag, --difficulty and --search filter', () => {
    const byTag = JSON.parse(spawnCli(['list', '--tag', 'recommendation', '--json']).stdout) as Array<{ id: string; tags: string[] }>;
    expect(byTag.map((row) => row.id)).toContain('video-recommendation');
    const all = JSON.parse(spawnCli(['list', '--json']).stdout) as unknown[];
    expect(byTag.length).toBeLessThan(all.length);
    for (const row of byTag) expect(row.tags).toContain('recommendation');
    const searched = JSON.parse(spawnCli(['list', '--search', 'card payments', '--json']).stdout) as Array<{ id: string }>;
    expect(searched.map((row) => row.id)).toEqual(['fraud-detection']);
    const bad = spawnCli(['list', '--difficulty', 'extreme']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Allowed choices are easy, medium, hard');
  });

  it('prints no escape codes with NO_COLOR, even when colour is forced', () => {
    const result = spawnCli(['list'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(ESC);
    expect(spawnCli(['list'], { env: { FORCE_COLOR: '1' } }).stdout).toContain(ESC);
  });
});

describe('mlsd show (built binary)', () => {
  it('--rubric shows the checklist under all seven steps', () => {
    const result = spawnCli(['show', 'video-recommendation', '--rubric']);
    expect(result.code).toBe(0);
    const sections = result.stdout.split(/\n(?=\d\. )/).slice(1);
    expect(sections.map((section) => section.split(' ')[0])).toEqual(['1.', '2.', '3.', '4.', '5.', '6.', '7.']);
    for (const section of sections) expect(section).toContain('Checklist:');
  });

  it('an unknown id exits 2 with a suggestion and no stack trace', () => {
    const result = spawnCli(['show', 'video-recomendation']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean "video-recommendation"');
    const nope = spawnCli(['show', 'nope']);
    expect(nope.code).toBe(2);
    expect(nope.stderr).toMatch(/^mlsd: no question "nope" in the bank \(try one of: ad-click-prediction, answer-ranking, /);
    expect(nope.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('mlsd validate (built binary)', () => {
  it('passes on the built-in bank with a one-line summary', () => {
    const result = spawnCli(['validate']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('--report prints, per question, items per step, aliases and example scores', () => {
    const result = spawnCli(['validate', '--report']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^QUESTION\s+REQU\s+FRAM\s+DATA\s+MODE\s+EVAL\s+SERV\s+MONI\s+OWN\s+ALIASES\s+EXAMPLES\s+DUMP$/);
    const fraud = lines.find((line) => line.startsWith('fraud-detection '))!;
    expect(fraud).toMatch(/strong \d+ · weak \d+/);
    expect(result.stdout).toMatch(/\d+ questions; \d+ concepts and \d+ aliases in the bank/);
  });

  it('names broken.yaml:LINE:COL in a bank folder and exits 2', () => {
    const bank = mkdtempSync(join(tmpdir(), 'mlsd-bank-'));
    mkdirSync(join(bank, 'questions'));
    writeFileSync(join(bank, 'questions', 'broken.yaml'), 'version: 1\nid: broken\ntitle: "unclosed\n');
    writeFileSync(join(bank, 'broken.yaml'), 'version: 1\nid: [broken\n');
    const result = spawnCli(['validate', '--bank', bank]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines.filter((line) => /broken\.yaml:\d+:\d+: invalid YAML/.test(line))).toHaveLength(2);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('global options', () => {
  it('--version and --help with examples on every command', () => {
    expect(spawnCli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    for (const command of ['drill', 'list', 'show', 'new', 'grade', 'init', 'validate', 'cheatsheet', 'history', 'stats', 'next']) {
      const help = spawnCli([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Examples:');
    }
  });

  it('an unknown command exits 2 with a suggestion', () => {
    const result = spawnCli(['shwo']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Did you mean show?');
  });
});

describe('mlsd cheatsheet (built binary)', () => {
  it('fits the seven steps, their key concepts and the mistakes to avoid on one screen', () => {
    const result = spawnCli(['cheatsheet']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(50);
    expect(lines.every((line) => line.length <= 100)).toBe(true);
    for (const title of ['1. Clarify requirements', '4. Model', '7. Monitoring']) expect(result.stdout).toContain(title);
    expect(result.stdout).toContain('Simple baseline first');
    expect(result.stdout).toContain('Accuracy as the metric on imbalanced data');
  });

  it('prints the same as JSON', () => {
    const parsed = JSON.parse(spawnCli(['cheatsheet', '--json']).stdout) as { steps: { id: string; concepts: unknown[] }[]; avoid: { id: string }[] };
    expect(parsed.steps.map((step) => step.id)).toEqual(['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring']);
    expect(parsed.steps.every((step) => step.concepts.length >= 4)).toBe(true);
    expect(parsed.avoid.map((rule) => rule.id)).toContain('no-baseline');
  });
});

describe('mlsd show --answer (built binary)', () => {
  it('prints a strong example answer, then the reference architecture of the family', () => {
    const result = spawnCli(['show', 'fraud-detection', '--answer']);
    expect(result.code).toBe(0);
    const answer = result.stdout.indexOf('A strong answer');
    const architecture = result.stdout.indexOf('Reference architecture: A risk classifier with a decision policy');
    expect(answer).toBeGreaterThan(result.stdout.indexOf('Plan:'));
    expect(architecture).toBeGreaterThan(answer);
    expect(result.stdout).not.toContain('question: fraud-detection');
    expect(result.stdout).toContain('decision policy');
  });

  it('adds them to --json', () => {
    const parsed = JSON.parse(spawnCli(['show', 'video-recommendation', '--answer', '--json']).stdout) as { answer: string; architecture: { title: string } };
    expect(parsed.answer).toMatch(/^---\nquestion: video-recommendation/);
    expect(parsed.architecture.title).toBe('A recommendation funnel');
  });
});

describe('every question of the bank', () => {
  it('shows its prompt, a strong answer and a reference architecture', async () => {
    const ids = (JSON.parse(spawnCli(['list', '--json']).stdout) as { id: string }[]).map((row) => row.id);
    for (const id of ids) {
      const result = await runCli(['show', id, '--answer']);
      expect(result.code, id).toBe(0);
      expect(result.stdout, id).toContain('A strong answer');
      expect(result.stdout, id).toContain('Reference architecture: ');
    }
  });
});
