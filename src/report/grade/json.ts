import { toInertJson } from '../../core/text/sanitize.js';
import type { ReportParts } from './reporter.js';
import { wholeReport, type Reporter } from './reporter.js';

const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);

/**
 * The GradeReport as it is: its JSON form is the documented contract, so it is never reshaped.
 * Written a file at a time, exactly as JSON.stringify(report, null, 2) would write it whole, but
 * with the C1 controls it leaves raw escaped (toInertJson).
 */
export const jsonParts: ReportParts = {
  start: (set) => `{\n  "version": 1,\n  "set": ${toInertJson(set)},\n  "files": [`,
  between: ',',
  file: (file) => ({ now: `\n    ${indent(toInertJson(file, 2), '    ')}` }),
  end: ({ summary }) => ({ text: `${summary.files > 0 ? '\n  ' : ''}],\n  "summary": ${indent(toInertJson(summary, 2), '  ')}\n}\n` }),
};

export const jsonReporter: Reporter = wholeReport(jsonParts);
