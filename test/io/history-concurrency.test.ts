import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHistoryStore } from '../../src/io/history-store.js';
import { ROOT } from '../helpers/cli.js';

const WRITERS = 8;
const EACH = 60;

/** A process that appends `EACH` records through the built store, as fast as it can. */
function writer(dir: string, name: string): Promise<number> {
  const script = `
    const { createHistoryStore } = await import(${JSON.stringify(join(ROOT, 'dist/io/history-store.js'))});
    const store = createHistoryStore(${JSON.stringify(dir)});
    for (let i = 0; i < ${EACH}; i++) await store.append({ writer: ${JSON.stringify(name)}, i, padding: 'x'.repeat(300 + i) });`;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code) => done(code ?? 1));
  });
}

describe('history store under concurrent writers', () => {
  it(`keeps every record of ${WRITERS} processes appending at once, none torn`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlsd-concurrent-'));
    const codes = await Promise.all(Array.from({ length: WRITERS }, (_, index) => writer(dir, `w${index}`)));
    expect(codes).toEqual(Array(WRITERS).fill(0));
    const { records, warnings } = await createHistoryStore<{ writer: string; i: number }>(dir).read();
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(WRITERS * EACH);
    for (let index = 0; index < WRITERS; index++) {
      expect(records.filter((record) => record.writer === `w${index}`).map((record) => record.i)).toEqual(Array.from({ length: EACH }, (_, i) => i));
    }
    expect(readFileSync(join(dir, 'history.jsonl'), 'utf8').split('\n').filter(Boolean)).toHaveLength(WRITERS * EACH);
  }, 60_000);
});
