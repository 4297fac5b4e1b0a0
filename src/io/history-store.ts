import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const FILE = 'history.jsonl';

export interface HistoryStore<T> {
  /** Adds one record as one line, in one write. */
  append(record: T): Promise<void>;
  /** Every readable record in the order written; each unreadable line is skipped with a warning. */
  read(): Promise<{ records: T[]; warnings: string[] }>;
}

/** Where finished attempts' notes files go. */
export function attemptsDir(dataDir: string): string {
  return join(dataDir, 'attempts');
}

/** The append-only history of finished attempts: `<dataDir>/history.jsonl`, one JSON object a line. */
export function createHistoryStore<T>(dataDir: string): HistoryStore<T> {
  const path = join(dataDir, FILE);
  return {
    async append(record) {
      const json = JSON.stringify(record) as string | undefined;
      if (json === undefined || !isObject(record)) throw new Error('a history record must be a JSON object');
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
        await file.write(`${separator}${json}\n`);
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
      return parseHistory<T>(text);
    },
  };
}

function parseHistory<T>(text: string): { records: T[]; warnings: string[] } {
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
    if (isObject(value)) records.push(value as T);
    else warnings.push(`${FILE}:${index + 1}: skipped an unreadable record`);
  });
  return { records, warnings };
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
