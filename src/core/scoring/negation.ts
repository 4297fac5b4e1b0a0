import { stem, type Token } from '../text/tokenize.js';

const stems = (words: string) => new Set(words.split(' ').map(stem));

const NEGATORS = stems('no not without never none neither nor skip ignore');
/** "instead of X", "rather than X": X is what was not chosen. */
const NOT_CHOSEN = stems('instead rather');
/** "not only", "no more than", "no later than": the word after the negator undoes it. */
const UNDOERS = new Set(['only', 'just', 'more', 'less', 'fewer', 'longer', 'later', 'sooner', 'worse', 'better', 'matter', 'doubt']);
/** "X is not needed", "X: unnecessary", "X is overkill". */
const DISMISSALS = stems('unnecessary overkill needless pointless');
const NEEDS = stems('need needed required necessary worth use matter important relevant concern issue problem priority risk');
/** Words before "not" that make it a refusal to do something: "won't", "don't", "do not", "is not". */
const AUXILIARIES = new Set(['do', 'doe', 'did', 'will', 'wo', 'would', 'should', 'can', 'ca', 'could', 'need', 'is', 'are', 'wa', 'were', 'must', 'shall']);
/** Negators that refuse the thing itself even when it is a risk: "skip drift checks", "ignore imbalance". */
const REFUSALS = stems('skip ignore never');

const LOOK_BACK = 4;
const LOOK_AHEAD = 4;

/**
 * `any`: every negation counts. `dismissal`: for risks ("no leakage because the split is by
 * time", "without skew"), only a refusal to deal with it counts: "we won't monitor drift", "no need
 * for resampling", "skip it", "drift checks are overkill".
 */
export type NegationMode = 'any' | 'dismissal';

/**
 * Whether the mention spanning tokens[start..end] is negated: a negator a few words before it
 * in the same clause ("no monitoring", "we won't use a baseline", "instead of a DNN"), or a
 * dismissal right after it ("monitoring is not needed"). Words inside another mention
 * ("not interested" as an alias) are not negators.
 */
export function isNegated(tokens: readonly Token[], start: number, end: number, covered: ReadonlySet<number>, mode: NegationMode = 'any'): boolean {
  const sentence = tokens[start]!.sentence;
  const clause = tokens[start]!.clause;
  let seen = 0;
  for (let index = start - 1; index >= 0 && seen < LOOK_BACK; index--) {
    const token = tokens[index]!;
    if (token.clause !== clause) break;
    if (token.filler && token.stem !== 'of') continue;
    seen++;
    if (covered.has(index)) continue;
    const after = tokens[index + 1];
    const undone = after !== undefined && UNDOERS.has(after.lower);
    if (mode === 'any') {
      if (NOT_CHOSEN.has(token.stem)) return true;
      if (NEGATORS.has(token.stem) && !undone) return true;
      continue;
    }
    if (REFUSALS.has(token.stem)) return true;
    const before = tokens[index - 1];
    if (token.stem === 'not' && before && AUXILIARIES.has(before.stem) && !undone) return true;
    if (token.stem === 'no' && after && NEEDS.has(after.stem)) return true;
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
