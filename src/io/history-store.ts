import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const FILE = 'history.jsonl';

export interface HistoryStore<T> {
  /** Adds one record as one line, in one write. */
  append(record: T): Promise<void>;
  /** Adds records one line each, all in one write. */
  appendAll(records: readonly T[]): Promise<void>;
  /** Every readable record in the order written; each unreadable line is skipped with a warning. */
  read(): Promise<{ records: T[]; warnings: string[] }>;
}

/** Where finished attempts' notes files go. */
export function attemptsDir(dataDir: string): string {
  return join(dataDir, 'attempts');
}

/** Checks one parsed line: the record, or why it is not one. */
export type RecordCheck<T> = (value: unknown) => { ok: true; value: T } | { ok: false; reason: string };

/**
 * The append-only history of finished attempts: `<dataDir>/history.jsonl`, one JSON object a
 * line. Each append is one write to a file opened for appending, so concurrent writers add whole
 * lines; the check `loadCheck` gives decides which lines read back as records. It is loaded only
 * when there is a line to check, so reading a history that is not there yet costs nothing.
 */
export function createHistoryStore<T>(dataDir: string, loadCheck?: () => Promise<RecordCheck<T>>): HistoryStore<T> {
  const path = join(dataDir, FILE);
  const store: HistoryStore<T> = {
    append: (record) => store.appendAll([record]),

    async appendAll(records) {
      if (records.length === 0) return;
      const lines = records.map((record) => {
        const json = JSON.stringify(record) as string | undefined;
        if (json === undefined || !isObject(record)) throw new Error('a history record must be a JSON object');
        return json;
      });
      await mkdir(dataDir, { recursive: true });
      const file = await open(path, 'a+');
      try {
        // After a torn last line, start on a new line so that the new record is not torn with it.
        const { size } = await file.stat();
        let separator = '';
        if (size > 0) {
          const last = Buffer.alloc(1);
          await file.read(last, 0, 1, size - 1);
          if (last[0] !== 0x0a) separator = '\n';
        }
        await file.write(`${separator}${lines.join('\n')}\n`);
      } finally {
        await file.close();
      }
    },

    async read() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as { code?: unknown } | null)?.code === 'ENOENT') return { records: [], warnings: [] };
        throw error;
      }
      if (text.trim() === '') return { records: [], warnings: [] };
      return parseHistory<T>(text, await loadCheck?.(), FILE);
    },
  };
  return store;
}

/** The records of a history's text; each unreadable line is a warning naming `name` and the line. */
export function parseHistory<T>(text: string, check: RecordCheck<T> | undefined, name: string): { records: T[]; warnings: string[] } {
  const records: T[] = [];
  const warnings: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = undefined;
    }
    if (!isObject(value)) {
      warnings.push(`${name}:${index + 1}: skipped an unreadable record`);
      return;
    }
    const checked = check ? check(value) : { ok: true as const, value: value as T };
    if (checked.ok) records.push(checked.value);
    else warnings.push(`${name}:${index + 1}: skipped a record that ${checked.reason}`);
  });
  return { records, warnings };
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
