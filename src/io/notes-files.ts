import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Problem } from '../core/yaml-file.js';
import { displayPath } from './bank-files.js';

export interface NotesPaths {
  /** Absolute paths of the notes files to grade, in a stable order, without repeats. */
  files: string[];
  problems: Problem[];
}

/**
 * Expands what the user named into notes files: files as they are, folders recursively (their
 * `*.md` files, README.md aside, as that is the folder's own documentation), and globs (README.md
 * aside too).
 */
export async function findNotesFiles(paths: readonly string[], cwd: string): Promise<NotesPaths> {
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    if (isDynamicPattern(path)) {
      const matches = await glob(path, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/[Rr][Ee][Aa][Dd][Mm][Ee].md'] });
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

/** A notes file's text, or the problem that kept it from being read: missing, unreadable, or over the limit. */
export async function readNotesFile(path: string, shown: string): Promise<{ text: string } | { problem: Problem }> {
  const problem = (message: string) => ({ problem: { file: shown, line: 1, col: 1, message } });
  const info = await stat(path).catch(() => null);
  if (!info) return problem('cannot read this file');
  if (info.size > MAX_NOTES_BYTES) {
    return problem(`this file is ${(info.size / 1024 / 1024).toFixed(1)} MB; notes files are limited to ${MAX_NOTES_BYTES / 1024 / 1024} MB`);
  }
  const text = await readFile(path, 'utf8').catch(() => null);
  return text === null ? problem('cannot read this file') : { text };
}
