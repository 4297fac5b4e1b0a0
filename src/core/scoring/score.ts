import { FRAMEWORK, getStep, type StepId } from '../framework.js';
import type { Notes } from '../notes/parse-notes.js';
import { splitSections, type Section } from '../notes/sections.js';
import { sanitize } from '../text/sanitize.js';
import { STOPWORDS } from '../text/stopwords.js';
import { phraseStems, tokenize, type Token } from '../text/tokenize.js';
import { isReasonAt, measureDepth } from './depth.js';
import { findMentions, type Matcher, type Mention } from './matcher.js';
import { isNegated } from './negation.js';
import type { Hit, Miss, Misplaced, Negated, ScoreResult, StepResult } from './result.js';

/**
 * The scorer's constants, in one place so their effect is easy to see and test.
 * - misplacedCredit: share of an item's weight earned when it is found under another step.
 * - unreasonedCredit: share earned by a `reasoned` item named without any reason near it.
 * - fullCoverage: the share of a step's checklist weight that earns 100 for that step; a strong
 *   answer covers what matters, not every alias of every item.
 * - requiredPenalty: share of a step's score lost per required item found nowhere.
 * - lineCap / wordsPerExtraConcept: a line earns at most lineCap concepts, plus one for every
 *   wordsPerExtraConcept words of its own (content words that are not rubric terms), up to
 *   maxPerLine; mentions in the same words share one place, the items of the line's own step are
 *   served first, the heaviest first.
 * - bareShare / listFloor / minListMentions: when more than bareShare of a section's mentions
 *   (and at least minListMentions of them) stand in bare lines, lines of rubric terms with
 *   hardly a content word of their own, the section reads as a pasted or padded list and its
 *   credit shrinks in proportion, down to listFloor; in notes that explain elsewhere (at least
 *   explainedAt numbers and reasons of their own, outside rubric terms), such a section is terse
 *   rather than pasted and keeps at least explainedListFloor.
 * - listedAt: naming this many alternatives of a `choice` item, or items of one group, in one
 *   line is listing, not choosing, and earns none of them.
 * - depthTarget / depthFloor: a step with fewer than depthTarget numbers or reasons keeps only
 *   part of its score, down to depthFloor with none.
 */
export const SCORING = {
  misplacedCredit: 0.5,
  unreasonedCredit: 0.5,
  fullCoverage: 0.6,
  requiredPenalty: 0.15,
  lineCap: 2,
  wordsPerExtraConcept: 4,
  maxPerLine: 8,
  bareShare: 0.5,
  minListMentions: 5,
  listFloor: 0.1,
  explainedAt: 3,
  explainedListFloor: 0.5,
  listedAt: 3,
  depthTarget: 2,
  depthFloor: 0.8,
} as const;

/** The steps' own names: a line made only of these and its heading's words repeats a heading. */
const STEP_NAMES = new Set(FRAMEWORK.flatMap((step) => phraseStems(`${step.id} ${step.title}`)));

interface LineInfo {
  step: StepId | null;
  section: number;
  heading: boolean;
  /** Stems of the line's own words: those not inside any mention. */
  own: number;
  /** Whether the line only repeats a heading or a step name ("- Monitoring"). */
  echo: boolean;
}

interface Credit {
  mention: Mention;
  credit: number;
  step: StepId | null;
  note?: string;
}

