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

export const COMMANDS: readonly DefineCommand[] = [defineList, defineShow, defineDrill, defineNew, defineGrade, defineMergeReports, defineInit, defineValidate, defineCheatsheet, defineHistory, defineStats, defineNext];
