import matter from 'gray-matter';
import { z } from 'zod';
import { StepIdSchema } from '../schema/common.js';
import type { Problem } from '../yaml-file.js';
import { formatPath } from '../yaml-file.js';
import { sanitize } from '../text/sanitize.js';

export const NotesFrontMatterSchema = z.looseObject({
  question: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a question id such as "video-recommendation"').optional(),
  candidate: z.string().optional(),
  minutes: z.number().positive().optional(),
  timings: z.partialRecord(StepIdSchema, z.number().nonnegative()).optional(),
  hints_used: z.array(z.string()).optional(),
  started: z.union([z.string(), z.date()]).optional(),
  finished: z.union([z.string(), z.date()]).optional(),
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

const REFUSE = (language: string) => () => {
  throw new CodeFrontMatterError(language);
};

class CodeFrontMatterError extends Error {
  constructor(readonly language: string) {
    super(`${language} front matter`);
  }
}

/**
 * Parses a notes file: YAML front matter (gray-matter, with its JavaScript and CoffeeScript
 * engines replaced by ones that refuse, so no code in a file ever runs) and the Markdown body.
 */
export function parseNotes(text: string, file: string): NotesParse {
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, {
      engines: {
        js: REFUSE('JavaScript'),
        javascript: REFUSE('JavaScript'),
        coffee: REFUSE('CoffeeScript'),
        coffeescript: REFUSE('CoffeeScript'),
        cson: REFUSE('CSON'),
      },
    });
  } catch (error) {
    return { ok: false, problems: [frontMatterProblem(error, file)] };
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
        message: `front matter ${formatPath(issue.path)}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`,
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
        if (close < 0) return kept;
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

function frontMatterProblem(error: unknown, file: string): Problem {
  if (error instanceof CodeFrontMatterError) {
    return { file, line: 1, col: 1, message: `${error.language} front matter is not allowed: use YAML between --- lines` };
  }
  const mark = (error as { mark?: { line: number; column: number } }).mark;
  const reason = (error as { reason?: string }).reason ?? String(error);
  return {
    file,
    line: mark ? mark.line + 1 : 1,
    col: mark ? mark.column + 1 : 1,
    message: `invalid YAML front matter: ${reason}`,
  };
}

/** The 1-based line of a top-level front matter key, or 1 if it is not there. */
export function frontMatterLine(text: string, key: string): number {
  const index = text.split(/\r?\n/).findIndex((line) => line.startsWith(`${key}:`));
  return index >= 0 ? index + 1 : 1;
}
