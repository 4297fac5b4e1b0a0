import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { aliasWords } from '../../src/core/scoring/matcher.js';
import { bankCacheKey, readAliasKeys, readBankCache, writeBankCache } from '../../src/io/bank-cache.js';
import { bankDirs, findBankFiles } from '../../src/io/bank-files.js';
import { loadBank } from '../../src/io/bank-loader.js';
import { ROOT, runCli, spawnCli } from '../helpers/cli.js';

const OWN_BANK = join(ROOT, 'test/fixtures/grade/own-bank/bank');
const LONG_AGO = new Date('2026-01-01T00:00:00Z');

/** A copy of the own-bank fixture whose files are old enough to be cached. */
function settledBank(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-cache-bank-'));
  cpSync(OWN_BANK, dir, { recursive: true });
  for (const file of findBankFiles([dir])) utimesSync(file.path, LONG_AGO, LONG_AGO);
  return dir;
}

const plainPacks = (rubrics: ReadonlyMap<string, { file: string; value: unknown }>) => [...rubrics].map(([name, pack]) => [name, { file: pack.file, value: pack.value }]);

describe('the bank cache', () => {
  test('gives back the bank it was given: every question, checklist and pack', async () => {
    const { bank } = await loadBank([OWN_BANK], ROOT);
    const path = join(mkdtempSync(join(tmpdir(), 'mlsd-cache-')), 'bank.json');
    await writeBankCache(path, 'key', bank);
    const cached = readBankCache(path, 'key');
    expect(cached).not.toBeNull();
    expect(cached!.questions).toEqual(bank.questions);
    expect(plainPacks(cached!.rubrics)).toEqual(plainPacks(bank.rubrics));
  });

  test('keeps beside it the trie keys of every alias of the bank, under the same key', async () => {
    const { bank } = await loadBank([], ROOT);
    const path = join(mkdtempSync(join(tmpdir(), 'mlsd-cache-')), 'bank.json');
    await writeBankCache(path, 'key', bank);
    const kept = new Map(readAliasKeys(path, 'key'));
    const aliases = bank.questions.flatMap((entry) => [
      ...entry.items.flatMap((item) => item.any),
      ...entry.antipatterns.flatMap((rule) => (rule.kind === 'mention' ? [...rule.any, ...rule.unless] : [])),
    ]);
    expect(aliases.length).toBeGreaterThan(1000);
    for (const alias of aliases) expect(kept.get(alias), alias).toEqual(aliasWords(alias));
    expect(readAliasKeys(path, 'other')).toBeNull();
  });

  test.each([
    ['no file', (path: string) => rmSync(path)],
    ['a torn file', (path: string) => writeFileSync(path, readFileSync(path, 'utf8').slice(0, 100))],
    ['another key', (path: string) => writeFileSync(path, readFileSync(path, 'utf8').replace('"key":"key"', '"key":"other"'))],
  ])('misses with %s', async (_, spoil) => {
    const { bank } = await loadBank([], ROOT);
    const path = join(mkdtempSync(join(tmpdir(), 'mlsd-cache-')), 'bank.json');
    await writeBankCache(path, 'key', bank);
    spoil(path);
    expect(readBankCache(path, 'key')).toBeNull();
  });

  test('its key changes with any file, the set of files, the version or the working folder', () => {
    const dir = settledBank();
    const key = () => bankCacheKey(findBankFiles(bankDirs([dir], ROOT)), ROOT, '1.0.0').key;
    const first = key();
    expect(key()).toBe(first);
    expect(bankCacheKey(findBankFiles(bankDirs([dir], ROOT)), ROOT, '1.0.1').key).not.toBe(first);
    expect(bankCacheKey(findBankFiles(bankDirs([dir], ROOT)), tmpdir(), '1.0.0').key).not.toBe(first);
    const question = join(dir, 'questions/food-delivery-eta.yaml');
    writeFileSync(question, `${readFileSync(question, 'utf8')}\n`);
    const edited = key();
    expect(edited).not.toBe(first);
    writeFileSync(join(dir, 'questions/another.yaml'), 'id: another\n');
    expect(key()).not.toBe(edited);
  });

  test('a bank changed in the last seconds is not settled, so it is not cached yet', () => {
    const dir = settledBank();
    const files = findBankFiles([dir]);
    expect(bankCacheKey(files, ROOT, '1.0.0').settled).toBe(true);
    writeFileSync(files[0]!.path, readFileSync(files[0]!.path, 'utf8'));
    expect(bankCacheKey(files, ROOT, '1.0.0').settled).toBe(false);
    expect(bankCacheKey(files, ROOT, '1.0.0', Date.now() + 10_000).settled).toBe(true);
  });
});

