import { readdirSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kindOfExample } from '../core/scoring/bands.js';
import type { ExampleFile } from '../core/self-test.js';

/** The package's own folder, which holds the built-in questions/ and rubrics/. */
export const BUILTIN_BANK = fileURLToPath(new URL('../../', import.meta.url));

/**
 * One file of a bank, in the order the bank reads them: `question` and `rubric` by the folder it
 * is in, `either` for a YAML file named directly or at the top of an extra folder, sorted by its
 * content when read. `missing` is a named path that is neither a folder nor a YAML file.
 */
export interface BankFile {
  path: string;
  role: 'question' | 'rubric' | 'either' | 'missing';
}

/** The bank folders in reading order: the built-in bank, then each extra one resolved against `cwd`. */
export function bankDirs(extraDirs: readonly string[], cwd: string): string[] {
  return [BUILTIN_BANK, ...extraDirs.map((dir) => resolve(cwd, dir))];
}

/**
 * Every file the bank is read from. A folder holds questions/*.yaml and rubrics/*.yaml; an extra
 * folder may also hold YAML files at its top level.
 */
export function findBankFiles(dirs: readonly string[]): BankFile[] {
  const files: BankFile[] = [];
  for (const dir of dirs) {
    const kind = pathKind(dir);
    if (kind === 'file' && /\.ya?ml$/.test(dir)) {
      files.push({ path: dir, role: 'either' });
      continue;
    }
    if (kind !== 'directory') {
      files.push({ path: dir, role: 'missing' });
      continue;
    }
    files.push(...yamlFiles(join(dir, 'questions')).map((path) => ({ path, role: 'question' as const })));
    files.push(...yamlFiles(join(dir, 'rubrics')).map((path) => ({ path, role: 'rubric' as const })));
    if (dir !== BUILTIN_BANK) files.push(...yamlFiles(dir).map((path) => ({ path, role: 'either' as const })));
  }
  return files;
}

function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

function pathKind(path: string): 'file' | 'directory' | 'missing' {
  const info = statSync(path, { throwIfNoEntry: false });
  return info === undefined ? 'missing' : info.isDirectory() ? 'directory' : 'file';
}

/** A path as the user would type it: relative to where they stand when it is below it. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** The example answers of every question in the given bank folders: questions/examples/<id>/*.md. */
export async function loadExamples(dirs: readonly string[], cwd: string): Promise<ExampleFile[]> {
  const examples: ExampleFile[] = [];
  for (const dir of dirs) {
    const root = join(dir, 'questions', 'examples');
    const questions = await readdir(root, { withFileTypes: true }).catch(() => []);
    for (const question of questions.filter((entry) => entry.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      const folder = join(root, question.name);
      for (const name of (await readdir(folder)).filter((file) => file.endsWith('.md')).sort()) {
        examples.push({
          question: question.name,
          path: displayPath(join(folder, name), cwd),
          kind: kindOfExample(name),
          text: await readFile(join(folder, name), 'utf8'),
        });
      }
    }
  }
  return examples;
}

/** The text of one example answer of a question (questions/examples/<id>/<name>), from the last bank folder that has it. */
export async function readExample(dirs: readonly string[], question: string, name = 'strong.md'): Promise<string | null> {
  for (const dir of [...dirs].reverse()) {
    const text = await readFile(join(dir, 'questions', 'examples', question, name), 'utf8').catch(() => null);
    if (text !== null) return text;
  }
  return null;
}
