import type { Command } from 'commander';
import type { Context } from '../context.js';
import { defineList } from './list.js';
import { defineShow } from './show.js';
import { defineValidate } from './validate.js';
import { defineGrade } from './grade.js';
import { defineNew } from './new.js';
import { defineInit } from './init.js';
import { defineDrill } from './drill.js';
import { defineCheatsheet } from './cheatsheet.js';
import { defineHistory } from './history.js';
import { defineStats } from './stats.js';
import { defineNext } from './next.js';
import { defineMergeReports } from './merge-reports.js';

/** Each command file defines its options and help beside its action. */
export type DefineCommand = (program: Command, ctx: Context) => Command;

/** A command's definition, with the name and aliases it defines, so a run can define only the one it runs. */
export interface CommandEntry {
  names: readonly string[];
  define: DefineCommand;
}

export const COMMANDS: readonly CommandEntry[] = [
  { names: ['list', 'ls'], define: defineList },
  { names: ['show'], define: defineShow },
  { names: ['drill'], define: defineDrill },
  { names: ['new'], define: defineNew },
  { names: ['grade'], define: defineGrade },
  { names: ['merge-reports'], define: defineMergeReports },
  { names: ['init'], define: defineInit },
  { names: ['validate'], define: defineValidate },
  { names: ['cheatsheet'], define: defineCheatsheet },
  { names: ['history'], define: defineHistory },
  { names: ['stats'], define: defineStats },
  { names: ['next'], define: defineNext },
];

/**
 * The commands a run defines: the one its first argument names, or every one when it names none
 * (help, a typo to suggest for, an option before the command). Defining all twelve, with their
 * options and help, is a tenth of what `mlsd list` spends past Node's own start.
 */
export function commandsFor(argv: readonly string[]): readonly CommandEntry[] {
  const named = COMMANDS.find((entry) => entry.names.includes(argv[0] ?? ''));
  return named ? [named] : COMMANDS;
}
