import { readFile } from 'node:fs/promises';
import { buildBank, type Bank, type SourceFile } from '../core/bank.js';
import type { Problem } from '../core/yaml-file.js';
import { bankDirs, displayPath, findBankFiles, type BankFile } from './bank-files.js';

export interface LoadedBank {
  bank: Bank;
  problems: Problem[];
  /** Every folder read, built-in first. */
  dirs: string[];
}

/** Reads the built-in bank and each extra folder or file, resolved against `cwd`. */
export function loadBank(extraDirs: readonly string[], cwd: string): Promise<LoadedBank> {
  const dirs = bankDirs(extraDirs, cwd);
  return readBank(findBankFiles(dirs), dirs, cwd);
}

/**
 * Reads and builds the bank from its files (findBankFiles). A YAML file named directly or at the
 * top of an extra folder is sorted by its content: a `name` without an `id` is a rubric pack.
 */
export async function readBank(files: readonly BankFile[], dirs: string[], cwd: string): Promise<LoadedBank> {
  const questions: SourceFile[] = [];
  const rubrics: SourceFile[] = [];
  const problems: Problem[] = [];
  const texts = await Promise.all(files.map((file) => (file.role === 'missing' ? '' : readFile(file.path, 'utf8'))));
  files.forEach((file, index) => {
    const source = { path: displayPath(file.path, cwd), text: texts[index]! };
    if (file.role === 'missing') {
      problems.push({ file: source.path, line: 1, col: 1, message: 'expected a bank folder or a YAML file: not found' });
      return;
    }
    const rubric = file.role === 'rubric' || (file.role === 'either' && looksLikeRubric(source.text));
    (rubric ? rubrics : questions).push(source);
  });
  const built = buildBank({ questions, rubrics });
  return { bank: built.bank, problems: [...problems, ...built.problems], dirs };
}

function looksLikeRubric(text: string): boolean {
  return /^name\s*:/m.test(text) && !/^id\s*:/m.test(text);
}
