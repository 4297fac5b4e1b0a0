#!/usr/bin/env node
/**
 * Bundles the compiled CLI and its dependencies into dist/bundle/, the code bin/mlsd.js runs:
 * one entry file with what every start needs, and one chunk per lazily imported part (the
 * drill's prompts, the loader and its schema library, the scorer), so a start reads a few files
 * instead of a few hundred. Runs after tsc, which type-checks and writes dist/ for the scripts.
 */
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

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
  // Some dependencies are CommonJS: they call require() for Node's own modules.
  banner: {
    js: [
      "import { createRequire as __mlsdRequire } from 'node:module';",
      'const require = __mlsdRequire(import.meta.url);',
    ].join(' '),
  },
});