export function scoreNotes(notes: Notes, questionId: string, matcher: Matcher): ScoreResult {
  const { sections, headingsFound } = splitSections(notes.lines);
  const tokens = tokenize(notes.lines.join('\n'));
  const mentions = findMentions(matcher, tokens);
  const covered = new Set<number>();
  for (const mention of mentions) for (let index = mention.start; index <= mention.end; index++) covered.add(index);

  const lineInfo = describeLines(notes, sections, tokens, covered, headingsFound);
  const byLine = groupBy(mentions, (mention) => mention.line);
  const reasons = tokens.map((_, index) => isReasonAt(tokens, index));
  const explained = tokens.filter((token, index) => !covered.has(index) && !lineInfo[token.line]!.heading && (token.numeric || reasons[index])).length;
  const listFloor = explained >= SCORING.explainedAt ? SCORING.explainedListFloor : SCORING.listFloor;
  const sectionFactor = explanationFactors(sections, lineInfo, byLine, listFloor);
  const evidence = (line: number) => ({ line: notes.firstLine + line, text: clip(sanitize(notes.lines[line] ?? '').trim()) });

  const reasonLines = new Set(tokens.filter((_, index) => reasons[index]).map((token) => token.line));
  const credits: Credit[] = [];
  const negated = new Map<number, Mention>();
  for (const [line, lineMentions] of byLine) {
    const info = lineInfo[line]!;
    if (info.heading || info.echo) continue;
    const live: Mention[] = [];
    const aliases = new Map<number, Set<string>>();
    for (const mention of lineMentions.sort((a, b) => a.start - b.start)) {
      const item = matcher.items[mention.item]!;
      if (isNegated(tokens, mention.start, mention.end, covered, item.negatable ? 'any' : 'dismissal')) {
        if (!negated.has(mention.item)) negated.set(mention.item, mention);
        continue;
      }
      const seen = aliases.get(mention.item) ?? new Set<string>();
      seen.add(mention.alias);
      aliases.set(mention.item, seen);
      if (!live.some((other) => other.item === mention.item)) live.push(mention);
    }
    const listed = listedGroups(live, matcher);
    const cap = Math.min(SCORING.maxPerLine, SCORING.lineCap + Math.floor(info.own / SCORING.wordsPerExtraConcept));
    const ranked = [...live].sort((a, b) => rank(matcher, a, info.step) - rank(matcher, b, info.step) || a.start - b.start);
    const places: Mention[] = [];
    for (const mention of ranked) {
      const item = matcher.items[mention.item]!;
      if (item.group && listed.has(item.group)) continue;
      if (item.kind === 'choice' && aliases.get(mention.item)!.size >= SCORING.listedAt) continue;
      if (!places.some((place) => place.start <= mention.end && mention.start <= place.end)) {
        if (places.length >= cap) continue;
        places.push(mention);
      }
      const factor = sectionFactor[info.section] ?? 1;
      const reasoned = item.kind === 'mention' || reasonLines.has(line) || reasonLines.has(line + 1);
      credits.push({
        mention,
        credit: factor * (reasoned ? 1 : SCORING.unreasonedCredit),
        step: info.step,
        note: reasoned ? undefined : 'named without a reason: say why this one',
      });
    }
  }

  const creditsByItem = groupBy(credits, (credit) => credit.mention.item);
  const steps = FRAMEWORK.map((step): StepResult => {
    const hits: Hit[] = [];
    const misplaced: Misplaced[] = [];
    const negatedHere: Negated[] = [];
    const misses: Miss[] = [];
    const requiredMissing: string[] = [];
    let earned = 0;
    let possible = 0;
    matcher.items.forEach((item, index) => {
      if (item.step !== step.id) return;
      possible += item.weight;
      const mine = creditsByItem.get(index) ?? [];
      const home = best(mine.filter((credit) => !headingsFound || credit.step === step.id));
      if (home) {
        earned += item.weight * home.credit;
        hits.push({ id: item.id, label: item.label, weight: item.weight, credit: round2(home.credit), ...evidence(home.mention.line), ...(home.note ? { note: home.note } : {}) });
        return;
      }
      const away = best(mine);
      if (away) {
        const credit = away.credit * SCORING.misplacedCredit;
        earned += item.weight * credit;
        misplaced.push({ id: item.id, label: item.label, weight: item.weight, credit: round2(credit), foundIn: away.step, ...evidence(away.mention.line) });
        return;
      }
      if (item.required) requiredMissing.push(item.id);
      const denied = negated.get(index);
      if (denied) negatedHere.push({ id: item.id, label: item.label, ...evidence(denied.line) });
      misses.push({ id: item.id, label: item.label, weight: item.weight, required: item.required, hint: item.hint });
    });
    const stepLines = lineInfo.flatMap((info, line) => ((headingsFound ? info.step === step.id : true) && !info.heading ? [line] : []));
    const depth = depthOfLines(tokens, stepLines);
    const coverage = possible > 0 ? Math.min(1, earned / (possible * SCORING.fullCoverage)) : 1;
    const signals = Math.min(1, (depth.numbers + depth.reasons) / SCORING.depthTarget);
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
    };
  });

  const totalWeight = steps.reduce((sum, step) => sum + step.weight, 0);
  const score = Math.round(steps.reduce((sum, step) => sum + step.score * step.weight, 0) / totalWeight);
  return { question: questionId, score, steps, warnings: collectWarnings(headingsFound, steps, sections, sectionFactor) };
}

