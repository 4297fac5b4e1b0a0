import type { Token } from '../text/tokenize.js';

const NEGATORS = new Set(['no', 'not', 'without', 'never', 'none', 'neither', 'nor', 'skip']);
/** "instead of X", "rather than X": X is what was not chosen. */
const NOT_CHOSEN = new Set(['instead', 'rather']);
/** "not only", "no more than", "no later than": the word after the negator undoes it. */
const UNDOERS = new Set(['only', 'just', 'more', 'less', 'fewer', 'longer', 'later', 'sooner', 'worse', 'better', 'matter', 'doubt']);
/** "X is not needed", "X: unnecessary". */
const DISMISSALS = new Set(['unnecessari', 'overkil', 'overkill', 'needless', 'pointless']);
const NEEDS = new Set(['need', 'requir', 'necessari', 'necessary', 'worth', 'us', 'use', 'matter', 'import', 'relev']);

const LOOK_BACK = 4;
const LOOK_AHEAD = 4;

/**
 * Whether the mention spanning tokens[start..end] is negated: a negator a few words before it
 * in the same sentence ("no monitoring", "we won't use a baseline", "instead of a DNN"), or a
 * dismissal right after it ("monitoring is not needed"). Words inside another mention
 * ("not interested" as an alias) are not negators.
 */
export function isNegated(tokens: readonly Token[], start: number, end: number, covered: ReadonlySet<number>): boolean {
  const sentence = tokens[start]!.sentence;
  let seen = 0;
  for (let index = start - 1; index >= 0 && seen < LOOK_BACK; index--) {
    const token = tokens[index]!;
    if (token.sentence !== sentence) break;
    if (token.filler && token.stem !== 'of') continue;
    seen++;
    if (covered.has(index)) continue;
    if (NOT_CHOSEN.has(token.stem)) return true;
    if (NEGATORS.has(token.stem)) {
      const after = tokens[index + 1];
      if (after && index + 1 < start && UNDOERS.has(after.raw.toLowerCase())) continue;
      if (after && index + 1 === start && UNDOERS.has(after.raw.toLowerCase())) continue;
      return true;
    }
  }
  seen = 0;
  for (let index = end + 1; index < tokens.length && seen < LOOK_AHEAD; index++) {
    const token = tokens[index]!;
    if (token.sentence !== sentence) break;
    if (token.filler) continue;
    seen++;
    if (DISMISSALS.has(token.stem)) return true;
    if (NEGATORS.has(token.stem)) {
      const next = tokens.slice(index + 1, index + 3).find((candidate) => !candidate.filler);
      if (next && NEEDS.has(next.stem)) return true;
    }
  }
  return false;
}
