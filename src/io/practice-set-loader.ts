import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
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
  return {
    loaded: { set, file, answersDir: resolve(base, set.answers), bankDir: set.bank ? resolve(base, set.bank) : null },
    problems: [],
  };
}
