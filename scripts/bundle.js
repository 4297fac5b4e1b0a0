#!/usr/bin/env node
/**
 * Bundles the compiled CLI and its dependencies into dist/bundle/, the code bin/mlsd.js runs:
 * one entry file with what every start needs, and one chunk per lazily imported part (the
 * drill's prompts, the loader and its schema library, the scorer), so a start reads a few files
 * instead of a few hundred. Runs after tsc, which type-checks and writes dist/ for the scripts.
 */
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

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
 * gray-matter imports js-yaml for its default engine, and js-yaml loads esprima, on every grade,
 * though parseNotes always hands gray-matter its own YAML reader: the bundle resolves gray-matter's
 * js-yaml to a stand-in that refuses to be called (src/core/notes/js-yaml-stand-in.ts).
 */
const grayMatterWithoutJsYaml = {
  name: 'gray-matter-without-js-yaml',
  setup(build) {
    const standIn = new URL('../src/core/notes/js-yaml-stand-in.ts', import.meta.url).pathname;
    build.onResolve({ filter: /^js-yaml$/ }, ({ importer }) => (importer.includes('/node_modules/gray-matter/') ? { path: standIn } : undefined));
  },
};

// Chunk names carry a hash of their content: clear the old ones so only this build's are left.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
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
  plugins: [zodApart, grayMatterWithoutJsYaml],
  // Some dependencies are CommonJS: they call require() for Node's own modules.
  banner: {
    js: [
      "import { createRequire as __mlsdRequire } from 'node:module';",
      'const require = __mlsdRequire(import.meta.url);',
    ].join(' '),
  },
});
