import { mkdirSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic, writeFileAtomicSync } from './atomic-write.js';

const VERSION = 1;
const ID = /^[a-z0-9-]+$/;

export interface DraftRecord<T> {
  id: string;
  /** When the draft was saved, in ms since the epoch, as the caller's clock said. */
  savedAt: number;
  draft: T;
  /** The draft's file, absolute. */
  path: string;
}

export interface DraftStore<T> {
  /** Replaces the draft with this id as a whole: a crash leaves the old one or the new one. */
  save(id: string, draft: T, savedAt: number): Promise<void>;
  /** The same, on disk before it returns. */
  saveSync(id: string, draft: T, savedAt: number): void;
  /** The draft with this id, or undefined when there is none; an unreadable one throws UnreadableDraftError. */
  load(id: string): Promise<DraftRecord<T> | undefined>;
  /** Every readable draft, newest first; each unreadable file is skipped with a warning. */
  list(): Promise<{ drafts: DraftRecord<T>[]; warnings: string[] }>;
  /** Deletes the draft; a draft that is not there is fine. */
  remove(id: string): Promise<void>;
  /** Throws, as a save would, when no draft can be saved now: a read-only, full or missing folder. */
  checkWritable(): Promise<void>;
  /** The folder the drafts are saved in, absolute. */
  readonly folder: string;
}

/** A draft file that exists but cannot be read back: torn, corrupt, or from another version. */
export class UnreadableDraftError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'UnreadableDraftError';
  }
}

function serialize<T>(id: string, draft: T, savedAt: number): string {
  if (!Number.isFinite(savedAt)) throw new Error(`draft ${id}: savedAt must be a time in ms, got ${savedAt}`);
  return `${JSON.stringify({ version: VERSION, id, savedAt, draft }, null, 2)}\n`;
}

/** Drafts of drills in progress, one JSON file each in `<dataDir>/drafts/`. */
export function createDraftStore<T>(dataDir: string): DraftStore<T> {
  const folder = join(dataDir, 'drafts');
  const pathOf = (id: string) => join(folder, `${checkId(id)}.json`);

  async function readDraft(id: string): Promise<DraftRecord<T> | undefined> {
    const path = pathOf(id);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw new UnreadableDraftError(shortName(id), `could not be read (${errorCode(error)})`);
    }
    const parsed = parseDraft<T>(text, id);
    if (typeof parsed === 'string') throw new UnreadableDraftError(shortName(id), parsed);
    return { ...parsed, path };
  }

  return {
    folder,

    async save(id, draft, savedAt) {
      const path = pathOf(id);
      await makeFolder(folder);
      await writeFileAtomic(path, serialize(id, draft, savedAt));
    },

    saveSync(id, draft, savedAt) {
      const path = pathOf(id);
      makeFolderSync(folder);
      writeFileAtomicSync(path, serialize(id, draft, savedAt));
    },

    load: readDraft,

    async list() {
      let names: string[];
      try {
        names = await readdir(folder);
      } catch (error) {
        if (isMissing(error)) return { drafts: [], warnings: [] };
        throw error;
      }
      // Anything not named <id>.json (write-file-atomic's temp files among them) is not a draft.
      const ids = names
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.slice(0, -'.json'.length))
        .filter((id) => ID.test(id))
        .sort();
      const results = await Promise.all(
        ids.map(async (id) => {
          try {
            return await readDraft(id);
          } catch (error) {
            const reason = error instanceof UnreadableDraftError ? error.reason : errorCode(error);
            return `${shortName(id)}: skipped an unreadable draft (${reason})`;
          }
        }),
      );
      const drafts: DraftRecord<T>[] = [];
      const warnings: string[] = [];
      for (const result of results) {
        if (typeof result === 'string') warnings.push(result);
        else if (result) drafts.push(result);
      }
      drafts.sort((a, b) => b.savedAt - a.savedAt || a.id.localeCompare(b.id));
      return { drafts, warnings };
    },

    async remove(id) {
      await rm(pathOf(id), { force: true });
    },

    async checkWritable() {
      // A few bytes, not none: a full disk still makes empty files. Not named <id>.json, so list()
      // never takes it for a draft, even when rm fails.
      const probe = join(folder, '.write-check');
      await makeFolder(folder);
      await writeFileAtomic(probe, 'mlsd checks that drafts can be saved here\n');
      await rm(probe, { force: true });
    },
  };
}

/*
 * Node's recursive mkdir says ENOENT for a folder it cannot make on a read-only or full file
 * system (nodejs/node#47098); the warning would then blame a missing folder. A plain mkdir of the
 * same folder gives the real reason, or ENOENT when a parent is indeed missing.
 */
async function makeFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    await mkdir(folder);
  }
}

function makeFolderSync(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    mkdirSync(folder);
  }
}

/** A draft file's text as a record, or why it is not one. */
function parseDraft<T>(text: string, id: string): Omit<DraftRecord<T>, 'path'> | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not valid JSON: a torn or corrupt write';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a draft';
  const file = value as Record<string, unknown>;
  if (file.version !== VERSION) return `unknown draft version ${JSON.stringify(file.version) ?? 'none'} (this mlsd reads version ${VERSION})`;
  if (file.id !== id) return `its id ${JSON.stringify(file.id) ?? 'none'} does not match the file name`;
  if (typeof file.savedAt !== 'number' || !Number.isFinite(file.savedAt)) return 'no valid savedAt';
  if (!('draft' in file)) return 'no draft in it';
  return { id, savedAt: file.savedAt, draft: file.draft as T };
}

function checkId(id: string): string {
  if (!ID.test(id)) throw new Error(`draft id ${JSON.stringify(id)} must be lowercase letters, digits and hyphens`);
  return id;
}

const shortName = (id: string) => `drafts/${id}.json`;

/** A data folder below a file (ENOTDIR) holds no drafts, just as a folder not yet made. */
function isMissing(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : String(error);
}
