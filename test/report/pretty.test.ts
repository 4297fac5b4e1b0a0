import { describe, expect, it } from 'vitest';
import type { GradeReport } from '../../src/core/grading/grade-report.js';
import { prettyReporter, renderFile } from '../../src/report/grade/pretty.js';
import { FAILED, OPTIONS, PASSED, SAMPLE_REPORT } from './sample-report.js';

describe('prettyReporter', () => {
  const lines = renderFile(FAILED, OPTIONS).split('\n');

  it('says once under a step which line was read as a list of terms, and why', () => {
    const monitoring = lines.findIndex((line) => line.startsWith('  7. Monitoring'));
    expect(lines[monitoring + 1]).toBe(
      '      ≡ terms listed without a decision or reason earn little: say what you chose and why (20% credit) line 33: drift, skew | dashboards, `alerts`',
    );
    expect(lines.filter((line) => line.includes('≡'))).toHaveLength(1);
  });

  it('writes no control character from a report, whichever field holds it', () => {
    const [requirements, ...rest] = PASSED.steps;
    const hit = { ...requirements!.hits[0]!, note: 'thin\u0007' };
    const report: GradeReport = {
      ...SAMPLE_REPORT,
      files: [{ ...PASSED, question: 'q\u001b[2J', passed: false, failures: ['below\u001b]0;title\u0007'], steps: [{ ...requirements!, title: 'Req\u0000s', hits: [hit] }, ...rest] }],
      summary: { ...SAMPLE_REPORT.summary, missing: ['gone\u009b31m'] },
    };
    const text = prettyReporter(report, { ...OPTIONS, verbose: true }).text;
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('  1. Reqs');
    expect(text).toContain('(thin)');
    expect(text).toContain('✗ below\n');
    expect(text).toContain('missing (gone)');
    expect(text.split('\n')[0]).toContain('  q  ');
  });
});
