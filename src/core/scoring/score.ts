import { FRAMEWORK, getStep, type StepId } from '../framework.js';
import type { Notes } from '../notes/parse-notes.js';
import { splitSections, type Section } from '../notes/sections.js';
import { sanitize } from '../text/sanitize.js';
import { STOPWORDS } from '../text/stopwords.js';
import { phraseStems, tokenize, type Token } from '../text/tokenize.js';
import { findAntipatterns } from './antipatterns.js';
import { depthPerLine, isReasonAt, type Depth } from './depth.js';
import { frameOf, paragraphsOf, segmentsOf, shapeOfParagraph, type LineShape } from './line-shape.js';
import { findMentions, wordsOf, type Matcher, type Mention } from './matcher.js';
import { isNegated } from './negation.js';
import type { Hit, Miss, Misplaced, Negated, ScoreResult, StepResult } from './result.js';

/**
 * The scorer's constants, in one place so their effect is easy to see and test.
 * - misplacedCredit: share of an item's weight earned when it is found under another step.
 * - unreasonedCredit: share earned by a `reasoned` item named without any reason near it; a
 *   `choice` (the chosen model) named without a reason earns nothing: naming is not choosing.
 * - fullCoverage: the share of a step's checklist weight that earns 100 for that step; a strong
 *   answer covers what matters, not every alias of every item.
 * - requiredPenalty: share of a step's score lost per required item found nowhere.
 * - listCredit / explainedForFull: a paragraph (a line, or the lines of a wrapped sentence) is
 *   cut into segments at commas, semicolons, bars and sentence ends (see line-shape.ts); one
 *   whose segments are bare terms, with no decision, number or reason, earns listCredit of its
 *   items' weight; it earns in full once explainedForFull of its segments explain, and in
 *   proportion between.
 * - lineCap / wordsPerExtraConcept: a line earns at most lineCap concepts, plus one for every
 *   wordsPerExtraConcept specific words of its own in the segments that explain, or for every
 *   explaining segment after the first if that is more, up to maxPerLine; mentions in the same words share one place, the items of the line's own step are
 *   served first, the heaviest first.
 * - listedAt: naming this many alternatives of a `choice` item, or items of one group, in one
 *   line is listing, not choosing, and earns none of them.
 * - depthPerItem / depthTarget / depthFloor: depth over breadth. A step needs depthPerItem
 *   numbers or reasons for each item it names (at least depthTarget in all); with fewer it keeps
 *   part of its score, down to depthFloor with none.
 */
export const SCORING = {
  misplacedCredit: 0.5,
  unreasonedCredit: 0.5,
  fullCoverage: 0.6,
  requiredPenalty: 0.15,
  listCredit: 0.2,
  explainedForFull: 0.25,
  lineCap: 2,
  wordsPerExtraConcept: 4,
  maxPerLine: 8,
  listedAt: 3,
  depthPerItem: 0.34,
  depthTarget: 2,
  depthFloor: 0.8,
} as const;

/** The steps' own names: a line made only of these and its heading's words repeats a heading. */
const STEP_NAMES = new Set(FRAMEWORK.flatMap((step) => phraseStems(`${step.id} ${step.title}`)));

interface LineInfo {
  step: StepId | null;
  section: number;
  heading: boolean;
  /** Whether the line only repeats a heading or a step name ("- Monitoring"). */
  echo: boolean;
  /** The line's paragraph: itself, or with the lines of the sentence it wraps. */
  paragraph: number;
  /** The share of credit its mentions earn, by its paragraph's shape (lineCredit). */
  credit: number;
  /** Specific words of its own in the paragraph's explaining segments: they raise its cap. */
  own: number;
  /** Explaining segments that start on the line: each may carry an item of its own. */
  explained: number;
}

interface Credit {
  mention: Mention;
  credit: number;
  step: StepId | null;
  note?: string;
}

const LISTED_NOTE = 'terms listed without a decision or reason earn little: say what you chose and why';
const LISTED_HIT_NOTE = 'in a list of terms';

