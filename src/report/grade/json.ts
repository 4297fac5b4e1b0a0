import type { ReportParts } from './reporter.js';
import { wholeReport, type Reporter } from './reporter.js';

const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);

/**
 * JSON.stringify, indented, with DEL and the C1 controls escaped as it escapes the C0 ones: a
 * file name or a shard report's text may hold them, and printed raw they could drive a terminal.
 */
const stringify = (value: unknown) => JSON.stringify(value, null, 2).replace(/[\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The GradeReport as it is: its JSON form is the documented contract, so it is never reshaped.
 * Written a file at a time, as JSON.stringify(report, null, 2) would write it whole, except that
 * no control character is written raw.
 */
export const jsonParts: ReportParts = {
  start: (set) => `{\n  "version": 1,\n  "set": ${stringify(set)},\n  "files": [`,
  between: ',',
  file: (file) => ({ now: `\n    ${indent(stringify(file), '    ')}` }),
  end: ({ summary }) => ({ text: `${summary.files > 0 ? '\n  ' : ''}],\n  "summary": ${indent(stringify(summary), '  ')}\n}\n` }),
};

export const jsonReporter: Reporter = wholeReport(jsonParts);
