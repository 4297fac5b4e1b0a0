import { readFile, realpath } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { PracticeSetSchema, type PracticeSet } from '../core/schema/practice-set.js';
import { parseYamlFile, type Problem } from '../core/yaml-file.js';
import { displayPath } from './bank-files.js';

export interface LoadedSet {
  set: PracticeSet;
  /** The set's answers folder and bank folder, resolved against the set file's folder. */
  answersDir: string;
  bankDir: string | null;
  file: string;
}

export async function loadPracticeSet(path: string, cwd: string): Promise<{ loaded?: LoadedSet; problems: Problem[] }> {
  const absolute = resolve(cwd, path);
  const file = displayPath(absolute, cwd);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch {
    return { problems: [{ file, line: 1, col: 1, message: 'practice set file not found' }] };
  }
  const parsed = parseYamlFile(text, file, PracticeSetSchema);
  if (!parsed.ok) return { problems: parsed.problems };
  const set = parsed.file.value;
  const base = dirname(absolute);
  const answersDir = resolve(base, set.answers);
  const bankDir = set.bank ? resolve(base, set.bank) : null;
  // The schema keeps the paths inside the set's folder as written; a symbolic link on the way could still lead out.
  const problems: Problem[] = [];
  for (const [key, dir] of [['answers', answersDir], ['bank', bankDir]] as const) {
    if (dir && !(await staysInside(dir, base))) {
      problems.push({ file, ...parsed.file.locate([key]), message: `"${key}" leads outside the set's folder through a symbolic link: a set's paths must stay inside its folder` });
    }
  }
  if (problems.length > 0) return { problems };
  return { loaded: { set, file, answersDir, bankDir }, problems: [] };
}

/** Whether `dir`, with every symbolic link on its way followed, is `base` or below it; a missing folder leads nowhere. */
async function staysInside(dir: string, base: string): Promise<boolean> {
  const [real, realBase] = await Promise.all([realpath(dir).catch(() => null), realpath(base).catch(() => base)]);
  return real === null || real === realBase || real.startsWith(realBase + sep);
}