export function scoreNotes(notes: Notes, questionId: string, matcher: Matcher): ScoreResult {
  const { sections, headingsFound } = splitSections(notes.lines);
  const tokens = tokenize(notes.lines.join('\n'));
  const words = wordsOf(tokens);
  const mentions = findMentions(matcher, words);
  const covered = new Set<number>();
  for (const mention of mentions) for (let index = mention.start; index <= mention.end; index++) covered.add(index);

  const paragraphs = paragraphsOf(notes.lines);
  const segments = segmentsOf(tokens, notes.lines, paragraphs);
  const byLine = groupBy(mentions, (mention) => mention.line);
  const lineInfo = describeLines(notes, sections, tokens, covered, headingsFound, paragraphs, segments, byLine);
  const evidence = (line: number) => ({ line: notes.firstLine + line, text: clip(sanitize(notes.lines[line] ?? '').trim()) });

  const reasons = tokens.map((_, index) => isReasonAt(tokens, index));
  const reasonLines = new Set(tokens.filter((_, index) => reasons[index]).map((token) => token.line));
  const lineDepth = depthPerLine(tokens, reasons, notes.lines.length);
  const reasonParagraphs = new Set([...reasonLines].map((line) => paragraphs[line]));
  const credits: Credit[] = [];
  const negated = new Map<number, Mention>();
  const listedLines = new Map<StepId | null, { line: number; factor: number }>();
  for (const [line, lineMentions] of byLine) {
    const info = lineInfo[line]!;
    if (info.heading || info.echo) continue;
    const standing = lineMentions
      .sort((a, b) => a.start - b.start)
      .filter((mention) => {
        const item = matcher.items[mention.item]!;
        if (!isNegated(tokens, mention.start, mention.end, covered, item.negatable ? 'any' : 'dismissal')) return true;
        if (!negated.has(mention.item)) negated.set(mention.item, mention);
        return false;
      });
    const live: Mention[] = [];
    const aliases = new Map<number, Set<string>>();
    for (const mention of inContext(standing, matcher, tokens, segments)) {
      const seen = aliases.get(mention.item) ?? new Set<string>();
      seen.add(mention.alias);
      aliases.set(mention.item, seen);
      if (!live.some((other) => other.item === mention.item)) live.push(mention);
    }
    const listed = listedGroups(live, matcher);
    const factor = info.credit;
    const worst = listedLines.get(info.step);
    if (factor < 1 && live.length > 0 && (!worst || factor < worst.factor)) listedLines.set(info.step, { line, factor });
    const cap = Math.min(SCORING.maxPerLine, SCORING.lineCap + Math.max(info.explained - 1, Math.floor(info.own / SCORING.wordsPerExtraConcept)));
    const ranked = [...live].sort((a, b) => rank(matcher, a, info.step) - rank(matcher, b, info.step) || a.start - b.start);
    const places: Mention[] = [];
    for (const mention of ranked) {
      const item = matcher.items[mention.item]!;
      const reasoned = item.kind === 'mention' || reasonParagraphs.has(info.paragraph) || reasonLines.has(line + 1);
      if (item.group && listed.has(item.group)) continue;
      if (item.kind === 'choice' && (!reasoned || aliases.get(mention.item)!.size >= SCORING.listedAt)) continue;
      if (!places.some((place) => place.start <= mention.end && mention.start <= place.end)) {
        if (places.length >= cap) continue;
        places.push(mention);
      }
      credits.push({
        mention,
        credit: factor * (reasoned ? 1 : SCORING.unreasonedCredit),
        step: info.step,
        note: factor < 1 ? LISTED_HIT_NOTE : reasoned ? undefined : 'named without a reason: say why this one',
      });
    }
  }

  const creditsByItem = groupBy(credits, (credit) => credit.mention.item);
  const depthByStep = depthPerStep(lineInfo, lineDepth, headingsFound);
  const namedByStep = groupBy(credits, (credit) => (headingsFound ? credit.step : null));
  const steps = FRAMEWORK.map((step): StepResult => {
    const hits: Hit[] = [];
    const misplaced: Misplaced[] = [];
    const negatedHere: Negated[] = [];
    const misses: Miss[] = [];
    const requiredMissing: string[] = [];
    let earned = 0;
    let possible = 0;
    for (const index of matcher.byStep[step.id]) {
      const item = matcher.items[index]!;
      possible += item.weight;
      const mine = creditsByItem.get(index) ?? [];
      const home = best(mine.filter((credit) => !headingsFound || credit.step === step.id));
      if (home) {
        earned += item.weight * home.credit;
        hits.push({ id: item.id, label: item.label, weight: item.weight, credit: round2(home.credit), ...evidence(home.mention.line), ...(home.note ? { note: home.note } : {}) });
        continue;
      }
      const away = best(mine);
      if (away) {
        const credit = away.credit * SCORING.misplacedCredit;
        earned += item.weight * credit;
        misplaced.push({ id: item.id, label: item.label, weight: item.weight, credit: round2(credit), foundIn: away.step, ...evidence(away.mention.line) });
        continue;
      }
      if (item.required) requiredMissing.push(item.id);
      const denied = negated.get(index);
      if (denied) negatedHere.push({ id: item.id, label: item.label, ...evidence(denied.line) });
      misses.push({ id: item.id, label: item.label, weight: item.weight, required: item.required, hint: item.hint });
    }
    const key = headingsFound ? step.id : null;
    const depth = depthByStep.get(key) ?? { numbers: 0, reasons: 0 };
    const named = new Set((namedByStep.get(key) ?? []).map((credit) => credit.mention.item)).size;
    const listedLine = listedLines.get(key);
    const coverage = possible > 0 ? Math.min(1, earned / (possible * SCORING.fullCoverage)) : 1;
    const needed = Math.max(SCORING.depthTarget, Math.ceil(named * SCORING.depthPerItem));
    const signals = Math.min(1, (depth.numbers + depth.reasons) / needed);
    const depthFactor = SCORING.depthFloor + (1 - SCORING.depthFloor) * signals;
    const requiredFactor = Math.max(0, 1 - SCORING.requiredPenalty * requiredMissing.length);
    return {
      id: step.id,
      title: step.title,
      score: Math.round(100 * coverage * depthFactor * requiredFactor),
      weight: step.weight,
      present: !headingsFound || sections.some((section) => section.step === step.id),
      line: headingLineOf(sections, step.id, notes.firstLine),
      hits,
      misplaced,
      negated: negatedHere,
      misses,
      requiredMissing,
      depth,
      ...(listedLine ? { listed: { ...evidence(listedLine.line), credit: round2(listedLine.factor), note: LISTED_NOTE } } : {}),
    };
  });

  const totalWeight = steps.reduce((sum, step) => sum + step.weight, 0);
  const score = Math.round(steps.reduce((sum, step) => sum + step.score * step.weight, 0) / totalWeight);
  const mistakes = findAntipatterns(matcher.antipatterns, words, steps, (line) => notes.firstLine + line);
  return { question: questionId, score, steps, warnings: [...collectWarnings(headingsFound, steps), ...mistakes] };
}

