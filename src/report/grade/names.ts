/** The names `--reporter` takes: apart from the reporters, so the command line knows them without loading any. */
export const REPORTER_NAMES = ['pretty', 'json', 'junit', 'github', 'markdown'] as const;

export type ReporterName = (typeof REPORTER_NAMES)[number];
