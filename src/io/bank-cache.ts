import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assembleQuestion } from '../core/bank-assembly.js';
import type { Bank, RubricPack } from '../core/bank.js';
import type { QuestionSummary } from '../core/question-filter.js';
import type { Question } from '../core/schema/question.js';
import type { BankFile } from './bank-files.js';

/**
 * The built bank kept between runs, so a start that reads it does not parse YAML or load the
 * schema library; beside it, the trie keys of its aliases, so that grading does not tokenize
 * them all again. A cache is used only when its key matches: the same mlsd version and build,
 * working folder and files, each with the same size, modification time and inode. Only a bank
 * that loaded without a single problem is kept, so a hit never hides one.
 */
interface CacheFile extends PackedBank {
  key: string;
}

/** A bank as plain data: each question once, with its packs by name, rather than every checklist in full. */
export interface PackedBank {
  questions: { question: Question; file: string }[];
  rubrics: [string, RubricPack][];
}

export function packBank(bank: Bank): PackedBank {
  return {
    questions: bank.questions.map((entry) => ({ question: entry.question, file: entry.file })),
    rubrics: [...bank.rubrics].map(([name, pack]) => [name, { value: pack.value, file: pack.file }]),
  };
}

export function unpackBank(packed: PackedBank): Bank {
  const rubrics = new Map(packed.rubrics);
  return { questions: packed.questions.map((entry) => assembleQuestion(entry.question, entry.file, rubrics)), rubrics };
}

/**
 * What a cache must match: any change to a bank file, its set of files, the version or `cwd`
 * misses. File times are only as fine as the file system's clock tick, so a file changed in the
 * last seconds could change again without its stamp changing: such a bank is not `settled`, and
 * is not cached until it is.
 */
export function bankCacheKey(files: readonly BankFile[], cwd: string, version: string, now = Date.now()): { key: string; settled: boolean } {
  let newest = 0n;
  const stamps = files.map((file) => {
    const info = statSync(file.path, { bigint: true, throwIfNoEntry: false });
    if (info && info.mtimeNs > newest) newest = info.mtimeNs;
    return [file.path, file.role, info ? `${info.size}:${info.mtimeNs}:${info.ino}` : 'missing'];
  });
  return { key: JSON.stringify([version, BUILT, cwd, stamps]), settled: newest < BigInt(now - SETTLE_MS) * 1_000_000n };
}

const SETTLE_MS = 2000;

/** When this code was built: a rebuild misses every cache, as the alias keys it holds may be read differently. */
const BUILT = statSync(fileURLToPath(import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? 0;

/** The cached bank under `key`, or null when there is none, it is unreadable or stale. */
export function readBankCache(path: string, key: string): Bank | null {
  const cache = readCacheFile<CacheFile>(path, key);
  return cache ? unpackBank(cache) : null;
}

/** The summaries of the cached bank's questions, kept beside it for `mlsd list`: a fraction of its size. */
export function readQuestionIndex(path: string, key: string): QuestionSummary[] | null {
  return readCacheFile<IndexFile>(indexPath(path), key)?.questions ?? null;
}

interface IndexFile {
  key: string;
  questions: QuestionSummary[];
}

const indexPath = (path: string) => path.replace(/\.json$/, '-index.json');

/**
 * The trie keys of the cached bank's aliases (see aliasWords in core/scoring/matcher.ts), or null
 * when there are none under `key`: kept apart from the bank, which most commands read without
 * scoring anything.
 */
export function readAliasKeys(path: string, key: string): AliasKeys | null {
  return readCacheFile<AliasFile>(aliasPath(path), key)?.aliasKeys ?? null;
}

/** Aliases with their trie keys, as rememberAliasKeys takes them. */
export type AliasKeys = [string, readonly string[]][];

interface AliasFile {
  key: string;
  aliasKeys: AliasKeys;
}

const aliasPath = (path: string) => path.replace(/\.json$/, '-aliases.json');

function readCacheFile<T extends { key: string }>(path: string, key: string): T | null {
  try {
    const cache = JSON.parse(readFileSync(path, 'utf8')) as T;
    return cache.key === key ? cache : null;
  } catch {
    return null;
  }
}

/** Keeps the bank for the next run; a folder that cannot be written only means no cache. */
export async function writeBankCache(path: string, key: string, bank: Bank): Promise<void> {
  const cache: CacheFile = { key, ...packBank(bank) };
  const index: IndexFile = { key, questions: bank.questions.map(({ question: { id, title, difficulty, tags, prompt } }) => ({ id, title, difficulty, tags, prompt })) };
  const { writeFileAtomic } = await import('./atomic-write.js');
  await writeFileAtomic(path, JSON.stringify(cache)).catch(() => undefined);
  await writeFileAtomic(indexPath(path), JSON.stringify(index)).catch(() => undefined);
  const aliases: AliasFile = { key, aliasKeys: await aliasKeysOf(bank) };
  await writeFileAtomic(aliasPath(path), JSON.stringify(aliases)).catch(() => undefined);
}

/** The keys of every alias of the bank's checklists and anti-patterns: those that compiling each question's matcher reads. */
async function aliasKeysOf(bank: Bank): Promise<AliasKeys> {
  const { aliasKeysRead, compileMatcher } = await import('../core/scoring/matcher.js');
  for (const entry of bank.questions) compileMatcher(entry.items, entry.antipatterns);
  return aliasKeysRead();
}
