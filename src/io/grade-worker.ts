import { parentPort, workerData } from 'node:worker_threads';
import { unpackBank, type PackedBank } from './bank-cache.js';
import { createGrader, type GradedFile, type GradeJob, type GradeSettings } from './grade-files.js';

/**
 * A worker thread of `mlsd grade` (grade-pool.ts): it unpacks the bank once, then grades each
 * batch of files it is sent and posts back their outcomes and report parts, in order.
 */
const { bank, settings } = workerData as { bank: PackedBank; settings: GradeSettings };
const grade = createGrader(unpackBank(bank), settings);

parentPort!.on('message', ({ batch, jobs }: { batch: number; jobs: GradeJob[] }) => {
  const results: GradedFile[] = jobs.map(grade);
  parentPort!.postMessage({ batch, results });
});
