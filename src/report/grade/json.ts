import type { Reporter } from './reporter.js';

/** The GradeReport as it is: its JSON form is the documented contract, so it is never reshaped. */
export const jsonReporter: Reporter = (report) => ({ text: `${JSON.stringify(report, null, 2)}\n` });
