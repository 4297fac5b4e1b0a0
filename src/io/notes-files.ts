import { open, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { positionAt, type Problem } from '../core/yaml-file.js';
import { displayPath } from './bank-files.js';

export interface NotesPaths {
  /** Absolute paths of the notes files to grade, in a stable order, without repeats. */
  files: string[];
  problems: Problem[];
}

/**
 * Expands what the user named into notes files: files as they are, folders recursively (their
 * `*.md` files, README.md aside, as that is the folder's own documentation), and globs (README.md
 * aside too). Symbolic links found below a folder or by a glob are not followed: a link in a
 * student's answers folder could point anywhere, and its target would be printed as evidence.
 */
export async function findNotesFiles(paths: readonly string[], cwd: string): Promise<NotesPaths> {
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    if (isDynamicPattern(path)) {
      const matches = await glob(path, { cwd, absolute: true, onlyFiles: true, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/[Rr][Ee][Aa][Dd][Mm][Ee].md'] });
      if (matches.length === 0) problems.push({ file: path, line: 1, col: 1, message: 'no files match this pattern' });
      files.push(...matches.sort());
      continue;
    }
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => null);
    if (!info) {
      problems.push({ file: displayPath(absolute, cwd), line: 1, col: 1, message: 'no such file or folder' });
    } else if (info.isDirectory()) {
      files.push(...(await markdownBelow(absolute)));
    } else {
      files.push(absolute);
    }
  }
  return { files: [...new Set(files)], problems };
}

async function markdownBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.md$/i.test(entry.name) && !/^readme\.md$/i.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !path.includes('/node_modules/'))
    .sort();
}

/** Notes longer than this are not an answer typed in 45 minutes; reading them would only cost time. */
export const MAX_NOTES_BYTES = 5 * 1024 * 1024;

/**
 * A notes file's text, or the problem that kept it from being read: missing, not a regular file
 * (a pipe or a device could block or never end), over the limit, binary, or not UTF-8. The read
 * stops one byte past the limit, so a file that grows while it is read cannot get past it.
 */
export async function readNotesFile(path: string, shown: string): Promise<{ text: string } | { problem: Problem }> {
  const problem = (message: string, at = { line: 1, col: 1 }) => ({ problem: { file: shown, ...at, message } });
  const tooBig = (size: number) => problem(`this file is ${(size / 1024 / 1024).toFixed(1)} MB; notes files are limited to ${MAX_NOTES_BYTES / 1024 / 1024} MB`);
  const info = await stat(path).catch(() => null);
  if (!info) return problem('cannot read this file');
  if (!info.isFile()) return problem('this is not a regular file (a pipe, a device or a socket): notes are Markdown files');
  if (info.size > MAX_NOTES_BYTES) return tooBig(info.size);
  const bytes = await readUpTo(path, info.size, MAX_NOTES_BYTES + 1).catch(() => null);
  if (bytes === null) return problem('cannot read this file');
  if (bytes.length > MAX_NOTES_BYTES) return tooBig(bytes.length);
  const nul = bytes.indexOf(0);
  if (nul >= 0) return problem('this is a binary file, not Markdown notes: it holds a NUL byte here', placeOfByte(bytes, nul));
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return problem('this is not valid UTF-8 here: save the file as UTF-8', placeOfByte(bytes, firstInvalidUtf8(bytes)));
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The line and column of a byte offset, counting characters as an editor shows them. */
function placeOfByte(bytes: Buffer, offset: number): { line: number; col: number } {
  return positionAt(bytes.toString('utf8'), bytes.subarray(0, offset).toString('utf8').length);
}

/**
 * Up to `limit` bytes of a file, in a buffer sized for the `expected` bytes its stat gave and
 * grown only if the file grew since.
 */
async function readUpTo(path: string, expected: number, limit: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    let buffer = Buffer.allocUnsafe(Math.min(expected + 1, limit));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length >= limit) break;
        const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const { bytesRead } = await file.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await file.close();
  }
}

/**
 * The offset of the first invalid UTF-8 sequence: where an editor shows the bad character, so a
 * lead byte whose sequence breaks off ("r\xe9sum\xe9" in Latin-1) is the place, not the byte after it.
 */
function firstInvalidUtf8(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  // The longest prefix that decodes (a sequence cut at the end is not an error mid-stream).
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  for (let start = low - 1; start >= Math.max(0, low - 3); start--) {
    const byte = bytes[start]!;
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > low - start ? start : low;
  }
  return low;
}
