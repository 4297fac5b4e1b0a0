import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Bank } from '../core/bank.js';
import { aliasKeysRead, rememberAliasKeys } from '../core/scoring/matcher.js';
import { packBank, type AliasKeys } from './bank-cache.js';
import { createGrader, type GradedFile, type GradeJob, type GradeSettings } from './grade-files.js';

/** Files a worker is sent at a time, and batches it holds at once, so it never waits for the next. */
const BATCH = 32;
const IN_FLIGHT = 2;
/** Below this many files a thread, starting threads costs more than it saves. */
const FILES_PER_WORKER = 150;
/**
 * Unless asked for threads, a run this small grades in this thread: on two cores, each worker's
 * start (its own bank and matchers, its own warm-up) ate what it saved at 1,000 files and more
 * than that when the machine was busy; from about 1,500 files on, two workers win.
 */
const DEFAULT_MIN_FILES = 1_200;

/**
 * A worker holds the bank, its compiled matchers and one batch at a time, about 40 MB: a small
 * young generation and an old one capped at twice that keep each thread's heap from growing with
 * the number of files, as V8 lets it by default. With 8 MB of young generation rather than 16,
 * two workers' run of 10,000 files peaks at 230 MB instead of 262, in the same time (three
 * interleaved runs each; the old generation's cap made no difference there). With both limits
 * halved, from 16 and 160 MB, one of 100,000 files peaks at 305 MB instead of 329 (one run each).
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 80 };

/**
 * Whether V8 may grow the young generations of this process's threads. It doubles a thread's
 * each time the objects that outlived its collections add up to its size, and never gives the
 * memory back, so a thread that keeps much of what it makes grows it to V8's limit: loading the
 * bank and listing 100,000 files took this thread's to 128 MB on Node 24 within a second, and it
 * stayed there while the workers graded. Grading wants a grown one, as scoring makes many objects
 * that die young; loading, listing, handing out batches and writing results need no more than
 * they start with. So `grade` holds them while it loads and lists, gradeAll lets them grow while
 * the workers size theirs, and holds them again once every worker has answered. V8 reads the
 * factor each time it would grow one. 100,000 files peaked at 225 MB instead of 271 on Node 20
 * and 252 instead of 420-454 on Node 24, in the same time (same machine, same day).
 */
export function letYoungGenerationsGrow(grow: boolean): void {
  setFlagsFromString(`--semi-space-growth-factor=${grow ? 2 : 1}`);
}

const WORKER = fileURLToPath(new URL('./grade-worker.js', import.meta.url));

/** Worker threads a run of `files` files uses: one per core, up to `jobs`, and none when it is small. */
export function workersFor(files: number, jobs?: number): number {
  if (!existsSync(WORKER)) return 0;
  if (jobs === undefined && files < DEFAULT_MIN_FILES) return 0;
  const workers = Math.min(jobs ?? availableParallelism(), Math.floor(files / FILES_PER_WORKER));
  return workers >= 2 ? workers : 0;
}

/**
 * Grades every file and hands each result to `deliver` in file order, as soon as it and every one
 * before it are done: in worker threads when there are enough files, else in this thread. At
 * most a few batches per worker are pending at once, whatever the number of files. A worker that
 * runs out of memory (one notes file near the size limit takes a few hundred MB to score) is
 * replaced, and the batches it held are graded in this thread, whose heap is not capped.
 * `aliasKeys` (from the bank cache) spare this thread and each worker reading the aliases again.
 */
export async function gradeAll(
  files: readonly string[],
  shownOf: (path: string) => string,
  bank: Bank,
  settings: GradeSettings,
  workers: number,
  deliver: (file: GradedFile) => Promise<void> | void,
  aliasKeys: AliasKeys,
): Promise<void> {
  rememberAliasKeys(aliasKeys);
  letYoungGenerationsGrow(true);
  const jobOf = (path: string): GradeJob => ({ path, shown: shownOf(path) });
  if (workers === 0) return gradeHere(files, jobOf, bank, settings, deliver);
  const packed = packBank(bank);
  const keys = aliasKeysRead();
  const batchJobs = (batch: number) => files.slice(batch * BATCH, (batch + 1) * BATCH).map(jobOf);
  const batches = Math.ceil(files.length / BATCH);
  const done = new Map<number, GradedFile[]>();
  const pool: Slot[] = [];
  let gradeInThisThread: ((job: GradeJob) => GradedFile) | null = null;
  let sent = 0;
  let next = 0;
  const topUp = () => {
    for (const slot of pool) {
      while (slot.held.length < IN_FLIGHT && sent < batches && sent - next < workers * IN_FLIGHT * 2) {
        slot.worker.postMessage({ batch: sent, jobs: batchJobs(sent) });
        slot.held.push(sent);
        sent++;
      }
    }
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let delivering = Promise.resolve();
      const flush = async () => {
        while (done.has(next)) {
          const ready = done.get(next)!;
          done.delete(next);
          next++;
          for (const result of ready) await deliver(result);
          topUp();
        }
        if (next === batches) resolve();
      };
      const settle = (batch: number, results: GradedFile[]) => {
        done.set(batch, results);
        topUp();
        delivering = delivering.then(flush).catch(reject);
      };
      const start = (): Slot => {
        const slot: Slot = { worker: new Worker(WORKER, { workerData: { bank: packed, aliasKeys: keys, settings }, resourceLimits: WORKER_LIMITS }), held: [], answered: false };
        slot.worker.on('message', ({ batch, results }: { batch: number; results: GradedFile[] }) => {
          slot.held.splice(slot.held.indexOf(batch), 1);
          if (!slot.answered) {
            slot.answered = true;
            if (pool.every((other) => other.answered)) letYoungGenerationsGrow(false);
          }
          settle(batch, results);
        });
        slot.worker.on('error', (error: Error & { code?: string }) => {
          if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') return reject(error);
          letYoungGenerationsGrow(true);
          pool[pool.indexOf(slot)] = start();
          gradeInThisThread ??= createGrader(bank, settings);
          for (const batch of slot.held) settle(batch, batchJobs(batch).map(gradeInThisThread));
        });
        return slot;
      };
      for (let index = 0; index < workers; index++) pool.push(start());
      topUp();
      if (batches === 0) resolve();
    });
  } finally {
    await Promise.all(pool.map((slot) => slot.worker.terminate()));
  }
}

/** A worker thread and the batches it has been sent and not yet answered, in order. */
interface Slot {
  worker: Worker;
  held: number[];
  /** Whether it has sent back a batch: it has grown its young generation by then (letYoungGenerationsGrow). */
  answered: boolean;
}

async function gradeHere(
  files: readonly string[],
  jobOf: (path: string) => GradeJob,
  bank: Bank,
  settings: GradeSettings,
  deliver: (file: GradedFile) => Promise<void> | void,
): Promise<void> {
  const grade = createGrader(bank, settings);
  for (const path of files) await deliver(grade(jobOf(path)));
}
