import { stem, type Token } from '../text/tokenize.js';

/** Signs that a section explains rather than lists: numbers with units, reasons and trade-offs. */
export interface Depth {
  /** Quantities such as "500M DAU", "200 ms", "0.1%", "10k QPS". */
  numbers: number;
  /** Justifications, trade-offs and consequences: "because", "so that", "trade-off", "vs", "→". */
  reasons: number;
}

/** Words that join a choice to its reason: "because", "so that", "instead of", "vs". */
const CONNECTIVES = new Set(
  ['because', 'bc', 'since', 'why', 'tradeoff', 'vs', 'versus', 'therefore', 'hence', 'thus', 'otherwise', 'whereas', 'despite', 'although', 'though', 'instead', 'rather', 'than'].map(stem),
);
/** Words that weigh a choice: "cheaper", "the risk", "the cost". Nouns too, so they show depth but not a sentence. */
const JUDGEMENTS = new Set(
  ['cheaper', 'faster', 'simpler', 'cheap', 'pros', 'cons', 'downside', 'upside', 'risk', 'reason', 'due', 'avoid', 'prevent', 'ensure', 'benefit', 'cost'].map(stem),
);
/** Pairs of words that make one connective ("so that", "trade-off"): the second words of each first word. */
const CONNECTIVE_PAIRS = new Map<string, ReadonlySet<string>>([
  ['so', new Set(['that'])],
  ['trade', new Set(['off'])],
  ['which', new Set(['mean'])],
  ['in', new Set(['order'])],
  ['at', new Set(['cost'])],
  ['given', new Set(['that'])],
]);

/** Whether a connective starts at tokens[index]: a word or a pair of words on one line. */
export function isConnectiveAt(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]!;
  if (CONNECTIVES.has(token.stem)) return true;
  const seconds = CONNECTIVE_PAIRS.get(token.stem);
  if (!seconds) return false;
  const next = tokens[index + 1];
  return next !== undefined && next.line === token.line && seconds.has(next.stem);
}

export function isReasonAt(tokens: readonly Token[], index: number): boolean {
  return JUDGEMENTS.has(tokens[index]!.stem) || isConnectiveAt(tokens, index);
}

/** Arrows and comparisons between words: "shadow → canary", "p99 < 200 ms", "DNN > GBDT". */
export const COMPARISON = /[→<>=≈≤≥]/;

/**
 * The depth signals of each line, from every token's reason flag (`reasons[i]` is
 * isReasonAt(tokens, i), read once per file): a step's depth is the sum over its lines.
 */
export function depthPerLine(tokens: readonly Token[], reasons: readonly boolean[], lineCount: number): Depth[] {
  const depth = Array.from({ length: lineCount }, () => ({ numbers: 0, reasons: 0 }));
  tokens.forEach((token, index) => {
    const line = depth[token.line]!;
    if (token.numeric) line.numbers++;
    if (reasons[index] || COMPARISON.test(token.gap)) line.reasons++;
  });
  return depth;
}