describe('commands with the bank cache', () => {
  const listTitles = async (home: string, dir: string) => {
    const result = await runCli(['list', '--json', '--bank', dir], { env: { MLSD_HOME: home } });
    expect(result.code).toBe(0);
    return (JSON.parse(result.stdout) as { id: string; title: string }[]).find((row) => row.id === 'food-delivery-eta')?.title;
  };

  test('a cached bank is used until a file changes, then read again', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlsd-cache-home-'));
    const dir = settledBank();
    const title = await listTitles(home, dir);
    expect(title).toBeDefined();
    expect(existsSync(join(home, 'cache/bank.json'))).toBe(true);
    const indexPath = join(home, 'cache/bank-index.json');
    writeFileSync(indexPath, readFileSync(indexPath, 'utf8').replace(JSON.stringify(title), '"Read from the index"'));
    expect(await listTitles(home, dir)).toBe('Read from the index');
    rmSync(indexPath);
    const cachePath = join(home, 'cache/bank.json');
    writeFileSync(cachePath, readFileSync(cachePath, 'utf8').replace(JSON.stringify(title), '"Read from the cache"'));
    expect(await listTitles(home, dir)).toBe('Read from the cache');
    const question = join(dir, 'questions/food-delivery-eta.yaml');
    writeFileSync(question, readFileSync(question, 'utf8').replace(/^title: .*$/m, 'title: A changed title'));
    utimesSync(question, new Date('2026-02-01T00:00:00Z'), new Date('2026-02-01T00:00:00Z'));
    expect(await listTitles(home, dir)).toBe('A changed title');
  });

  test('a bank with a problem is never cached, so each run reports it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlsd-cache-home-'));
    const dir = settledBank();
    const question = join(dir, 'questions/food-delivery-eta.yaml');
    writeFileSync(question, readFileSync(question, 'utf8').replace(/^difficulty: .*$/m, 'difficulty: impossible'));
    utimesSync(question, LONG_AGO, LONG_AGO);
    for (let run = 0; run < 2; run++) {
      const result = await runCli(['list', '--bank', dir], { env: { MLSD_HOME: home } });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/food-delivery-eta\.yaml:\d+:\d+: .*difficulty/);
    }
    expect(existsSync(join(home, 'cache/bank.json'))).toBe(false);
  });

  test('a torn cache file is read past: the bank loads from its files', async () => {
    const home = mkdtempSync(join(tmpdir(), 'mlsd-cache-home-'));
    const dir = settledBank();
    const title = await listTitles(home, dir);
    writeFileSync(join(home, 'cache/bank.json'), '{"key":');
    expect(await listTitles(home, dir)).toBe(title);
  });

  test('grading 20 files or more starts from the cached alias keys, and grades as without a cache', () => {
    const home = mkdtempSync(join(tmpdir(), 'mlsd-cache-home-'));
    const notes = mkdtempSync(join(tmpdir(), 'mlsd-cache-notes-'));
    for (let index = 0; index < 20; index++) cpSync(join(ROOT, 'questions/examples/ad-click-prediction/strong.md'), join(notes, `answer-${String(index).padStart(2, '0')}.md`));
    const grade = (paths: string[], env: Record<string, string> = {}) => spawnCli(['grade', ...paths, '--reporter', 'json'], { env: { MLSD_HOME: home, ...env } });
    const uncached = grade([notes], { MLSD_CACHE: '0' });
    expect(uncached.code).toBe(0);
    expect(grade([notes]).stdout).toBe(uncached.stdout);
    expect(grade([notes]).stdout).toBe(uncached.stdout);

    const aliasesPath = join(home, 'cache/bank-aliases.json');
    const cache = JSON.parse(readFileSync(aliasesPath, 'utf8')) as { key: string; aliasKeys: [string, string[]][] };
    writeFileSync(aliasesPath, JSON.stringify({ ...cache, aliasKeys: cache.aliasKeys.map(([alias]) => [alias, ['matches-nothing']]) }));
    expect(grade([notes]).stdout).not.toBe(uncached.stdout);
    const one = join(notes, 'answer-00.md');
    expect(grade([one]).stdout).toBe(grade([one], { MLSD_CACHE: '0' }).stdout);
  });
});
