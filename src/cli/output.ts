import { CliError } from './errors.js';

const REASONS: Record<string, string> = {
  EISDIR: 'it is a folder',
  ENOENT: 'its folder does not exist and cannot be created',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EEXIST: 'a part of its path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

/** Why a file could not be written, in words; the system's code when there are none. */
export function writeFailure(error: unknown): string {
  const code = (error as { code?: string }).code;
  return (code && REASONS[code]) ?? (code ? `${code}` : String(error));
}

/** Writes a file the user named; a failure is the user's to fix, so it is a CliError (exit 2). */
export async function writeUserFile(path: string, text: string, shown: string): Promise<void> {
  const { writeFileAtomic } = await import('../io/atomic-write.js');
  try {
    await writeFileAtomic(path, text);
  } catch (error) {
    throw new CliError(`cannot write ${shown}: ${writeFailure(error)}`);
  }
}
