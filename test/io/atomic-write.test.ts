import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from '../../src/io/atomic-write.js';
import { ROOT } from '../helpers/cli.js';

const temp = () => mkdtempSync(join(tmpdir(), 'mlsd-atomic-'));

/** Whether this system lets a test mount a tmpfs in a mount namespace of its own (root, or user namespaces). */
const canMount = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$0"', temp()]).status === 0;

describe.each([
  ['writeFileAtomic', (path: string, text: string) => writeFileAtomic(path, text)],
  ['writeFileAtomicSync', async (path: string, text: string) => writeFileAtomicSync(path, text)],
])('%s', (name, write) => {
  test('replaces a file with the whole text, makes its folder, and leaves no temporary file', async () => {
    const dir = temp();
    const path = join(dir, 'nested/notes.md');
    await write(path, 'first');
    await write(path, 'second, longer');
    expect(readFileSync(path, 'utf8')).toBe('second, longer');
    expect(readdirSync(join(dir, 'nested'))).toEqual(['notes.md']);
  });

  test.skipIf(!canMount)('on a disk too full for the text: fails, and the old file is left whole', () => {
    const dir = temp();
    const script = `
      import { writeFileSync } from 'node:fs';
      const { ${name} } = await import(${JSON.stringify(join(ROOT, 'dist/io/atomic-write.js'))});
      const path = process.argv[1] + '/draft.md';
      writeFileSync(path, 'what was typed');
      try { await ${name}(path, 'x'.repeat(600_000)); console.log('written'); } catch (error) { console.log(error.code); }`;
    const result = spawnSync('unshare', ['-rm', 'sh', '-c', `mount -t tmpfs -o size=256k tmpfs "$0" && "${process.execPath}" --input-type=module -e "$1" "$0" && cat "$0/draft.md" && ls "$0"`, dir, script], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toEqual(['ENOSPC', 'what was typeddraft.md', '']);
  });
});

test('two writers of one file never mix their texts', async () => {
  const path = join(temp(), 'report.json');
  const texts = Array.from({ length: 20 }, (_, index) => String(index).repeat(50_000));
  await Promise.all(texts.map((text) => writeFileAtomic(path, text)));
  expect(texts).toContain(readFileSync(path, 'utf8'));
});
