import type { Antipattern } from '../schema/antipattern.js';
import { compilePhrases, findMentions, type Mention, type PhraseMatcher, type Words } from './matcher.js';
import { isNegated } from './negation.js';
import type { StepResult } from './result.js';

/** A question's anti-patterns with their phrases compiled once: each rule's `any`, then its `unless`. */
export interface AntipatternCheck {
  rules: readonly Antipattern[];
  phrases: PhraseMatcher;
}

export function compileAntipatterns(rules: readonly Antipattern[]): AntipatternCheck {
  return { rules, phrases: compilePhrases(rules.flatMap((rule) => (rule.kind === 'mention' ? [rule.any, rule.unless] : [[], []]))) };
}

/**
 * The warnings of the rules the notes break, each with its hint: a `mention` rule whose phrase
 * stands un-negated with none of its `unless` phrases anywhere, at the line of the first such
 * mention; a `missing` rule whose concepts were all found nowhere.
 */
export function findAntipatterns(check: AntipatternCheck, words: Words, steps: readonly StepResult[], lineNumber: (line: number) => number): string[] {
  const { tokens } = words;
  const mentions = findMentions(check.phrases, words);
  const covered = new Set<number>();
  for (const mention of mentions) for (let index = mention.start; index <= mention.end; index++) covered.add(index);
  const said = (phrases: number): Mention | undefined =>
    mentions.find((mention) => mention.item === phrases && !isNegated(tokens, mention.start, mention.end, covered));
  const found = new Set(steps.flatMap((step) => [...step.hits, ...step.misplaced].map((item) => item.id)));
  return check.rules.flatMap((rule, index) => {
    if (rule.kind === 'missing') return rule.concepts.some((id) => found.has(id)) ? [] : [`${rule.label}: ${rule.hint}`];
    const mention = said(2 * index);
    if (!mention || said(2 * index + 1)) return [];
    return [`${rule.label} (line ${lineNumber(mention.line)}): ${rule.hint}`];
  });
}
