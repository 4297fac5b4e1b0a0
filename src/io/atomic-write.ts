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
 * The same, finished before it returns: for the drill's draft, saved on every key, so what was
 * typed is on disk before the next key is read, whatever happens to the process after. It skips
 * fsync: the rename is still atomic, and a killed or crashed process loses nothing; only a power
 * cut in the last seconds could.
 */
export function writeFileAtomicSync(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomicLib.sync(path, text, { encoding: 'utf8', fsync: false });
}
