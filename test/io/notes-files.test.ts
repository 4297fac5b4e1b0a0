import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findNotesFiles, MAX_NOTES_BYTES, readNotesFile } from '../../src/io/notes-files.js';

const dir = mkdtempSync(join(tmpdir(), 'mlsd-notes-files-'));
const place = (name: string, content: string | Buffer) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};

describe('readNotesFile', () => {
  it('reads a UTF-8 file whole', () => {
    expect(readNotesFile(place('ok.md', '# Notes\n\u00e9t\u00e9 \u2192 ok\n'), 'ok.md')).toEqual({ text: '# Notes\n\u00e9t\u00e9 \u2192 ok\n' });
  });

  const fifo = join(dir, 'pipe.md');
  execFileSync('mkfifo', [fifo]);
  mkdirSync(join(dir, 'folder.md'));

  it.each([
    ['a missing file', join(dir, 'missing.md'), 1, 1, 'cannot read this file'],
    ['a named pipe, which would block a read', fifo, 1, 1, 'not a regular file'],
    ['a folder', join(dir, 'folder.md'), 1, 1, 'not a regular file'],
    ['a file over the limit', place('big.md', Buffer.alloc(MAX_NOTES_BYTES + 1, 'a')), 1, 1, 'this file is 5.0 MB (5,242,881 bytes); notes files are limited to 5 MB (5,242,880 bytes)'],
    ['a binary file', place('binary.md', Buffer.from('line one\nab\u0000cd')), 2, 3, 'binary file'],
    ['invalid UTF-8', place('latin1.md', Buffer.from([0x6f, 0x6b, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a])), 2, 4, 'not valid UTF-8'],
  ])('refuses %s, naming the place', (_, path, line, col, message) => {
    const result = readNotesFile(path, 'shown.md');
    expect(result).toHaveProperty('problem');
    if (!('problem' in result)) return;
    expect(result.problem).toMatchObject({ file: 'shown.md', line, col });
    expect(result.problem.message).toContain(message);
  });
});

describe('findNotesFiles', () => {
  const root = mkdtempSync(join(tmpdir(), 'mlsd-notes-folders-'));
  const files = ['b.md', 'a/z.MD', 'a/README.md', 'a/b/readme.MD', 'a/b/c/deep.md', 'a/notes.txt', 'node_modules/pkg/x.md', 'a/node_modules/y.md', 'c/d.md'];
  for (const name of files) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), '# notes\n');
  }

  it('takes the *.md files below a folder at any depth, in path order, without README.md or node_modules', async () => {
    const found = await findNotesFiles([root], '/');
    expect(found.problems).toEqual([]);
    expect(found.files).toEqual(['a/b/c/deep.md', 'a/z.MD', 'b.md', 'c/d.md'].map((name) => join(root, name)));
  });

  it('finds none in a folder inside node_modules, named or below the one named', async () => {
    expect((await findNotesFiles([join(root, 'node_modules/pkg')], '/')).files).toEqual([]);
    expect((await findNotesFiles([join(root, 'node_modules')], '/')).files).toEqual([]);
  });

  it('lists a file named twice, or named and found in a folder, once', async () => {
    const found = await findNotesFiles([join(root, 'c'), join(root, 'c/d.md'), 'b.md', join(root, 'b.md')], root);
    expect(found.files).toEqual([join(root, 'c/d.md'), join(root, 'b.md')]);
  });
});
