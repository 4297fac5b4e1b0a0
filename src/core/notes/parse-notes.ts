import matter from 'gray-matter';
// zod/mini, as for the history: grading reads front matter in every file, and should not load
// the whole schema library for it (see scripts/bundle.js).
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { STEP_IDS } from '../framework.js';
import type { Problem } from '../yaml-file.js';
import { checkText, formatPath, readYaml } from '../yaml-file.js';
import { escapeControls, sanitize } from '../text/sanitize.js';
import { readPlainFrontMatter } from './plain-front-matter.js';

z.config(en());

const QUESTION_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const NotesFrontMatterSchema = z.looseObject({
  question: z.optional(
    z.string().check(
      z.regex(QUESTION_ID, {
        error: (issue) =>
          /[\\/]|\.\./.test(String(issue.input))
            ? 'a question id is a name such as "video-recommendation", never a path'
            : 'expected a question id such as "video-recommendation"',
      }),
    ),
  ),
  candidate: z.optional(z.string()),
  minutes: z.optional(z.number().check(z.positive())),
  timings: z.optional(z.partialRecord(z.enum(STEP_IDS), z.number().check(z.nonnegative()))),
  hints_used: z.optional(z.array(z.string())),
  started: z.optional(z.union([z.string(), z.date()])),
  finished: z.optional(z.union([z.string(), z.date()])),
});

export type NotesFrontMatter = z.output<typeof NotesFrontMatterSchema>;

export interface Notes {
  file: string;
  frontMatter: NotesFrontMatter;
  /** The Markdown after the front matter, split into lines. */
  lines: string[];
  /** 1-based line number in the file of lines[0]. */
  firstLine: number;
}

export type NotesParse = { ok: true; notes: Notes } | { ok: false; problems: Problem[] };

/** Front matter languages that are code: named in the refusal, since running them is what a reader might fear. */
const CODE_LANGUAGES: Record<string, string> = {
  js: 'JavaScript',
  javascript: 'JavaScript',
  coffee: 'CoffeeScript',
  coffeescript: 'CoffeeScript',
  cson: 'CSON',
};

class FrontMatterError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems[0]?.message ?? 'invalid front matter');
  }
}

/**
 * Parses a notes file: YAML front matter and the Markdown body. gray-matter finds the front
 * matter, but only YAML is ever read, with the same reader and limits as the bank (readYaml):
 * a `---js` or any other language after the opening `---` is refused before anything parses it,
 * so no code in a file ever runs. The plain `key: value` lines that drill and new write are read
 * without the YAML parser (plain-front-matter.ts), to the same data.
 */
export function parseNotes(text: string, file: string): NotesParse {
  const unreadable = checkText(text, file);
  if (unreadable) return { ok: false, problems: [unreadable] };
  if (text.trim() === '') return { ok: false, problems: [{ file, line: 1, col: 1, message: 'the file is empty: there is nothing to grade' }] };
  const language = /^\ufeff?---([^\r\n]*)/.exec(text)?.[1]?.trim().toLowerCase() ?? '';
  if (language !== '' && language !== 'yaml' && language !== 'yml' && !language.startsWith('-')) {
    const named = CODE_LANGUAGES[language];
    const message = named
      ? `${named} front matter is not allowed: use YAML between --- lines`
      : `front matter in "${escapeControls(language)}" is not supported: use YAML between --- lines`;
    return { ok: false, problems: [{ file, line: 1, col: 1, message }] };
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, { language: 'yaml', engines: { yaml: { parse: (block: string) => readFrontMatter(block, file) as object } } });
  } catch (error) {
    return { ok: false, problems: error instanceof FrontMatterError ? error.problems : [{ file, line: 1, col: 1, message: `invalid front matter: ${escapeControls(String(error).split('\n')[0]!)}` }] };
  }
  const data = parsed.data ?? {};
  const checked = NotesFrontMatterSchema.safeParse(data);
  if (!checked.success) {
    return {
      ok: false,
      problems: checked.error.issues.map((issue) => ({
        file,
        line: typeof issue.path[0] === 'string' ? frontMatterLine(text, issue.path[0]) : 1,
        col: 1,
        message: escapeControls(`front matter ${formatPath(issue.path)}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`),
      })),
    };
  }
  const lines = parsed.content.split(/\r?\n/);
  const total = text.split(/\r?\n/).length;
  return { ok: true, notes: { file, frontMatter: checked.data, lines: blankOthersWords(lines), firstLine: total - lines.length + 1 } };
}

/**
 * Blanks what the candidate did not write as their answer, keeping every line in place so line
 * numbers hold: HTML comments (the template's guiding questions) and block quotes (the prompt).
 */
function blankOthersWords(lines: readonly string[]): string[] {
  let inComment = false;
  return lines.map((line) => {
    let kept = '';
    let rest = line;
    while (rest !== '') {
      if (inComment) {
        const close = rest.indexOf('-->');
        if (close < 0) break;
        rest = rest.slice(close + 3);
        inComment = false;
      } else {
        const open = rest.indexOf('<!--');
        if (open < 0) {
          kept += rest;
          break;
        }
        kept += rest.slice(0, open);
        rest = rest.slice(open + 4);
        inComment = true;
      }
    }
    return /^\s{0,3}>/.test(kept) ? '' : sanitize(kept);
  });
}

/**
 * The front matter block as gray-matter hands it over: from just after the opening `---`, so its
 * first line is the rest of the file's first line and its line numbers are the file's.
 */
function readFrontMatter(block: string, file: string): unknown {
  const plain = readPlainFrontMatter(block);
  if (plain) return plain;
  // With CRLF line ends the block keeps the CR before the closing `---`, which YAML would read
  // as part of the last value.
  const read = readYaml(block.replace(/\r$/, ''), file);
  if (!read.ok) {
    throw new FrontMatterError(read.problems.map((problem) => ({ ...problem, message: problem.message.replace(/^(invalid YAML)?:? ?/, 'invalid YAML front matter: ') })));
  }
  return read.data ?? {};
}

/** The 1-based line of a top-level front matter key, or 1 if it is not there. */
export function frontMatterLine(text: string, key: string): number {
  const index = text.split(/\r?\n/).findIndex((line) => line.startsWith(`${key}:`));
  return index >= 0 ? index + 1 : 1;
}
