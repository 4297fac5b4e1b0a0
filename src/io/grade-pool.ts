import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Bank } from '../core/bank.js';
import { packBank } from './bank-cache.js';
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
 * A worker holds the bank, its compiled matchers and one batch at a time, about 40 MB: a smaller
 * young generation and an old one capped well above that keep each thread's heap from growing
 * with the number of files, as V8 lets it by default.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 160 };

const WORKER = fileURLToPath(new URL('./grade-worker.js', import.meta.url));

/** Worker threads a run of `files` files uses: one per core, up to `jobs`, and none when it is small. */
export function workersFor(files: number, jobs?: number): number {
  if (!existsSync(WORKER)) return 0;
  if (jobs === undefined && files < DEFAULT_MIN_FILES) return 0;
  const workers = Math.min(jobs ?? availableParallelism(), Math.floor(files / FILES_PER_WORKER));
  return workers >= 2 ? workers : 0;
}

/**
 * Grades every job and hands each result to `deliver` in job order, as soon as it and every one
 * before it are done: in worker threads when there are enough files, else in this thread. At
 * most a few batches per worker are pending at once, whatever the number of files.
 */
export async function gradeAll(jobs: readonly GradeJob[], bank: Bank, settings: GradeSettings, workers: number, deliver: (file: GradedFile) => Promise<void> | void): Promise<void> {
  if (workers === 0) return gradeHere(jobs, bank, settings, deliver);
  const packed = packBank(bank);
  const pool = Array.from({ length: workers }, () => ({ worker: new Worker(WORKER, { workerData: { bank: packed, settings }, resourceLimits: WORKER_LIMITS }), pending: 0 }));
  const batches = Math.ceil(jobs.length / BATCH);
  const done = new Map<number, GradedFile[]>();
  let sent = 0;
  let next = 0;
  const topUp = () => {
    for (const slot of pool) {
      while (slot.pending < IN_FLIGHT && sent < batches && sent - next < workers * IN_FLIGHT * 2) {
        slot.worker.postMessage({ batch: sent, jobs: jobs.slice(sent * BATCH, (sent + 1) * BATCH) });
        slot.pending++;
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
      for (const slot of pool) {
        slot.worker.on('error', reject);
        slot.worker.on('message', ({ batch, results }: { batch: number; results: GradedFile[] }) => {
          slot.pending--;
          done.set(batch, results);
          topUp();
          delivering = delivering.then(flush).catch(reject);
        });
      }
      topUp();
      if (batches === 0) resolve();
    });
  } finally {
    await Promise.all(pool.map((slot) => slot.worker.terminate()));
  }
}

async function gradeHere(jobs: readonly GradeJob[], bank: Bank, settings: GradeSettings, deliver: (file: GradedFile) => Promise<void> | void): Promise<void> {
  const grade = createGrader(bank, settings);
  for (const job of jobs) await deliver(grade(job));
}
