import { githubParts, githubReporter } from './github.js';
import { jsonParts, jsonReporter } from './json.js';
import { junitParts, junitReporter } from './junit.js';
import { markdownParts, markdownReporter } from './markdown.js';
import { prettyParts, prettyReporter } from './pretty.js';
import type { ReportParts } from './reporter.js';

/** Every output format of `mlsd grade`, by the name `--reporter` takes. */
export const REPORTERS = {
  pretty: prettyReporter,
  json: jsonReporter,
  junit: junitReporter,
  github: githubReporter,
  markdown: markdownReporter,
} as const;

export type ReporterName = keyof typeof REPORTERS;

export const REPORTER_NAMES = Object.keys(REPORTERS) as ReporterName[];

/** The same formats in the parts `mlsd grade` streams, a file at a time. */
export const REPORT_PARTS: Record<ReporterName, ReportParts> = {
  pretty: prettyParts,
  json: jsonParts,
  junit: junitParts,
  github: githubParts,
  markdown: markdownParts,
};
