import { parentPort, workerData } from 'node:worker_threads';
import { rememberAliasKeys } from '../core/scoring/matcher.js';
import { unpackBank, type AliasKeys, type PackedBank } from './bank-cache.js';
import { createGrader, type GradedFile, type GradeJob, type GradeSettings } from './grade-files.js';

/**
 * A worker thread of `mlsd grade` (grade-pool.ts): it unpacks the bank once, with the alias keys
 * the main thread has read (from the bank cache, as a rule), then grades each batch of files it
 * is sent and posts back their outcomes and report parts, in order.
 */
const { bank, aliasKeys, settings } = workerData as { bank: PackedBank; aliasKeys: AliasKeys; settings: GradeSettings };
rememberAliasKeys(aliasKeys);
const grade = createGrader(unpackBank(bank), settings);

parentPort!.on('message', ({ batch, jobs }: { batch: number; jobs: GradeJob[] }) => {
  const results: GradedFile[] = jobs.map(grade);
  parentPort!.postMessage({ batch, results });
});
