#!/usr/bin/env node
/**
 * Bundles the compiled CLI and its dependencies into dist/bundle/, the code bin/mlsd.cjs runs:
 * one entry file with what every start needs, and one chunk per lazily imported part (the
 * drill's prompts, the loader and its schema library, the scorer), so a start reads a few files
 * instead of a few hundred. Runs after tsc, which type-checks and writes dist/ for the scripts.
 *
 * The files are CommonJS. Node starts its ES module loader only for an ES module, and that
 * costs a start about 11 ms before it reads a line of ours, with another 10 ms to give Node's own
 * modules their ES form (node:fs, node:util and node:process load what their lazy exports hold);
 * `mlsd list` needs 40 ms in all. esbuild splits into chunks only as ES modules, so each of
 * its files is then rewritten as CommonJS, with `import()` of a chunk made a require() of it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { build, transform } from 'esbuild';

/**
 * The schema library comes in two forms: the whole one ('zod'), for the bank, notes and drafts,
 * and its functional one ('zod/mini'), for the history and shard reports. Both are built on one
 * core, and split into chunks the two would share it, so reading the history would load the whole
 * library's chunk. Taking the whole one from its CommonJS build keeps the two apart: the history
 * loads only the few kilobytes of the functional form it uses.
 */
const zodApart = {
  name: 'zod-apart',
  setup(build) {
    const whole = createRequire(import.meta.url).resolve('zod');
    build.onResolve({ filter: /^zod$/ }, () => ({ path: whole }));
  },
};

/**
 * Modules that dependencies load as soon as they are imported, for features mlsd never uses: the
 * bundle resolves each, for that dependency only, to a stand-in in src/ that says why.
 * - gray-matter loads js-yaml, and js-yaml esprima, for its default engine, on every grade,
 *   though parseNotes always hands it its own YAML reader.
 * - chalk's colour detection sets the level of its default instances, which mlsd never uses,
 *   and loads node:tty and node:net to do it.
 * - commander loads node:child_process (and with it node:net) to run a subcommand kept in an
 *   executable of its own, and every mlsd command is defined in src/cli/commands.
 */
const STAND_INS = [
  { module: /^js-yaml$/, in: 'gray-matter', standIn: 'src/core/notes/js-yaml-stand-in.ts' },
  { module: /^#supports-color$/, in: 'chalk', standIn: 'src/cli/color-detection-stand-in.ts' },
  { module: /^node:child_process$/, in: 'commander', standIn: 'src/cli/child-process-stand-in.ts' },
];

const standIns = {
  name: 'stand-ins',
  setup(build) {
    for (const { module, in: dependency, standIn } of STAND_INS) {
      const path = new URL(`../${standIn}`, import.meta.url).pathname;
      build.onResolve({ filter: module }, ({ importer }) => (importer.includes(`/node_modules/${dependency}/`) ? { path } : undefined));
    }
  },
};

// Chunk names carry a hash of their content: clear the old ones so only this build's are left.
rmSync('dist/bundle', { recursive: true, force: true });

const { outputFiles } = await build({
  entryPoints: { mlsd: 'src/cli/main.ts', 'grade-worker': 'src/io/grade-worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
  plugins: [zodApart, standIns],
  write: false,
});

const URL_OF_FILE = 'const __mlsdUrl = require("node:url").pathToFileURL(__filename).href;';
for (const file of outputFiles) {
  const { code } = await transform(file.text, {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // A chunk imported lazily is required when its promise is made, as import() would load it.
    supported: { 'dynamic-import': false },
    define: { 'import.meta.url': '__mlsdUrl' },
    // ES modules are strict, and the code was written as one.
    banner: file.text.includes('import.meta.url') ? `"use strict";\n${URL_OF_FILE}` : '"use strict";',
    logLevel: 'warning',
  });
  mkdirSync(dirname(file.path), { recursive: true });
  writeFileSync(file.path, code);
}
writeFileSync('dist/bundle/package.json', `${JSON.stringify({ type: 'commonjs' })}\n`);
