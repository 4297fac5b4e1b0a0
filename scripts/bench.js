#!/usr/bin/env node
/**
 * npm run bench [-- --full]: builds, writes notes files deterministically (the bank's example
 * answers, varied across questions and quality, ~4 KB each), and times whole processes,
 * reporting medians: start-up against a bare `node -e 0`, grading 1,000 files against
 * markdownlint-cli2 on the same files (each taken in turns with what it is compared to), and
 * grading at 1,000 and 10,000 files (100,000 with --full) with time per file and peak memory.
 * grade runs with its default reporter, its output thrown away as a CI log would keep it; the
 * bank cache is warm, as after a first run. Prints a table and writes bench/results.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/mlsd.cjs');
const WORK = join(ROOT, 'bench/work');
const MARKDOWNLINT = join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const STARTUP_RUNS = 15;
const GRADE_RUNS = 3;
const SIZES = process.argv.includes('--full') ? [1_000, 10_000, 100_000] : [1_000, 10_000];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs a command to the end and returns its wall time in seconds and, where GNU time is there, its peak RSS in MB. */
function timeRun(command, args, { cwd = ROOT, env = {} } = {}) {
  const rssFile = join(WORK, 'rss.txt');
  const wrapped = GNU_TIME ? [GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]] : [command, args];
  const start = performance.now();
  const result = spawnSync(wrapped[0], wrapped[1], { cwd, env: { ...process.env, NO_COLOR: '1', MLSD_HOME: join(WORK, 'home'), ...env }, stdio: 'ignore' });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(' ')} exited ${result.status ?? result.signal}`);
  const rss = GNU_TIME ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : null;
  return { seconds, rss };
}

/**
 * Runs commands in turns, one of each a round, so that a shared machine's load, which comes and
 * goes, weighs on each alike and leaves their ratios fair. Returns each one's median and peak RSS.
 */
function measureInTurns(runs, commands) {
  for (const [command, args] of commands) timeRun(command, args);
  const samples = commands.map(() => []);
  for (let round = 0; round < runs; round++) commands.forEach(([command, args], index) => samples[index].push(timeRun(command, args)));
  return samples.map((taken) => ({ seconds: median(taken.map((sample) => sample.seconds)), rss: taken[0].rss === null ? null : Math.max(...taken.map((sample) => sample.rss)) }));
}

/** A small deterministic generator, so every run grades the same files. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `count` notes files: each an example answer of the bank with a share of its lines dropped. */
function writeNotes(count) {
  const dir = join(WORK, `notes-${count}`);
  if (existsSync(dir) && readdirSync(dir).length === Math.ceil(count / 1000)) return dir;
  rmSync(dir, { recursive: true, force: true });
  const examplesRoot = join(ROOT, 'questions/examples');
  const sources = readdirSync(examplesRoot)
    .sort()
    .flatMap((question) => readdirSync(join(examplesRoot, question)).sort().map((name) => readFileSync(join(examplesRoot, question, name), 'utf8')));
  const next = random(count);
  for (let index = 0; index < count; index++) {
    const folder = join(dir, String(Math.floor(index / 1000)).padStart(3, '0'));
    if (index % 1000 === 0) mkdirSync(folder, { recursive: true });
    const source = sources[index % sources.length];
    const [front, body] = [source.slice(0, source.indexOf('\n---\n') + 5), source.slice(source.indexOf('\n---\n') + 5)];
    const keep = 0.6 + 0.4 * next();
    const lines = body.split('\n').filter((line) => line.startsWith('#') || next() < keep);
    writeFileSync(join(folder, `answer-${index}.md`), `${front}${lines.join('\n')}\n`);
  }
  return dir;
}

function machine() {
  return { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform };
}

execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
mkdirSync(join(WORK, 'home'), { recursive: true });

const [node, version, help, list] = measureInTurns(
  STARTUP_RUNS,
  [['-e', '0'], [BIN, '--version'], [BIN, '--help'], [BIN, 'list']].map((args) => [process.execPath, args]),
);

const thousand = writeNotes(1_000);
const [first, markdownlint] = measureInTurns(GRADE_RUNS, [
  [process.execPath, [BIN, 'grade', thousand]],
  [process.execPath, [MARKDOWNLINT, `${thousand}/**/*.md`]],
]);
const grading = [];
for (const size of SIZES) {
  const run = size === 1_000 ? first : measureInTurns(size >= 100_000 ? 1 : GRADE_RUNS, [[process.execPath, [BIN, 'grade', writeNotes(size)]]])[0];
  grading.push({ files: size, seconds: run.seconds, msPerFile: (run.seconds * 1000) / size, peakRssMB: run.rss });
}

const results = {
  date: new Date().toISOString(),
  machine: machine(),
  startup: {
    nodeSeconds: node.seconds,
    versionSeconds: version.seconds,
    helpSeconds: help.seconds,
    listSeconds: list.seconds,
    versionRatio: version.seconds / node.seconds,
    helpRatio: help.seconds / node.seconds,
    listRatio: list.seconds / node.seconds,
  },
  grade: grading,
  markdownlint: { files: 1_000, seconds: markdownlint.seconds, mlsdSpeedup: markdownlint.seconds / grading[0].seconds },
  perFileSpread: Math.max(...grading.map((entry) => entry.msPerFile)) / Math.min(...grading.map((entry) => entry.msPerFile)) - 1,
  targets: { listRatio: 1.3, mlsdSpeedup: 8, seconds100k: 30, peakRssMB: 250, perFileSpread: 0.25 },
};
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

const ms = (seconds) => `${(seconds * 1000).toFixed(0)} ms`;
const rows = [
  ['node -e 0', ms(node.seconds), ''],
  ['mlsd --version', ms(version.seconds), `${results.startup.versionRatio.toFixed(2)}x node`],
  ['mlsd --help', ms(help.seconds), `${results.startup.helpRatio.toFixed(2)}x node`],
  ['mlsd list', ms(list.seconds), `${results.startup.listRatio.toFixed(2)}x node (target <= 1.3x)`],
  ...grading.map((entry) => [`mlsd grade, ${entry.files} files`, `${entry.seconds.toFixed(2)} s`, `${entry.msPerFile.toFixed(2)} ms/file, peak ${entry.peakRssMB?.toFixed(0) ?? '?'} MB`]),
  ['markdownlint-cli2, 1000 files', `${markdownlint.seconds.toFixed(2)} s`, `mlsd is ${results.markdownlint.mlsdSpeedup.toFixed(2)}x faster (target >= 8x)`],
  ['time per file, largest/smallest', `${(results.perFileSpread * 100).toFixed(0)} %`, 'apart (target <= 25%)'],
];
const width = Math.max(...rows.map((row) => row[0].length));
console.log(`\n${results.machine.cpu}, ${results.machine.cores} cores, Node ${results.machine.node}; medians of ${STARTUP_RUNS} start-ups and ${GRADE_RUNS} grading runs\n`);
for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(9)}  ${note}`);
console.log('\nwrote bench/results.json');
