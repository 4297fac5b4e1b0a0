import { FRAMEWORK, type StepId } from '../framework.js';
import { phraseStems } from '../text/tokenize.js';

/** A run of lines of a notes body that belongs to one step (or to none, before the first). */
export interface Section {
  step: StepId | null;
  /** 0-based line index of the heading, or null for text before any heading. */
  headingLine: number | null;
  heading: string;
  /** 0-based line indexes of the section's body lines, heading excluded. */
  lines: number[];
}

interface Heading {
  line: number;
  level: number;
  text: string;
  step: StepId | null;
  /** Found by the step number alone ("## 4." or "4) Approach"), not by a heading word. */
  byNumber: boolean;
  /** A heading that names no step ("## Online path", "# Big idea"): it stays in the step before it. */
  continues?: boolean;
}

/** Words too general to decide a heading when a more specific step word stands beside them. */
const WEAK_WORDS = new Set(['metric', 'metrics', 'objective', 'objectives', 'goals', 'approach', 'context', 'overview', 'testing', 'validation', 'scope'].map((word) => phraseStems(word)[0]!));

const HEADING_ALIASES = FRAMEWORK.flatMap((step) =>
  step.headings.map((phrase) => {
    const stems = phraseStems(phrase);
    return { step: step.id, stems, weak: stems.every((word) => WEAK_WORDS.has(word)) };
  }),
);

/**
 * Which step a heading names. The heading is cut at "&", "and", "of", commas and brackets, and
 * the first part that names a step decides ("Deployment & monitoring" is serving, "Evaluation of
 * the model" is evaluation). Within a part the word that comes last wins, as English puts the
 * head noun last ("Model serving" is serving, "Training data" is data), a longer phrase beats a
 * shorter one ending at the same word, and general words such as "metrics" decide only when
 * nothing more specific is there ("Monitoring metrics" is monitoring).
 */
export function stepOfHeading(text: string): StepId | null {
  let step = headingSteps.get(text);
  if (step === undefined) {
    step = readHeading(text);
    if (headingSteps.size > 10_000) headingSteps.clear();
    headingSteps.set(text, step);
  }
  return step;
}

/** Headings repeat from one notes file to the next ("## 4. Model"): each is read once. */
const headingSteps = new Map<string, StepId | null>();

function readHeading(text: string): StepId | null {
  const parts = text.split(/\s(?:&|\+|and|of)\s|[,;:()[\]|]/i);
  for (const part of parts) {
    const stems = phraseStems(part);
    let best: { step: StepId; end: number; length: number; weak: boolean } | null = null;
    for (const alias of HEADING_ALIASES) {
      const end = lastEnd(stems, alias.stems);
      if (end < 0) continue;
      const better =
        !best ||
        (best.weak && !alias.weak) ||
        (best.weak === alias.weak && (end > best.end || (end === best.end && alias.stems.length > best.length)));
      if (better) best = { step: alias.step, end, length: alias.stems.length, weak: alias.weak };
    }
    if (best) return best.step;
  }
  return null;
}

function lastEnd(haystack: readonly string[], needle: readonly string[]): number {
  if (needle.length === 0) return -1;
  for (let start = haystack.length - needle.length; start >= 0; start--) {
    if (needle.every((word, offset) => haystack[start + offset] === word)) return start + needle.length;
  }
  return -1;
}

const ATX = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const BOLD_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$/;
const LABEL_LINE = /^\s*([A-Za-z0-9][^:.!?]{0,48}?)\s*:\s*$/;
const NUMBERED = /^\s*(?:step\s*)?([1-7])\s*[.):\-–—]?(?:\s+|$)(.*)$/i;
const NUMBERED_LINE = /^\s*(?:step\s*)?([1-7])\s*[.):\-–—]\s+(\S.{0,48})$/i;

/**
 * Finds the step headings of a notes body. Markdown `#` headings count when any of them names a
 * step; notes without such headings may use lines that are only bold text, short "Label:" lines
 * or "3) Data" alone on a line instead. Numbered headings with no step word ("## 4.") fall back
 * to the step of that number.
 */
export function findHeadings(lines: readonly string[]): Heading[] {
  const markdown: Heading[] = [];
  const loose: Heading[] = [];
  let fence = false;
  lines.forEach((line, index) => {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) return;
    const atx = ATX.exec(line);
    if (atx) {
      markdown.push(classify(index, atx[1]!.length, atx[2]!));
      return;
    }
    const bold = BOLD_LINE.exec(line)?.[1];
    const text = bold ?? LABEL_LINE.exec(line)?.[1] ?? NUMBERED_LINE.exec(line)?.[0];
    if (text === undefined) return;
    const heading = classify(index, 1, text);
    if (heading.step && (!heading.byNumber || bold !== undefined)) loose.push(heading);
  });
  const usable = markdown.some((heading) => heading.step !== null) ? markdown : loose;
  return settleLevels(usable);
}

function classify(line: number, level: number, rawText: string): Heading {
  const text = rawText.replace(/[*_`]/g, '').trim();
  const numbered = NUMBERED.exec(text);
  const step = stepOfHeading(numbered ? numbered[2]! : text);
  if (step) return { line, level, text, step, byNumber: false };
  if (numbered) return { line, level, text, step: FRAMEWORK[Number(numbered[1]) - 1]!.id, byNumber: true };
  return { line, level, text, step: null, byNumber: false };
}

/**
 * Decides the level the notes use for steps (the level at which most headings name a step by
 * name) and keeps deeper headings from switching steps: below that level they belong to the
 * section they stand in, so "### 1. Candidate generation" under serving stays in serving. A
 * heading that names no step ("## Online path" after "## Serving", or a "# Big idea" typed in a
 * drill) continues the step before it; before the first step heading there is none to continue,
 * so a title stays unassigned.
 */
function settleLevels(headings: Heading[]): Heading[] {
  const counts = new Map<number, number>();
  for (const heading of headings) {
    if (heading.step && !heading.byNumber) counts.set(heading.level, (counts.get(heading.level) ?? 0) + 1);
  }
  let stepLevel = Infinity;
  let most = 0;
  for (const [level, count] of counts) {
    if (count > most || (count === most && level < stepLevel)) {
      stepLevel = level;
      most = count;
    }
  }
  if (most === 0) {
    const numbered = headings.filter((heading) => heading.byNumber);
    stepLevel = numbered.length > 0 ? Math.min(...numbered.map((heading) => heading.level)) : Infinity;
  }
  return headings
    .filter((heading) => heading.level <= stepLevel)
    .map((heading) => {
      if (heading.level < stepLevel && heading.byNumber) return { ...heading, step: null, continues: true };
      if (heading.step === null) return { ...heading, continues: true };
      return heading;
    });
}

/** Splits a body into sections by its step headings. */
export function splitSections(lines: readonly string[]): { sections: Section[]; headingsFound: boolean } {
  const headings = findHeadings(lines);
  const sections: Section[] = [];
  let current: Section = { step: null, headingLine: null, heading: '', lines: [] };
  let next = 0;
  lines.forEach((_, index) => {
    const heading = headings[next];
    if (heading && heading.line === index) {
      next++;
      if (current.lines.length > 0 || current.headingLine !== null) sections.push(current);
      const step = heading.step ?? (heading.continues ? current.step : null);
      current = { step, headingLine: index, heading: heading.text, lines: [] };
      return;
    }
    current.lines.push(index);
  });
  sections.push(current);
  return { sections, headingsFound: headings.some((heading) => heading.step !== null) };
}
