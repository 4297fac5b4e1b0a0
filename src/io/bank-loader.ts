import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBank, type Bank, type SourceFile } from '../core/bank.js';
import type { Problem } from '../core/yaml-file.js';
import { kindOfExample } from '../core/scoring/bands.js';
import type { ExampleFile } from '../core/self-test.js';

/** The package's own folder, which holds the built-in questions/ and rubrics/. */
export const BUILTIN_BANK = fileURLToPath(new URL('../../', import.meta.url));

export interface LoadedBank {
  bank: Bank;
  problems: Problem[];
  /** Every folder read, built-in first. */
  dirs: string[];
}

/**
 * Reads the built-in bank and each extra folder or file. A folder holds questions/*.yaml and
 * rubrics/*.yaml; YAML files at its top level, and files named directly, are sorted by content
 * (a `name` without an `id` is a rubric pack).
 */
export async function loadBank(extraDirs: readonly string[], cwd: string): Promise<LoadedBank> {
  const dirs = [BUILTIN_BANK, ...extraDirs.map((dir) => resolve(cwd, dir))];
  const questions: SourceFile[] = [];
  const rubrics: SourceFile[] = [];
  const problems: Problem[] = [];
  for (const dir of dirs) {
    const kind = await pathKind(dir);
    if (kind === 'file' && /\.ya?ml$/.test(dir)) {
      const file = { path: displayPath(dir, cwd), text: await readFile(dir, 'utf8') };
      (looksLikeRubric(file.text) ? rubrics : questions).push(file);
      continue;
    }
    if (kind !== 'directory') {
      problems.push({ file: displayPath(dir, cwd), line: 1, col: 1, message: 'expected a bank folder or a YAML file: not found' });
      continue;
    }
    questions.push(...(await readYamlFiles(join(dir, 'questions'), cwd)));
    rubrics.push(...(await readYamlFiles(join(dir, 'rubrics'), cwd)));
    if (dir !== BUILTIN_BANK) {
      for (const file of await readYamlFiles(dir, cwd)) {
        (looksLikeRubric(file.text) ? rubrics : questions).push(file);
      }
    }
  }
  const built = buildBank({ questions, rubrics });
  return { bank: built.bank, problems: [...problems, ...built.problems], dirs };
}

async function readYamlFiles(dir: string, cwd: string): Promise<SourceFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const files = names.filter((name) => /\.ya?ml$/.test(name)).sort();
  return Promise.all(
    files.map(async (name) => ({
      path: displayPath(join(dir, name), cwd),
      text: await readFile(join(dir, name), 'utf8'),
    })),
  );
}

function looksLikeRubric(text: string): boolean {
  return /^name\s*:/m.test(text) && !/^id\s*:/m.test(text);
}

async function pathKind(path: string): Promise<'file' | 'directory' | 'missing'> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'directory' : 'file';
  } catch {
    return 'missing';
  }
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
