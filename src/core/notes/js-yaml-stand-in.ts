/**
 * What the bundle gives gray-matter in place of js-yaml (see scripts/bundle.js). gray-matter
 * loads js-yaml, and js-yaml loads the esprima parser, as soon as it is imported, for a default
 * engine mlsd never calls: parseNotes hands gray-matter its own YAML reader. Without them a
 * grade starts about 10 ms sooner. Called anyway, the stand-in says so rather than parse.
 */
function notUsed(): never {
  throw new Error('gray-matter called its default YAML engine: mlsd reads front matter with readFrontMatter (src/core/notes/parse-notes.ts)');
}

export const safeLoad = notUsed;
export const safeDump = notUsed;
