import { describe, expect, it } from 'vitest';
import { renderFile } from '../../src/report/grade/pretty.js';
import { FAILED, OPTIONS } from './sample-report.js';

describe('prettyReporter', () => {
  const lines = renderFile(FAILED, OPTIONS).split('\n');

  it('says once under a step which line was read as a list of terms, and why', () => {
    const monitoring = lines.findIndex((line) => line.startsWith('  7. Monitoring'));
    expect(lines[monitoring + 1]).toBe(
      '      ≡ terms listed without a decision or reason earn little: say what you chose and why (20% credit) line 33: drift, skew | dashboards, `alerts`',
    );
    expect(lines.filter((line) => line.includes('≡'))).toHaveLength(1);
  });
});
