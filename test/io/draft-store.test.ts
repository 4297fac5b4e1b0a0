import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import envPaths from 'env-paths';
import { describe, expect, it } from 'vitest';
import { dataDir } from '../../src/io/data-dir.js';
import { createDraftStore, UnreadableDraftError } from '../../src/io/draft-store.js';

interface Draft {
  question: string;
  step: number;
  notes: Record<string, string>;
}

const temp = () => mkdtempSync(join(tmpdir(), 'mlsd-drafts-'));
const draft = (step: number): Draft => ({ question: 'video-recommendation', step, notes: { requirements: `step ${step}: 1B users, 200 ms` } });

describe('draft store', () => {
  it('saves, loads, lists and removes a draft', async () => {
    const dir = temp();
    const store = createDraftStore<Draft>(dir);
    await store.save('video-recommendation-20261122-031500', draft(2), 1_000);

    const path = join(dir, 'drafts', 'video-recommendation-20261122-031500.json');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      version: 1,
      id: 'video-recommendation-20261122-031500',
      savedAt: 1_000,
      draft: draft(2),
    });
    expect(await store.load('video-recommendation-20261122-031500')).toEqual({
      id: 'video-recommendation-20261122-031500',
      savedAt: 1_000,
      draft: draft(2),
      path,
    });
    expect((await store.list()).drafts.map((record) => record.id)).toEqual(['video-recommendation-20261122-031500']);

    await store.remove('video-recommendation-20261122-031500');
    expect(existsSync(path)).toBe(false);
    expect(await store.load('video-recommendation-20261122-031500')).toBeUndefined();
    expect(await store.list()).toEqual({ drafts: [], warnings: [] });
  });

  it('replaces a draft on a later save and leaves no temp files behind', async () => {
    const dir = temp();
    const store = createDraftStore<Draft>(dir);
    await store.save('fraud-detection-1', draft(1), 1_000);
    await store.save('fraud-detection-1', draft(5), 2_000);
    expect(await store.load('fraud-detection-1')).toMatchObject({ savedAt: 2_000, draft: draft(5) });
    expect(readdirSync(join(dir, 'drafts'))).toEqual(['fraud-detection-1.json']);
  });

  it('is empty before anything is saved, and removing a missing draft is fine', async () => {
    const store = createDraftStore<Draft>(join(temp(), 'not-yet'));
    expect(await store.list()).toEqual({ drafts: [], warnings: [] });
    expect(await store.load('nothing-here')).toBeUndefined();
    await expect(store.remove('nothing-here')).resolves.toBeUndefined();
  });

  it('lists the newest first, whatever the names', async () => {
    const store = createDraftStore<Draft>(temp());
    await store.save('a-oldest', draft(1), 1_000);
    await store.save('z-newest', draft(3), 3_000);
    await store.save('m-middle', draft(2), 2_000);
    const { drafts, warnings } = await store.list();
    expect(drafts.map((record) => [record.id, record.savedAt])).toEqual([
      ['z-newest', 3_000],
      ['m-middle', 2_000],
      ['a-oldest', 1_000],
    ]);
    expect(warnings).toEqual([]);
  });

  it('skips a torn file and a file of another version with a warning naming each, and lists the rest', async () => {
    const dir = temp();
    const store = createDraftStore<Draft>(dir);
    await store.save('good-one', draft(1), 1_000);
    await store.save('good-two', draft(2), 2_000);
    const whole = readFileSync(join(dir, 'drafts', 'good-one.json'), 'utf8');
    writeFileSync(join(dir, 'drafts', 'torn.json'), whole.slice(0, whole.length / 2));
    writeFileSync(join(dir, 'drafts', 'future.json'), JSON.stringify({ version: 2, id: 'future', savedAt: 9_000, draft: {} }));
    writeFileSync(join(dir, 'drafts', 'renamed.json'), JSON.stringify({ version: 1, id: 'other', savedAt: 9_000, draft: {} }));

    const { drafts, warnings } = await store.list();
    expect(drafts.map((record) => record.id)).toEqual(['good-two', 'good-one']);
    expect(warnings).toHaveLength(3);
    expect(warnings).toEqual([
      expect.stringMatching(/^drafts\/future\.json: skipped an unreadable draft \(unknown draft version 2/),
      expect.stringMatching(/^drafts\/renamed\.json: skipped an unreadable draft \(.*does not match the file name/),
      expect.stringMatching(/^drafts\/torn\.json: skipped an unreadable draft \(not valid JSON/),
    ]);
  });

  it('ignores files that are not drafts, such as an interrupted atomic write', async () => {
    const dir = temp();
    const store = createDraftStore<Draft>(dir);
    await store.save('kept', draft(1), 1_000);
    writeFileSync(join(dir, 'drafts', 'kept.json.3f2a91c0'), '{"version": 1, "id": "kep');
    writeFileSync(join(dir, 'drafts', 'notes.txt'), 'hello');
    expect(await store.list()).toMatchObject({ drafts: [{ id: 'kept' }], warnings: [] });
  });

  it('throws a named error when loading an unreadable draft, rather than saying there is none', async () => {
    const dir = temp();
    const store = createDraftStore<Draft>(dir);
    await store.save('broken', draft(1), 1_000);
    writeFileSync(join(dir, 'drafts', 'broken.json'), '{"version": 1, "id": "bro');
    const loading = store.load('broken');
    await expect(loading).rejects.toBeInstanceOf(UnreadableDraftError);
    await expect(loading).rejects.toThrow(/^drafts\/broken\.json: not valid JSON/);
  });

  it.each(['', 'Video-Rec', 'a b', '../escape', 'a/b', 'id.json', 'ümlaut'])('rejects the id %j', async (id) => {
    const dir = temp();
    const store = createDraftStore<Draft>(dir);
    await expect(store.save(id, draft(1), 1_000)).rejects.toThrow(/draft id .* must be lowercase letters, digits and hyphens/);
    await expect(store.load(id)).rejects.toThrow(/draft id/);
    await expect(store.remove(id)).rejects.toThrow(/draft id/);
    expect(existsSync(join(dir, 'drafts'))).toBe(false);
  });

  it('rejects a savedAt that is not a time', async () => {
    const store = createDraftStore<Draft>(temp());
    await expect(store.save('ok-id', draft(1), Number.NaN)).rejects.toThrow(/savedAt/);
  });
});

describe('a data folder that cannot be written', () => {
  // Below a regular file nothing can be made, whoever runs the test; a chmod would not stop root.
  const underAFile = () => {
    const file = join(temp(), 'a-file');
    writeFileSync(file, 'not a folder');
    return join(file, 'mlsd');
  };

  it('checkWritable passes where drafts can be saved, and leaves nothing behind that list() would see', async () => {
    const dir = temp();
    const store = createDraftStore<Draft>(dir);
    await expect(store.checkWritable()).resolves.toBeUndefined();
    expect(store.folder).toBe(join(dir, 'drafts'));
    expect(readdirSync(join(dir, 'drafts'))).toEqual([]);
    expect(await store.list()).toEqual({ drafts: [], warnings: [] });
  });

  it('checkWritable throws the error a save would throw', async () => {
    const store = createDraftStore<Draft>(underAFile());
    const save = store.save('a-draft', draft(1), 1_000).catch((error: NodeJS.ErrnoException) => error.code);
    const check = store.checkWritable().catch((error: NodeJS.ErrnoException) => error.code);
    expect(await save).toBe('ENOTDIR');
    expect(await check).toBe('ENOTDIR');
    expect(() => store.saveSync('a-draft', draft(1), 1_000)).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  // A read-only tmpfs in a mount namespace of the child's own: nothing is mounted for anyone else.
  const canMount = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$0"', temp()]).status === 0;

  it.skipIf(!canMount)('names a read-only file system as such, where recursive mkdir alone says ENOENT', () => {
    const code = `
      const { createDraftStore } = await import(process.env.STORE);
      const store = createDraftStore(process.env.HOME_DIR);
      const codeOf = async (act) => { try { await act(); return 'ok'; } catch (error) { return error.code; } };
      console.log([
        await codeOf(() => store.checkWritable()),
        await codeOf(() => store.save('a-draft', {}, 1)),
        await codeOf(() => store.saveSync('a-draft', {}, 1)),
      ].join(' '));`;
    const home = temp();
    const store = new URL('../../dist/io/draft-store.js', import.meta.url).href;
    const result = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o ro tmpfs "$0" && exec "$1" --input-type=module -e "$2"', home, process.execPath, code], {
      encoding: 'utf8',
      env: { ...process.env, STORE: store, HOME_DIR: home },
    });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('EROFS EROFS EROFS');
  });

  it('holds no drafts, rather than failing --resume with an internal error', async () => {
    const store = createDraftStore<Draft>(underAFile());
    expect(await store.list()).toEqual({ drafts: [], warnings: [] });
    expect(await store.load('a-draft')).toBeUndefined();
  });
});

describe('dataDir', () => {
  it('is MLSD_HOME when set, made absolute', () => {
    const home = temp();
    expect(dataDir({ MLSD_HOME: home })).toBe(home);
    expect(dataDir({ MLSD_HOME: 'state/mlsd' }, '/srv/work')).toBe('/srv/work/state/mlsd');
    expect(isAbsolute(dataDir({ MLSD_HOME: 'rel' }))).toBe(true);
  });

  it("is the platform's data folder for mlsd otherwise", () => {
    const expected = envPaths('mlsd', { suffix: '' }).data;
    expect(dataDir({})).toBe(expected);
    expect(dataDir({ MLSD_HOME: '' })).toBe(expected);
    expect(expected).toMatch(/mlsd$|mlsd[\\/]Data$/);
  });
});