/** The share of its items' weight a paragraph earns, by its shape: bare terms earn listCredit. */
function lineCredit(shape: LineShape): number {
  if (shape.segments === 0) return 1;
  const share = shape.explained / shape.segments / SCORING.explainedForFull;
  return Math.min(1, SCORING.listCredit + (1 - SCORING.listCredit) * share);
}

/**
 * Each line's step, section and paragraph, and for the lines with mentions (`byLine`), the only
 * ones scored, whether they echo a heading and what their paragraph's shape earns.
 */
function describeLines(
  notes: Notes,
  sections: readonly Section[],
  tokens: readonly Token[],
  covered: ReadonlySet<number>,
  headingsFound: boolean,
  paragraphs: readonly number[],
  segments: readonly number[],
  byLine: ReadonlyMap<number, unknown>,
): LineInfo[] {
  const info: LineInfo[] = notes.lines.map((_, line) => ({ step: null, section: 0, heading: false, echo: false, paragraph: paragraphs[line]!, credit: 1, own: 0, explained: 0 }));
  sections.forEach((section, index) => {
    const step = headingsFound ? section.step : null;
    if (section.headingLine !== null) Object.assign(info[section.headingLine]!, { step, section: index, heading: true });
    for (const line of section.lines) Object.assign(info[line]!, { step, section: index });
  });
  const lineRanges = new Map<number, [number, number]>();
  const paragraphRanges = new Map<number, [number, number]>();
  const ownByLine = new Map<number, string[]>();
  const extend = (ranges: Map<number, [number, number]>, key: number, index: number) => {
    const range = ranges.get(key);
    if (range) range[1] = index + 1;
    else ranges.set(key, [index, index + 1]);
  };
  tokens.forEach((token, index) => {
    extend(lineRanges, token.line, index);
    extend(paragraphRanges, paragraphs[token.line]!, index);
    if (token.filler || covered.has(index) || STOPWORDS.has(token.stem)) return;
    const own = ownByLine.get(token.line);
    if (own) own.push(token.stem);
    else ownByLine.set(token.line, [token.stem]);
  });
  const template = templateWords(ownByLine, info);
  const headingStems = sections.map((section) => new Set(phraseStems(section.heading)));
  for (const [line, [from, to]] of lineRanges) {
    if (!byLine.has(line)) continue;
    const headingWords = headingStems[info[line]!.section] ?? new Set<string>();
    let words = 0;
    let echo = true;
    for (let index = from; index < to && echo; index++) {
      const token = tokens[index]!;
      if (token.filler) continue;
      words++;
      echo = words <= 3 && (headingWords.has(token.stem) || STEP_NAMES.has(token.stem));
    }
    info[line]!.echo = echo;
  }
  const padded = templateLines(lineRanges, tokens, covered, info, notes.lines);
  for (const [, [from, to]] of paragraphRanges) {
    const first = tokens[from]!.line;
    const last = tokens[to - 1]!.line;
    if (!hasLineIn(byLine, first, last)) continue;
    const shape = shapeOfParagraph(tokens, from, to, segments, covered, template.get(info[first]!.section) ?? new Set());
    const filled = first === last && padded.has(first);
    const credit = lineCredit(filled ? { ...shape, explained: 0 } : shape);
    for (let line = first; line <= last; line++) {
      Object.assign(info[line]!, { credit, own: filled ? 0 : (shape.ownByLine.get(line) ?? 0), explained: filled ? 0 : (shape.explainedByLine.get(line) ?? 0) });
    }
  }
  return info;
}

