import { STOPWORDS } from '../text/stopwords.js';
import { stem, type Token } from '../text/tokenize.js';
import { COMPARISON, isConnectiveAt } from './depth.js';

/**
 * How a paragraph reads: as statements (a decision, a number, a reason) or as a list of terms.
 * A paragraph is cut into segments at commas, semicolons, bars and sentence ends, and each
 * segment explains or not by its shape (see readSegment): a segment of bare nouns explains
 * nothing, whatever the nouns are, and whether or not the rubric knows them.
 */
export interface LineShape {
  /** Segments with at least one content word. */
  segments: number;
  /** Of those, the segments that explain. */
  explained: number;
}

const SEPARATOR = /[,;|·•]|[.!?](?:\s|$)/;

const rawWords = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

/**
 * Words that make a clause of the nouns beside them: prepositions that relate, auxiliaries,
 * pronouns, and verbs in forms that are rarely nouns ("trains", "picked", not "training", "rank").
 * Inside a hyphenated word ("on-device", "end-to-end") they are part of a name.
 */
const CLAUSE = rawWords(`
  on over via from into onto than then when whenever if unless until after before only every each
  without with for by as within across between under above below except once while against through
  toward towards around during both either whether where which who whom whose what so there
  we i you it they them its this that these those our their is are was were be been being will
  would can could should must may might do does did has have had not no never let lets
  uses using predicts serves picks picked choose chooses chose chosen starts compares beats keeps
  adds tunes retrain retrains retrained ships learns fits handles catches captures gives allows
  requires reduces improves boosts sends shows fetches replaces collapses weighs goes gets makes takes
  covers precomputes refreshes routes
`);

/** A cadence standing apart is a specific, like a number ("retrain weekly"); "daily active users" is a name. */
const CADENCE = rawWords('hourly daily nightly weekly monthly quarterly yearly');

/**
 * Words that sound like an answer and say nothing: a sentence made of them and a term ("we will
 * also consider drift here") has not explained the term.
 */
const VAGUE = new Set(
  `consider considering think thinking aspect aspects mention mentioning worth keep mind handle
  properly proper key course thing another system design here also important importantly definitely
  sure make cover covers address look account matter matters crucial essential relevant factor role
  part include includes including leverage utilize approach solution problem overall various
  different etc appropriate appropriately carefully well work works way ways something everything`
    .split(/\s+/)
    .filter(Boolean)
    .map(stem),
);

