import { resolve } from 'node:path';
import envPaths from 'env-paths';

/**
 * The folder that holds drafts, attempts and history: `MLSD_HOME` when set (relative to `cwd`),
 * else the platform's user data folder. Each store names its own entry below it.
 */
export function dataDir(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): string {
  const home = env.MLSD_HOME;
  if (home !== undefined && home !== '') return resolve(cwd, home);
  return envPaths('mlsd', { suffix: '' }).data;
}

/** The folder for what can be rebuilt at any time (the built bank): `cache` below MLSD_HOME when set, else the platform's user cache folder. */
export function cacheDir(env: Readonly<Record<string, string | undefined>>, cwd = process.cwd()): string {
  const home = env.MLSD_HOME;
  if (home !== undefined && home !== '') return resolve(cwd, home, 'cache');
  return envPaths('mlsd', { suffix: '' }).cache;
}
