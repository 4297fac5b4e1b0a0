import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

/**
 * What a start of the built bin/mlsd.cjs loads of Node's own modules, as Node lists them
 * (process.moduleLoadList) when the process exits. A start is measured by the benchmark, not
 * here; these are the modules it was made to do without, each of which a change can bring back.
 */
const dir = mkdtempSync(join(tmpdir(), 'mlsd-start-'));
const recorder = join(dir, 'record-modules.cjs');
writeFileSync(recorder, "process.on('exit', () => require('node:fs').writeFileSync(process.env.MODULES_FILE, process.moduleLoadList.join('\\n')));\n");

function modulesLoadedBy(args: readonly string[]): string[] {
  const file = join(dir, `${args.join('-') || 'none'}.txt`);
  const result = spawnSync(process.execPath, ['--require', recorder, BIN, ...args], {
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
  // Node's ES module loader: the bundle is CommonJS (scripts/bundle.js).
  'NativeModule internal/modules/esm/module_job',
  // chalk's colour detection (src/cli/color-detection-stand-in.ts).
  'NativeModule tty',
  // commander's subcommand executables (src/cli/child-process-stand-in.ts).
  'NativeModule child_process',
];

describe('the start of the built mlsd', () => {
  it.each([[['list']], [['--version']], [['--help']], [['show', 'video-recommendation']]])('mlsd %j loads no ES module loader, node:tty or node:child_process', (args) => {
    const loaded = modulesLoadedBy(args);
    expect(loaded).toContain('NativeModule fs');
    for (const module of AVOIDED) expect(loaded).not.toContain(module);
  });

  it('opens stdin only for a command that reads it', () => {
    expect(modulesLoadedBy(['list'])).not.toContain('NativeModule internal/fs/streams');
  });
});
