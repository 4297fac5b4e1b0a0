import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = new URL('../../src/core/', import.meta.url).pathname;
const files = readdirSync(CORE, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(join(CORE, name), 'utf8') }));

const FORBIDDEN_IMPORTS = [/^node:/, /^(fs|path|os|child_process|process|readline|tty)$/, /^chalk/, /^@inquirer\//, /\/(cli|io|tui|report)\//];
const FORBIDDEN_CALLS = [/\bDate\.now\s*\(/, /\bnew Date\s*\(\s*\)/, /\bprocess\./, /\bperformance\.now\s*\(/, /\bMath\.random\s*\(/, /\bconsole\./];

function importsOf(text: string): string[] {
  const specifiers = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)];
  return specifiers.map((match) => match[1] ?? match[2] ?? match[3]!);
}

describe('src/core stays pure', () => {
  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files)('$name imports no edge module', ({ text }) => {
    const bad = importsOf(text).filter((spec) => FORBIDDEN_IMPORTS.some((pattern) => pattern.test(spec)));
    expect(bad).toEqual([]);
  });

  it.each(files)('$name reads no clock, process or console', ({ text }) => {
    const bad = FORBIDDEN_CALLS.filter((pattern) => pattern.test(text)).map(String);
    expect(bad).toEqual([]);
  });

  it('the checks catch what they look for', () => {
    expect(importsOf("import { readFile } from 'node:fs';")).toEqual(['node:fs']);
    expect(importsOf("const m = await import('../io/x.js');")).toEqual(['../io/x.js']);
    expect(FORBIDDEN_IMPORTS.some((pattern) => pattern.test('../io/bank-loader.js'))).toBe(true);
    expect(FORBIDDEN_CALLS.some((pattern) => pattern.test('const t = Date.now();'))).toBe(true);
  });
});