/** A list item, a heading or a quote opens a paragraph of its own. */
const OPENS_PARAGRAPH = /^\s*(?:[-*+>#]|\d{1,2}[.)])\s/;
/** A line this long that is followed by more text without a marker was wrapped, not ended. */
const WRAPPED = 50;

/**
 * The paragraph of every line: a line continues the one before when that one is long text
 * stopped mid-sentence (wrapped) and this one opens no list item or heading. Short lines stand alone, so a
 * list of terms one per line is a list, and wrapped prose is read as the sentences it holds.
 */
export function paragraphsOf(lines: readonly string[]): number[] {
  let paragraph = 0;
  return lines.map((line, index) => {
    const previous = lines[index - 1];
    const continues =
      previous !== undefined && previous.trim().length >= WRAPPED && !/^\s*#|[.!?:]\s*$/.test(previous) && line.trim() !== '' && !OPENS_PARAGRAPH.test(line);
    if (index > 0 && !continues) paragraph++;
    return paragraph;
  });
}

/**
 * The segment of every token: a new one at each paragraph, at each separator, and at a line
 * break inside a paragraph when the line before ended with one.
 */
export function segmentsOf(tokens: readonly Token[], lines: readonly string[], paragraphs: readonly number[]): number[] {
  let segment = 0;
  return tokens.map((token, index) => {
    const previous = tokens[index - 1];
    if (previous) {
      const newLine = token.line !== previous.line;
      if (newLine && (paragraphs[token.line] !== paragraphs[previous.line] || /[,;|·•.!?]\s*$/.test(lines[previous.line] ?? ''))) segment++;
      else if (!newLine && SEPARATOR.test(token.gap)) segment++;
    }
    return segment;
  });
}

/**
 * The shape of tokens[from..to), one paragraph, cut at `segments`. `covered` holds the indexes
 * of words inside rubric mentions; `template` the stems repeated down a section as padding,
 * which count for nothing. `ownByLine` counts, per line, the words of explaining segments, and
 * `explainedByLine` the explaining segments that start there.
 */
export function shapeOfParagraph(
  tokens: readonly Token[],
  from: number,
  to: number,
  segments: readonly number[],
  covered: ReadonlySet<number>,
  template: ReadonlySet<string>,
): LineShape & { ownByLine: Map<number, number>; explainedByLine: Map<number, number> } {
  const meaningful = (token: Token) => !token.filler && !STOPWORDS.has(token.stem) && !VAGUE.has(token.stem) && !template.has(token.stem);
  const shape = { segments: 0, explained: 0, ownByLine: new Map<number, number>(), explainedByLine: new Map<number, number>() };
  let start = from;
  const close = (end: number) => {
    const segment = readSegment(tokens, start, end, covered, meaningful);
    if (segment.content > 0) {
      shape.segments++;
      if (segment.explains) {
        shape.explained++;
        const line = tokens[start]!.line;
        shape.explainedByLine.set(line, (shape.explainedByLine.get(line) ?? 0) + 1);
        for (let index = start; index < end; index++) {
          const token = tokens[index]!;
          if (!covered.has(index) && meaningful(token)) shape.ownByLine.set(token.line, (shape.ownByLine.get(token.line) ?? 0) + 1);
        }
      }
    }
    start = end;
  };
  for (let index = from + 1; index < to; index++) if (segments[index] !== segments[index - 1]) close(index);
  if (start < to) close(to);
  return shape;
}

/** Words that join the words of one name without relating them: "user and item features", "bag of words". */
const GLUE = new Set(['a', 'an', 'the', 'of', 'and', 'or', '&']);

type Role = 'word' | 'link' | 'glue' | 'gap';

/**
 * A segment explains when it has a number, a connective or comparison, a cadence standing on its
 * own ("retrain weekly"), a "Label: value", or a link word between two runs of content words
 * ("GBDT on counts", "reuploads collapsed via fingerprints"). One run of words in a frame of
 * filler ("we will also consider data drift here") is still one bare term, and a mention cannot
 * explain itself: the words of a rubric phrase ("split by time", "latency vs accuracy") are
 * content, never the link or the reason.
 */
function readSegment(tokens: readonly Token[], from: number, to: number, covered: ReadonlySet<number>, isMeaningful: (token: Token) => boolean) {
  const roles: Role[] = [];
  const hyphenated = (index: number) => tokens[index]!.gap === '-' || tokens[index + 1]?.gap === '-';
  let lastWord = -1;
  for (let index = from; index < to; index++) {
    const token = tokens[index]!;
    const word = token.lower;
    if (CLAUSE.has(word) && !hyphenated(index) && !covered.has(index)) roles.push('link');
    else if (isMeaningful(token)) {
      lastWord = roles.length;
      roles.push('word');
    } else roles.push(GLUE.has(word) || covered.has(index) ? 'glue' : 'gap');
  }
  let content = 0;
  let signal = false;
  let runs = 0;
  let inRun = false;
  let linked = false;
  let label = false;
  roles.forEach((role, offset) => {
    const index = from + offset;
    const token = tokens[index]!;
    const free = !covered.has(index);
    if (free && (token.numeric || COMPARISON.test(token.gap) || (isConnectiveAt(tokens, index) && !hyphenated(index)))) signal = true;
    if (free && CADENCE.has(token.lower) && roles[offset - 1] !== 'word' && roles[offset + 1] !== 'word') signal = true;
    if (offset > 0 && lastWord >= offset && token.gap.includes(':')) label = true;
    if (role === 'link') linked = true;
    if (role === 'word') {
      content++;
      if (!inRun) runs++;
      inRun = true;
    } else if (role !== 'glue') inRun = false;
  });
  return { content, explains: signal || label || (linked && runs >= 2) || isImperative(tokens, from, to, covered, isMeaningful) };
}

const DETERMINERS = new Set(['a', 'an', 'the', 'it', 'its', 'them', 'this', 'these', 'those', 'our', 'each', 'every', 'all', 'how', 'any']);

/**
 * A segment opened by a verb and its object, as terse notes give orders: "Monitor the number of
 * removals", "Run the model when a post is uploaded". The first word is followed by a determiner,
 * is not a vague verb ("consider the"), and the object has a word of its own beyond any mention.
 */
function isImperative(tokens: readonly Token[], from: number, to: number, covered: ReadonlySet<number>, isMeaningful: (token: Token) => boolean): boolean {
  const verb = tokens[from]!;
  const next = tokens[from + 1];
  if (!next || from + 1 >= to || !DETERMINERS.has(next.lower) || VAGUE.has(verb.stem) || next.gap !== ' ') return false;
  for (let index = from + 2; index < to; index++) if (!covered.has(index) && isMeaningful(tokens[index]!)) return true;
  return false;
}

/**
 * A line's frame: for a "Label: value" line, its label; otherwise its words with each run of
 * content words (and every mention) replaced by "_", keeping function words, and of a longer
 * frame only its first and last two parts: "we use … the _". Null for a frame with fewer than
 * two function words ("_ on _" is how terse notes read) and for a line with a number, a
 * connective, a comparison or a question, which says something whatever its frame. A frame
 * repeated down a section is a template being filled in with terms, not a set of decisions.
 */
export function frameOf(tokens: readonly Token[], from: number, to: number, covered: ReadonlySet<number>, text: string): string | null {
  if (text.includes('?')) return null;
  const parts: string[] = [];
  for (let index = from; index < to; index++) {
    const token = tokens[index]!;
    if (!covered.has(index) && (token.numeric || COMPARISON.test(token.gap) || isConnectiveAt(tokens, index))) return null;
    if (index > from && token.gap.includes(':')) return `${tokens.slice(from, index).map((word) => word.lower).join(' ')} : _`;
    const word = token.lower;
    const content = covered.has(index) || (!token.filler && !STOPWORDS.has(token.stem) && !CLAUSE.has(word));
    if (content) {
      if (parts[parts.length - 1] !== '_') parts.push('_');
    } else if (!(GLUE.has(word) && parts[parts.length - 1] === '_' && covered.has(index + 1))) parts.push(word);
  }
  if (parts.filter((part) => part !== '_').length < 2) return null;
  return parts.length <= 4 ? parts.join(' ') : `${parts.slice(0, 2).join(' ')} … ${parts.slice(-2).join(' ')}`;
}
