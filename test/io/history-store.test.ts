import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attemptsDir, createHistoryStore } from '../../src/io/history-store.js';

interface Attempt {
  question: string;
  score: number;
  finishedAt: number;
}

const temp = () => mkdtempSync(join(tmpdir(), 'mlsd-history-'));
const attempt = (score: number): Attempt => ({ question: 'fraud-detection', score, finishedAt: 1_700_000_000_000 + score });

describe('history store', () => {
  it('appends records one line each and reads them back in order', async () => {
    const dir = join(temp(), 'fresh');
    const store = createHistoryStore<Attempt>(dir);
    await store.append(attempt(40));
    await store.append(attempt(72));
    await store.append({ question: 'line\nbreak "quoted"', score: 1, finishedAt: 0 });

    const text = readFileSync(join(dir, 'history.jsonl'), 'utf8');
    expect(text.split('\n')).toHaveLength(4);
    expect(text.endsWith('}\n')).toBe(true);
    expect(await store.read()).toEqual({
      records: [attempt(40), attempt(72), { question: 'line\nbreak "quoted"', score: 1, finishedAt: 0 }],
      warnings: [],
    });
  });

  it('reads a missing file as an empty history', async () => {
    expect(await createHistoryStore<Attempt>(temp()).read()).toEqual({ records: [], warnings: [] });
  });

  it('skips a garbage middle line and a torn last line, naming each line, and keeps the rest', async () => {
    const dir = temp();
    const store = createHistoryStore<Attempt>(dir);
    await store.append(attempt(10));
    appendFileSync(join(dir, 'history.jsonl'), 'this is not json\n');
    await store.append(attempt(20));
    appendFileSync(join(dir, 'history.jsonl'), '[1, 2]\n');
    await store.append(attempt(30));
    const full = JSON.stringify(attempt(40));
    appendFileSync(join(dir, 'history.jsonl'), full.slice(0, full.length / 2));

    expect(await store.read()).toEqual({
      records: [attempt(10), attempt(20), attempt(30)],
      warnings: ['history.jsonl:2: skipped an unreadable record', 'history.jsonl:4: skipped an unreadable record', 'history.jsonl:6: skipped an unreadable record'],
    });
  });

  it('starts a new line after a torn last line, so the next record survives', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'history.jsonl'), `${JSON.stringify(attempt(1))}\n{"question": "fraud-det`);
    const store = createHistoryStore<Attempt>(dir);
    await store.append(attempt(2));
    expect(await store.read()).toEqual({
      records: [attempt(1), attempt(2)],
      warnings: ['history.jsonl:2: skipped an unreadable record'],
    });
  });

  it('refuses a record that is not a JSON object', async () => {
    const dir = temp();
    const store = createHistoryStore<unknown>(dir);
    await expect(store.append(undefined)).rejects.toThrow(/JSON object/);
    await expect(store.append([1])).rejects.toThrow(/JSON object/);
    expect(await store.read()).toEqual({ records: [], warnings: [] });
  });

  it('loads its check only when there is a line to check, and applies it to every line', async () => {
    const dir = temp();
    let loads = 0;
    const loadCheck = async () => {
      loads++;
      return (value: unknown) => ((value as Attempt).score >= 50 ? { ok: true as const, value: value as Attempt } : { ok: false as const, reason: 'is below 50' });
    };
    const store = createHistoryStore<Attempt>(dir, loadCheck);
    expect(await store.read()).toEqual({ records: [], warnings: [] });
    writeFileSync(join(dir, 'history.jsonl'), '\n  \n');
    expect(await store.read()).toEqual({ records: [], warnings: [] });
    expect(loads).toBe(0);

    await store.append(attempt(40));
    await store.append(attempt(72));
    expect(await store.read()).toEqual({ records: [attempt(72)], warnings: ['history.jsonl:3: skipped a record that is below 50'] });
    expect(loads).toBe(1);
  });

  it('puts attempts beside the history', () => {
    expect(attemptsDir('/data/mlsd')).toBe('/data/mlsd/attempts');
  });
});