function hasLineIn(lines: ReadonlyMap<number, unknown>, first: number, last: number): boolean {
  for (let line = first; line <= last; line++) if (lines.has(line)) return true;
  return false;
}

/**
 * Lines that fill in a template: a frame (see frameOf) shared by three or more lines of a section
 * and by at least a quarter of its lines ("We use _ for the _." down the list).
 */
function templateLines(
  lineRanges: ReadonlyMap<number, readonly [number, number]>,
  tokens: readonly Token[],
  covered: ReadonlySet<number>,
  lineInfo: readonly LineInfo[],
  lines: readonly string[],
): Set<number> {
  const frames = new Map<string, number[]>();
  const linesPerSection = new Map<number, number>();
  for (const [line, [from, to]] of lineRanges) {
    const { section, heading } = lineInfo[line]!;
    if (heading) continue;
    linesPerSection.set(section, (linesPerSection.get(section) ?? 0) + 1);
    const frame = frameOf(tokens, from, to, covered, lines[line] ?? '');
    if (frame === null) continue;
    const key = `${section} ${frame}`;
    const same = frames.get(key);
    if (same) same.push(line);
    else frames.set(key, [line]);
  }
  const padded = new Set<number>();
  for (const lines of frames.values()) {
    const total = linesPerSection.get(lineInfo[lines[0]!]!.section) ?? 0;
    if (lines.length >= 3 && lines.length * 4 >= total) for (const line of lines) padded.add(line);
  }
  return padded;
}

/**
 * Words repeated as padding: an own word found in three or more lines of a section and in at
 * least half of its lines ("- QPS: yes", "- drift: planned") is a template, not an explanation.
 */
function templateWords(ownByLine: ReadonlyMap<number, readonly string[]>, lineInfo: readonly LineInfo[]): Map<number, Set<string>> {
  const lines = new Map<number, number>();
  const seen = new Map<number, Map<string, number>>();
  for (const [line, own] of ownByLine) {
    const section = lineInfo[line]!.section;
    lines.set(section, (lines.get(section) ?? 0) + 1);
    const counts = seen.get(section) ?? new Map<string, number>();
    for (const word of new Set(own)) counts.set(word, (counts.get(word) ?? 0) + 1);
    seen.set(section, counts);
  }
  const template = new Map<number, Set<string>>();
  for (const [section, counts] of seen) {
    const total = lines.get(section) ?? 0;
    template.set(section, new Set([...counts].filter(([, count]) => count >= 3 && count * 2 >= total).map(([word]) => word)));
  }
  return template;
}

/**
 * The mentions that stand in their items' context. An item with `context` phrases counts only
 * where one of them stands in the mention's segment, or makes up the whole segment just before
 * it ("First, LR on counts"); such a mention is that item's alone, so an alias it shares with
 * another item ("GBDT" as the baseline or as the chosen model) counts for the other only
 * outside that context.
 */
