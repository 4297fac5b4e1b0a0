import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fileSink } from '../../src/io/report-sink.js';

const dir = mkdtempSync(join(tmpdir(), 'mlsd-sink-'));
const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
process.on('warning', onWarning);
afterEach(() => {
  warnings.length = 0;
});
afterAll(() => {
  process.off('warning', onWarning);
});

/** A report of many files' parts, each written as grade writes it: enough for the file stream to ask for many drains. */
const parts = Array.from({ length: 4_000 }, (_, index) => `{"file": "answers/${index}.md", "score": ${index % 100}, "pad": "${'x'.repeat(600)}"}\n`);

describe('fileSink', () => {
  it('writes every part in order and puts the file in place only on close', async () => {
    const path = join(dir, 'out', 'report.json');
    const sink = await fileSink(path);
    for (const part of parts) await sink.write(part);
    expect(existsSync(path)).toBe(false);
    await sink.close();
    expect(readFileSync(path, 'utf8')).toBe(parts.join(''));
    expect(readdirSync(join(dir, 'out'))).toEqual(['report.json']);
  });

  it('waits for many drains without piling up listeners on the stream', async () => {
    const sink = await fileSink(join(dir, 'drains.json'));
    for (let round = 0; round < 5; round++) for (const part of parts) await sink.write(part);
    await sink.close();
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
  });

  it('leaves nothing behind when aborted', async () => {
    const path = join(dir, 'aborted', 'report.json');
    const sink = await fileSink(path);
    for (const part of parts.slice(0, 200)) await sink.write(part);
    await sink.abort();
    expect(readdirSync(join(dir, 'aborted'))).toEqual([]);
  });
});
