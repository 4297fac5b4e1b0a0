import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
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

/**
 * The `*.md` files below a folder, README.md and node_modules aside (a folder inside node_modules
 * has none), read one folder at a time: a recursive read of 100,000 files at once holds an entry
 * for each of them and more, 84 MB of heap at its peak for 12 MB of paths, and the heap it grew
 * stays with the process for the rest of the run.
 */
async function markdownBelow(dir: string): Promise<string[]> {
  if (`${dir}/`.includes('/node_modules/')) return [];
  const found: string[] = [];
  const folders = [dir];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') folders.push(path);
      } else if (entry.isFile() && /\.md$/i.test(entry.name) && !/^readme\.md$/i.test(entry.name)) found.push(path);
    }
  }
  return found.sort();
}

/** Notes longer than this are not an answer typed in 45 minutes; reading them would only cost time. */
export const MAX_NOTES_BYTES = 5 * 1024 * 1024;

/** A size in bytes, exact: a file just over the limit reads "5.0 MB" when rounded. */
const byteCount = (size: number) => `${size.toLocaleString('en-US')} bytes`;

/**
 * A notes file's text, or the problem that kept it from being read: missing, not a regular file
 * (a pipe or a device could block or never end), over the limit, binary, or not UTF-8. The file
 * is opened without blocking, so opening a pipe returns at once, and is then checked by its own
 * descriptor, so it cannot be swapped between the check and the read. The read stops one byte
 * past the limit, so a file that grows while it is read cannot get past it. The reads are
 * synchronous: a grading thread has nothing else to do meanwhile, and each costs a few
 * microseconds where a promise round trip through the thread pool costs ten times that.
 */
export function readNotesFile(path: string, shown: string): { text: string } | { problem: Problem } {
  const problem = (message: string, at = { line: 1, col: 1 }) => ({ problem: { file: shown, ...at, message } });
  const tooBig = (size: number) =>
    problem(`this file is ${(size / 1024 / 1024).toFixed(1)} MB (${byteCount(size)}); notes files are limited to ${MAX_NOTES_BYTES / 1024 / 1024} MB (${byteCount(MAX_NOTES_BYTES)})`);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return problem('cannot read this file');
  }
  let bytes: Buffer;
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return problem('this is not a regular file (a pipe, a device or a socket): notes are Markdown files');
    if (info.size > MAX_NOTES_BYTES) return tooBig(info.size);
    bytes = readUpTo(fd, info.size, MAX_NOTES_BYTES + 1);
  } catch {
    return problem('cannot read this file');
  } finally {
    closeSync(fd);
  }
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
 * Up to `limit` bytes of an open file, in a buffer sized for the `expected` bytes its stat gave
 * and grown only if the file grew since.
 */
function readUpTo(fd: number, expected: number, limit: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(expected + 1, limit));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= limit) break;
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, length);
    if (read === 0) break;
    length += read;
  }
  return buffer.subarray(0, length);
}

/**
 * The offset of the first invalid UTF-8 sequence: where an editor shows the bad character, so a
 * lead byte whose sequence breaks off ("r\xe9sum\xe9" in Latin-1) is the place, not the byte after it.
 */
function firstInvalidUtf8(bytes: Buffer): number {
  const decodes = (end: number, stream: boolean) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  // The longest prefix that decodes when more may follow (a sequence cut at its end is no error yet).
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (decodes(middle, true)) low = middle;
    else high = middle - 1;
  }
  if (decodes(low, false)) return low;
  // The prefix ends inside a sequence that the next byte breaks: the error is where that sequence starts.
  while (low > 0 && (bytes[low - 1]! & 0xc0) === 0x80) low--;
  return low > 0 && bytes[low - 1]! >= 0xc0 ? low - 1 : low;
}
