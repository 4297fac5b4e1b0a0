import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

/**
 * What a start of the built bin/mlsd.cjs loads of Node's own modules, as Node lists them
 * (process.moduleLoadList) when the process exits, beside what an empty CommonJS script loads on
 * the same Node. A start is measured by the benchmark, not here; these are the modules it was
 * made to do without, each of which a change can bring back.
 */
const dir = mkdtempSync(join(tmpdir(), 'mlsd-start-'));
const recorder = join(dir, 'record-modules.cjs');
writeFileSync(recorder, "process.on('exit', () => require('node:fs').writeFileSync(process.env.MODULES_FILE, process.moduleLoadList.join('\\n')));\n");
const empty = join(dir, 'empty.cjs');
writeFileSync(empty, '');

function modulesLoadedBy(args: readonly string[], script = BIN): string[] {
  const file = join(dir, `${args.join('-') || 'none'}.txt`);
  const result = spawnSync(process.execPath, ['--require', recorder, script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', MLSD_HOME: join(dir, 'home'), MODULES_FILE: file },
    encoding: 'utf8',
    timeout: 30_000,
    // stdin is /dev/null: opening it as process.stdin would load Node's file streams.
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  expect(result.status, result.stderr).toBe(0);
  return readFileSync(file, 'utf8').split('\n');
}

const AVOIDED = [
  // Node's ES module loader: the bundle is CommonJS (scripts/bundle.js). Node 22 and later
  // load it for every script, so there it is part of the empty script's start.
  'NativeModule internal/modules/esm/module_job',
  // chalk's colour detection (src/cli/color-detection-stand-in.ts).
  'NativeModule tty',
  // commander's subcommand executables (src/cli/child-process-stand-in.ts).
  'NativeModule child_process',
];

/** Node's modules that an empty script loads on the running Node. */
const baseline = new Set(modulesLoadedBy([], empty));

describe('the start of the built mlsd', () => {
  it.each([[['list']], [['--version']], [['--help']], [['show', 'video-recommendation']]])('mlsd %j loads no ES module loader, node:tty or node:child_process', (args) => {
    const loaded = modulesLoadedBy(args);
    expect(loaded).toContain('NativeModule fs');
    for (const module of AVOIDED.filter((m) => !baseline.has(m))) expect(loaded).not.toContain(module);
  });

  it('opens stdin only for a command that reads it', () => {
    expect(modulesLoadedBy(['list'])).not.toContain('NativeModule internal/fs/streams');
  });
});