function inContext(mentions: readonly Mention[], matcher: Matcher, tokens: readonly Token[], segments: readonly number[]): Mention[] {
  const marked = mentions.filter((mention) => matcher.contexts[mention.item]!.length > 0 && hasContext(mention, matcher.contexts[mention.item]!, tokens, segments));
  return mentions.filter((mention) => {
    if (matcher.contexts[mention.item]!.length > 0) return marked.includes(mention);
    return !marked.some((claim) => claim.start === mention.start && claim.end === mention.end);
  });
}

function hasContext(mention: Mention, phrases: readonly string[][], tokens: readonly Token[], segments: readonly number[]): boolean {
  const startOf = (index: number) => {
    let start = index;
    while (start > 0 && segments[start - 1] === segments[index]) start--;
    return start;
  };
  const stemsFrom = (start: number) => {
    const stems: string[] = [];
    for (let index = start; index < tokens.length && segments[index] === segments[start]; index++) if (!tokens[index]!.filler) stems.push(tokens[index]!.stem);
    return stems;
  };
  const first = startOf(mention.start);
  const here = stemsFrom(first);
  const lead = first > 0 && tokens[first - 1]!.line === tokens[first]!.line ? stemsFrom(startOf(first - 1)) : [];
  return phrases.some((phrase) => contains(here, phrase) || (lead.length === phrase.length && contains(lead, phrase)));
}

function contains(words: readonly string[], phrase: readonly string[]): boolean {
  for (let start = 0; start + phrase.length <= words.length; start++) {
    if (phrase.every((word, offset) => words[start + offset] === word)) return true;
  }
  return false;
}

/** Groups with `listedAt` or more of their alternatives named in one line: listed, not chosen. */
function listedGroups(mentions: readonly Mention[], matcher: Matcher): Set<string> {
  const counts = new Map<string, Set<number>>();
  for (const mention of mentions) {
    const group = matcher.items[mention.item]!.group;
    if (!group) continue;
    const set = counts.get(group) ?? new Set<number>();
    set.add(mention.item);
    counts.set(group, set);
  }
  return new Set([...counts].filter(([, items]) => items.size >= SCORING.listedAt).map(([group]) => group));
}

/** The depth of each step's lines, headings aside: under the key null for notes without step headings. */
function depthPerStep(lineInfo: readonly LineInfo[], lineDepth: readonly Depth[], headingsFound: boolean): Map<StepId | null, Depth> {
  const byStep = new Map<StepId | null, Depth>();
  lineInfo.forEach((info, line) => {
    if (info.heading) return;
    const key = headingsFound ? info.step : null;
    const depth = byStep.get(key) ?? { numbers: 0, reasons: 0 };
    depth.numbers += lineDepth[line]!.numbers;
    depth.reasons += lineDepth[line]!.reasons;
    byStep.set(key, depth);
  });
  return byStep;
}

function collectWarnings(headingsFound: boolean, steps: readonly StepResult[]): string[] {
  if (!headingsFound) {
    return ['no step headings found: the notes were scored as one section; use one "## " heading per step (e.g. "## 4. Model")'];
  }
  const absent = steps.filter((step) => !step.present).map((step) => getStep(step.id).title);
  return absent.length > 0 ? [`no section for: ${absent.join(', ')}`] : [];
}

/** Order in which a line's mentions use up its cap: own step first, then by weight. */
function rank(matcher: Matcher, mention: Mention, step: StepId | null): number {
  const item = matcher.items[mention.item]!;
  return (item.step === step ? 0 : 10) - item.weight;
}

function best(credits: readonly Credit[]): Credit | undefined {
  return credits.reduce<Credit | undefined>((top, credit) => (!top || credit.credit > top.credit ? credit : top), undefined);
}

function groupBy<T, K>(values: readonly T[], key: (value: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const value of values) {
    const list = map.get(key(value)) ?? [];
    list.push(value);
    map.set(key(value), list);
  }
  return map;
}

/** At most 160 characters, cut before a character rather than inside one (an emoji is two). */
function clip(text: string): string {
  if (text.length <= 160) return text;
  const cut = /[\ud800-\udbff]/.test(text[156]!) ? 156 : 157;
  return `${text.slice(0, cut)}...`;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function headingLineOf(sections: readonly Section[], step: StepId, firstLine: number): number | null {
  const section = sections.find((candidate) => candidate.step === step && candidate.headingLine !== null);
  return section ? firstLine + section.headingLine! : null;
}
