import type { HistoryRecord } from '../core/progress/record.js';
import { dataDir } from '../io/data-dir.js';
import { createHistoryStore, type HistoryStore } from '../io/history-store.js';
import { println, type Context } from './context.js';

/**
 * The user's history of attempts, in the data folder (or MLSD_HOME). The record schema is loaded
 * only to read lines back: `mlsd list` with no history yet does not load the schema library.
 */
export function historyStore(ctx: Context): HistoryStore<HistoryRecord> {
  return createHistoryStore(dataDir(ctx.env, ctx.cwd), async () => (await import('../core/progress/record.js')).checkHistoryRecord);
}

/** Every readable record; each skipped line is a warning on stderr naming it. */
export async function readHistory(ctx: Context): Promise<HistoryRecord[]> {
  const { records, warnings } = await historyStore(ctx).read();
  for (const warning of warnings) println(ctx.stderr, ctx.errorColor.yellow(`warning: ${warning}`));
  return records;
}
