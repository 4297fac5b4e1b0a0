import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

let written = 0;

/** A name beside `path` that no other write, in this process or another, is using. */
const tempFor = (path: string) => `${path}.${process.pid}.${++written}.tmp`;

/**
 * Writes a whole file or nothing: the text goes to a file beside it, which replaces it by a
 * rename only once every byte is written, so a crash or a full disk never leaves a torn file
 * behind. Node's writeFile goes on after a short write and fails on a full disk; a single write
 * call (as write-file-atomic makes) can stop short without an error on a file system that is
 * almost full, and the rename would then put a torn file in place.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempFor(path);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flush: true });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * The same, finished before it returns: for the drill's draft, saved on every key, so what was
 * typed is on disk before the next key is read, whatever happens to the process after. It skips
 * fsync: the rename is still atomic, and a killed or crashed process loses nothing; only a power
 * cut in the last seconds could.
 */
export function writeFileAtomicSync(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = tempFor(path);
  try {
    writeFileSync(temp, text, 'utf8');
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