function describeLines(
  notes: Notes,
  sections: readonly Section[],
  tokens: readonly Token[],
  covered: ReadonlySet<number>,
  headingsFound: boolean,
): LineInfo[] {
  const info: LineInfo[] = notes.lines.map(() => ({ step: null, section: 0, heading: false, own: 0, echo: false }));
  sections.forEach((section, index) => {
    const step = headingsFound ? section.step : null;
    if (section.headingLine !== null) Object.assign(info[section.headingLine]!, { step, section: index, heading: true });
    for (const line of section.lines) Object.assign(info[line]!, { step, section: index });
  });
  const stemsByLine = new Map<number, string[]>();
  const ownByLine = new Map<number, string[]>();
  const push = (map: Map<number, string[]>, line: number, word: string) => {
    const list = map.get(line);
    if (list) list.push(word);
    else map.set(line, [word]);
  };
  tokens.forEach((token, index) => {
    if (token.filler) return;
    if (!covered.has(index) && !STOPWORDS.has(token.stem)) push(ownByLine, token.line, token.stem);
    push(stemsByLine, token.line, token.stem);
  });
  const template = templateWords(ownByLine, info);
  for (const [line, own] of ownByLine) {
    const skip = template.get(info[line]!.section);
    info[line]!.own = own.filter((word) => !skip?.has(word)).length;
  }
  for (const [line, stems] of stemsByLine) {
    const section = sections[info[line]!.section];
    const headingStems = new Set(section ? phraseStems(section.heading) : []);
    info[line]!.echo = stems.length <= 3 && stems.every((word) => headingStems.has(word) || STEP_NAMES.has(word));
  }
  return info;
}

/**
 * Words repeated as padding: an own word found in three or more lines of a section and in at
 * least half of its lines ("- QPS: yes", "- drift: yes") is a template, not an explanation.
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
 * For each section, how much of its credit stands in bare lines: lines of rubric terms with
 * hardly a content word of their own (fewer than one for every three items named). Terse notes
 * mix terms with specifics, numbers and reasons; a pasted list (one term a line, or comma lists)
 * is bare throughout, and past `bareShare` of its mentions the section's credit shrinks in
 * proportion, down to `listFloor`. A section naming fewer than `minListMentions` items is too
 * short to call a list.
 */
function explanationFactors(
  sections: readonly Section[],
  lineInfo: readonly LineInfo[],
  mentionsByLine: ReadonlyMap<number, readonly Mention[]>,
  listFloor: number,
): number[] {
  const total = sections.map(() => 0);
  const bare = sections.map(() => 0);
  for (const [line, mentions] of mentionsByLine) {
    const info = lineInfo[line]!;
    if (info.heading) continue;
    const items = new Set(mentions.map((mention) => mention.item)).size;
    total[info.section]! += items;
    if (info.own * 3 < items) bare[info.section]! += items;
  }
  return sections.map((_, index) => {
    if (total[index]! < SCORING.minListMentions) return 1;
    const share = bare[index]! / total[index]!;
    if (share <= SCORING.bareShare) return 1;
    return Math.max(listFloor, 1 - ((share - SCORING.bareShare) / (1 - SCORING.bareShare)) * (1 - listFloor));
  });
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

function depthOfLines(tokens: readonly Token[], lines: readonly number[]) {
  const wanted = new Set(lines);
  let numbers = 0;
  let reasons = 0;
  let from = -1;
  const flush = (to: number) => {
    if (from < 0) return;
    const depth = measureDepth(tokens, from, to);
    numbers += depth.numbers;
    reasons += depth.reasons;
    from = -1;
  };
  tokens.forEach((token, index) => {
    if (wanted.has(token.line)) {
      if (from < 0) from = index;
    } else flush(index);
  });
  flush(tokens.length);
  return { numbers, reasons };
}

function collectWarnings(headingsFound: boolean, steps: readonly StepResult[], sections: readonly Section[], factors: readonly number[]): string[] {
  if (!headingsFound) {
    return ['no step headings found: the notes were scored as one section; use one "## " heading per step (e.g. "## 4. Model")'];
  }
  const warnings: string[] = [];
  const absent = steps.filter((step) => !step.present).map((step) => getStep(step.id).title);
  if (absent.length > 0) warnings.push(`no section for: ${absent.join(', ')}`);
  sections.forEach((section, index) => {
    if ((factors[index] ?? 1) < 1 && section.step) {
      warnings.push(`the ${getStep(section.step).title} section reads as a list of terms: say what you chose and why`);
    }
  });
  return warnings;
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

function clip(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function headingLineOf(sections: readonly Section[], step: StepId, firstLine: number): number | null {
  const section = sections.find((candidate) => candidate.step === step && candidate.headingLine !== null);
  return section ? firstLine + section.headingLine! : null;
}
