import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { HistoryRecord } from '../../core/progress/record.js';
import { CliError, UsageError } from '../errors.js';
import { writeFailure, writeUserFile } from '../output.js';
import { toInertJson } from '../../core/text/sanitize.js';
import { println } from '../context.js';
import type { DefineCommand } from './index.js';
import { plural } from '../../core/text/plural.js';

interface HistoryOptions {
  question?: string;
  since?: string;
  json?: boolean;
  export?: string;
  import?: string;
}

export const defineHistory: DefineCommand = (program, ctx) =>
  program
    .command('history')
    .description('list past attempts: finished drills and files graded with --record')
    .option('-q, --question <id>', 'only attempts at this question')
    .option('--since <date>', 'only attempts on or after this date (YYYY-MM-DD)', parseSince)
    .option('--json', 'print the records as a JSON array')
    .option('--export <file>', 'write the whole history to a file (JSON lines), to move it to another machine')
    .option('--import <file>', 'merge a history written by --export: records already here are skipped')
    .addHelpText(
      'after',
      `
The history lives in the data folder (MLSD_HOME overrides it) as history.jsonl, one line per attempt.

Examples:
  $ mlsd history
  $ mlsd history --question fraud-detection --since 2026-11-01
  $ mlsd history --export mlsd-history.jsonl      # on the old machine
  $ mlsd history --import mlsd-history.jsonl      # on the new one`,
    )
    .action(async (options: HistoryOptions) => {
      if (options.export && options.import) throw new UsageError('give --export or --import, not both');
      const [{ checkHistoryRecord, newRecords }, { displayPath }, { parseHistory }, { renderHistory }, { historyStore, readHistory }] = await Promise.all([
        import('../../core/progress/record.js'),
        import('../../io/bank-files.js'),
        import('../../io/history-store.js'),
        import('../../report/progress.js'),
        import('../history.js'),
      ]);
      const records = await readHistory(ctx);
      if (options.import) {
        const path = resolve(ctx.cwd, options.import);
        const shown = displayPath(path, ctx.cwd);
        const text = await readFile(path, 'utf8').catch((error: unknown) => {
          throw new CliError(`cannot read ${shown}: ${writeFailure(error)}`);
        });
        const incoming = parseHistory<HistoryRecord>(text, checkHistoryRecord, shown);
        for (const warning of incoming.warnings) println(ctx.stderr, ctx.errorColor.yellow(`warning: ${warning}`));
        const added = newRecords(records, incoming.records);
        await historyStore(ctx).appendAll(added);
        println(ctx.stdout, `Imported ${plural(added.length, 'record')} from ${shown}; ${incoming.records.length - added.length} already here.`);
        return;
      }
      if (options.export) {
        const path = resolve(ctx.cwd, options.export);
        await writeUserFile(path, records.map((record) => `${JSON.stringify(record)}\n`).join(''), displayPath(path, ctx.cwd));
        println(ctx.stdout, `Exported ${plural(records.length, 'record')} to ${displayPath(path, ctx.cwd)}.`);
        return;
      }
      const shown = records
        .filter((record) => !options.question || record.question === options.question)
        .filter((record) => !options.since || record.date >= options.since)
        .sort((a, b) => a.date.localeCompare(b.date));
      println(ctx.stdout, options.json ? toInertJson(shown, 2) : renderHistory(shown, ctx.color));
    });

function parseSince(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime())) throw new UsageError(`--since takes a date as YYYY-MM-DD, not "${value}"`);
  return date.toISOString();
}
