import { mkdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomicLib from 'write-file-atomic';

/** Writes a whole file or nothing: a crash mid-write never leaves a torn file behind. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomicLib(path, text, { encoding: 'utf8' });
}

/**
 * The same, finished before it returns: for the drill's draft, so a line typed is on disk before
 * the next key is read, whatever happens to the process after.
 */
export function writeFileAtomicSync(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomicLib.sync(path, text, { encoding: 'utf8' });
}
