import { githubParts, githubReporter } from './github.js';
import { jsonParts, jsonReporter } from './json.js';
import { junitParts, junitReporter } from './junit.js';
import { markdownParts, markdownReporter } from './markdown.js';
import { prettyParts, prettyReporter } from './pretty.js';
import type { ReporterName } from './names.js';
import type { Reporter, ReportParts } from './reporter.js';

export { REPORTER_NAMES, type ReporterName } from './names.js';

/** Every output format of `mlsd grade`, by the name `--reporter` takes. */
export const REPORTERS: Record<ReporterName, Reporter> = {
  pretty: prettyReporter,
  json: jsonReporter,
  junit: junitReporter,
  github: githubReporter,
  markdown: markdownReporter,
};

/** The same formats in the parts `mlsd grade` streams, a file at a time. */
export const REPORT_PARTS: Record<ReporterName, ReportParts> = {
  pretty: prettyParts,
  json: jsonParts,
  junit: junitParts,
  github: githubParts,
  markdown: markdownParts,
};
