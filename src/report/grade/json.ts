import type { ReportParts } from './reporter.js';
import { wholeReport, type Reporter } from './reporter.js';

const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);

/**
 * The GradeReport as it is: its JSON form is the documented contract, so it is never reshaped.
 * Written a file at a time, exactly as JSON.stringify(report, null, 2) would write it whole.
 */
export const jsonParts: ReportParts = {
  start: (set) => `{\n  "version": 1,\n  "set": ${JSON.stringify(set)},\n  "files": [`,
  between: ',',
  file: (file) => ({ now: `\n    ${indent(JSON.stringify(file, null, 2), '    ')}` }),
  end: ({ summary }) => ({ text: `${summary.files > 0 ? '\n  ' : ''}],\n  "summary": ${indent(JSON.stringify(summary, null, 2), '  ')}\n}\n` }),
};

export const jsonReporter: Reporter = wholeReport(jsonParts);
