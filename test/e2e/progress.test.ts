import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';

const STRONG = 'questions/examples/fraud-detection/strong.md';
const WEAK = 'questions/examples/video-recommendation/weak.md';

describe('progress: grade --record, history, stats, next, list (built binary)', () => {
  it('says how to start when nothing is recorded', () => {
    const env = { MLSD_HOME: mkdtempSync(join(tmpdir(), 'mlsd-progress-')) };
    for (const command of ['history', 'stats']) {
      const result = spawnCli([command], { env });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Nothing recorded yet: finish a drill ("mlsd drill") or grade a file with "mlsd grade FILE --record".');
    }
  });

  it('records graded files and shows them in history, stats, next and list', () => {
    const env = { MLSD_HOME: mkdtempSync(join(tmpdir(), 'mlsd-progress-')) };
    expect(spawnCli(['grade', STRONG, WEAK, '--record'], { env }).stderr).toContain('recorded 2 attempts in the history');

    const history = JSON.parse(spawnCli(['history', '--json'], { env }).stdout) as { question: string; source: string; score: number }[];
    expect(history.map((record) => [record.question, record.source])).toEqual([['fraud-detection', 'grade'], ['video-recommendation', 'grade']]);
    expect(spawnCli(['history', '--question', 'video-recommendation'], { env }).stdout).toMatch(/video-recommendation\s+\d+/);
    expect(spawnCli(['history', '--since', '2999-01-01', '--json'], { env }).stdout.trim()).toBe('[]');
    expect(spawnCli(['history', '--since', 'last week'], { env }).code).toBe(2);

    const stats = spawnCli(['stats'], { env }).stdout;
    expect(stats).toMatch(/4\. Model\s+[█░]+\s+\d+\s+[▁▂▃▄▅▆▇█]{2}/);
    expect(stats).toContain('Most often missed');
    expect(stats).toContain('Never tried (30)');

    const next = JSON.parse(spawnCli(['next', '-n', '40', '--json'], { env }).stdout) as { question: string; reasons: string[] }[];
    expect(next.find((entry) => entry.question === 'video-recommendation')!.reasons[0]).toMatch(/last scored \d+ on \d{4}-\d{2}-\d{2}, 1 attempt/);
    expect(next.find((entry) => entry.question === 'ad-click-prediction')!.reasons[0]).toBe('never tried');

    const list = JSON.parse(spawnCli(['list', '--json'], { env }).stdout) as { id: string; best: number | null; last: string | null }[];
    expect(list.find((row) => row.id === 'fraud-detection')).toMatchObject({ best: history[0]!.score, last: expect.stringMatching(/^\d{4}-/) });
    expect(list.find((row) => row.id === 'visual-search')).toMatchObject({ best: null, last: null });
  });

  it('moves a history to another machine without duplicates, and skips a torn line with a warning', () => {
    const home = mkdtempSync(join(tmpdir(), 'mlsd-progress-'));
    spawnCli(['grade', STRONG, WEAK, '--record'], { env: { MLSD_HOME: home } });
    const file = join(mkdtempSync(join(tmpdir(), 'mlsd-export-')), 'history.jsonl');
    expect(spawnCli(['history', '--export', file], { env: { MLSD_HOME: home } }).stdout).toContain('Exported 2 records');

    const other = { MLSD_HOME: mkdtempSync(join(tmpdir(), 'mlsd-progress-')) };
    spawnCli(['grade', STRONG, '--record'], { env: other });
    expect(spawnCli(['history', '--import', file], { env: other }).stdout).toContain('Imported 2 records');
    expect(spawnCli(['history', '--import', file], { env: other }).stdout).toContain('Imported 0 records');
    expect(JSON.parse(spawnCli(['history', '--json'], { env: other }).stdout)).toHaveLength(3);

    appendFileSync(join(other.MLSD_HOME, 'history.jsonl'), '{"version": 1, "question": "fraud-det');
    const torn = spawnCli(['history', '--json'], { env: other });
    expect(torn.code).toBe(0);
    expect(torn.stderr).toBe('warning: history.jsonl:4: skipped an unreadable record\n');
    expect(JSON.parse(torn.stdout)).toHaveLength(3);
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
  });
});
