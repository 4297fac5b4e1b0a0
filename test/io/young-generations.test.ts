import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * A process that keeps 500,000 small objects with young generations held or let grow, then as
 * many more with them let grow, and prints the size of its young generation after each step.
 * It runs on its own: the flag holds for every thread of a process, this test's own included.
 */
function youngGenerationSizes(firstHeld: boolean): { start: number; first: number; second: number; stderr: string } {
  const script = `
    const { letYoungGenerationsGrow } = await import(${JSON.stringify(join(ROOT, 'dist/io/grade-pool.js'))});
    const { getHeapSpaceStatistics } = await import('node:v8');
    const newSpace = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;
    const kept = [];
    const keep = (count) => { for (let index = 0; index < count; index++) kept.push({ index, text: 'line ' + index }); };
    letYoungGenerationsGrow(${!firstHeld});
    const start = newSpace();
    keep(500_000);
    const first = newSpace();
    letYoungGenerationsGrow(true);
    keep(500_000);
    console.log(JSON.stringify({ start, first, second: newSpace() }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(child.status).toBe(0);
  return { ...JSON.parse(child.stdout), stderr: child.stderr };
}

describe('letYoungGenerationsGrow', () => {
  it('keeps the young generation at its size while held, and lets it grow again', () => {
    const sizes = youngGenerationSizes(true);
    expect(sizes.first).toBe(sizes.start);
    expect(sizes.second).toBeGreaterThan(sizes.first);
    expect(sizes.stderr).toBe('');
  });

  it('lets it grow when not held, as V8 does by default', () => {
    const sizes = youngGenerationSizes(false);
    expect(sizes.first).toBeGreaterThan(sizes.start);
    expect(sizes.stderr).toBe('');
  });
});
