import type { RubricItem } from '../bank.js';
import { STEP_IDS, type StepId } from '../framework.js';
import type { Antipattern } from '../schema/antipattern.js';
import { phraseStems, tokenize, type Token } from '../text/tokenize.js';
import { compileAntipatterns, type AntipatternCheck } from './antipatterns.js';

/** One place where an alias of a rubric item occurs in a text. */
export interface Mention {
  item: number;
  alias: string;
  line: number;
  /** Index in the token array of the first and last word of the mention. */
  start: number;
  end: number;
}

interface TrieNode {
  /** The children by word key; null for a node with none, as most are (a bank's tries hold some 40,000 such leaves). */
  next: Map<string, TrieNode> | null;
  /** The child for a lone `*` in an alias, which stands for any one word. */
  wild: TrieNode | null;
  ends: readonly { item: number; alias: string }[];
}

/**
 * A node's list of the items whose aliases end there is made anew, at its exact length, when one
 * is added (most nodes end none or one), and nodes that end none share this one: a list grown by
 * push keeps room for 16, and the 42,000 such lists of the built-in bank's tries held 6 of their
 * 17 MB.
 */
const NO_ENDS: TrieNode['ends'] = [];

/** Lists of phrases compiled into one word trie; a mention's `item` is the index of its list. */
export interface PhraseMatcher {
  root: TrieNode;
  aliasCount: number;
}

/** All aliases of a rubric compiled into one word trie, built once and reused for every file. */
export interface Matcher extends PhraseMatcher {
  items: readonly RubricItem[];
  /** Per step, the indexes of its items, in order. */
  byStep: Readonly<Record<StepId, readonly number[]>>;
  /** Per item, the stems of its context phrases (empty when it has none). */
  contexts: readonly (readonly string[][])[];
  /** The mistakes the rubric warns about, with their phrases compiled. */
  antipatterns: AntipatternCheck;
}

const WILDCARD = '\u0000*';
const ACRONYM = /^[A-Z][A-Z0-9]{1,4}$/;

/**
 * The key an alias word is stored under. An upper-case word of two to five characters in the
 * rubric is an acronym ("LR", "MAP", "ANN") and matches only that exact upper-case word, so
 * "map" and "ann" in ordinary prose do not count; every other word matches by its stem.
 */
function aliasKey(token: Token): string {
  return ACRONYM.test(token.raw) && /[A-Z]{2}/.test(token.raw) ? `=${token.raw}` : token.stem;
}

export function compileMatcher(items: readonly RubricItem[], antipatterns: readonly Antipattern[] = []): Matcher {
  const contexts = items.map((item) => (item.context ?? []).map(phraseStems).filter((stems) => stems.length > 0));
  const byStep = Object.fromEntries(STEP_IDS.map((step) => [step, [] as number[]])) as Record<StepId, number[]>;
  items.forEach((item, index) => byStep[item.step].push(index));
  return { ...compilePhrases(items.map((item) => item.any)), items, byStep, contexts, antipatterns: compileAntipatterns(antipatterns) };
}

/**
 * The trie keys of an alias, with WILDCARD for a lone `*`: read once, as pack aliases recur in
 * every question, and kept with the bank cache (rememberAliasKeys), as tokenizing the bank's
 * thousands of aliases is most of compiling its matchers.
 */
export function aliasWords(alias: string): readonly string[] {
  let words = aliasKeys.get(alias);
  if (!words) {
    words = alias
      .split(/(?<=^|\s)\*(?=\s|$)/)
      .flatMap((part, position) => [
        ...(position > 0 ? [WILDCARD] : []),
        ...tokenize(part)
          .filter((token) => !token.filler)
          .map(aliasKey),
      ]);
    aliasKeys.set(alias, words);
  }
  return words;
}

const aliasKeys = new Map<string, readonly string[]>();

/** The keys of every alias read so far (aliasWords), as rememberAliasKeys takes them. */
export function aliasKeysRead(): [string, readonly string[]][] {
  return [...aliasKeys];
}

/** Keys read by an earlier run or another thread, for aliases not read here yet. */
export function rememberAliasKeys(entries: readonly (readonly [string, readonly string[]])[]): void {
  for (const [alias, keys] of entries) if (!aliasKeys.has(alias)) aliasKeys.set(alias, keys);
}

export function compilePhrases(lists: readonly (readonly string[])[]): PhraseMatcher {
  const root: TrieNode = { next: null, wild: null, ends: NO_ENDS };
  let aliasCount = 0;
  lists.forEach((phrases, index) => {
    for (const alias of phrases) {
      const words = aliasWords(alias);
      if (words.length === 0 || words.every((word) => word === WILDCARD)) continue;
      let node = root;
      for (const word of words) {
        let child = word === WILDCARD ? node.wild : node.next?.get(word);
        if (!child) {
          child = { next: null, wild: null, ends: NO_ENDS };
          if (word === WILDCARD) node.wild = child;
          else (node.next ??= new Map()).set(word, child);
        }
        node = child;
      }
      if (!node.ends.some((end) => end.item === index)) node.ends = node.ends.concat({ item: index, alias });
      aliasCount++;
    }
  });
  return { root, aliasCount };
}

/**
 * What a walk from one word may do: visit at most `nodes` trie nodes and find at most `mentions`
 * items. A word has at most two keys (its stem and an acronym) and `*` matches any word, so a
 * rubric built to branch (every mix of "lol", "LOL" and `*` in 12-word aliases) would make each
 * word of the notes cost thousands of steps, and one built to share an alias among thousands of
 * items would make each word a thousand mentions. On the built-in bank's example answers a walk
 * visits at most 8 nodes and finds at most 4 items. The limits keep grading linear in the notes,
 * whatever the rubric.
 */
export const WALK_LIMITS = { nodes: 64, mentions: 8 } as const;

/**
 * The words of a text as the matchers read them: the index of each content word (filler words
 * are skipped) with its trie keys. Made once per text and read by every matcher that runs on it.
 */
export interface Words {
  tokens: readonly Token[];
  content: readonly number[];
  /** Per content word, its line: a mention does not cross a line. */
  lines: readonly number[];
  /** Per content word, its stem. */
  stems: readonly string[];
  /** Per content word, its acronym key, or '' when it has none (see acronymKey). */
  acronyms: readonly string[];
}

export function wordsOf(tokens: readonly Token[]): Words {
  const content: number[] = [];
  const lines: number[] = [];
  const stems: string[] = [];
  const acronyms: string[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (token.filler) continue;
    content.push(index);
    lines.push(token.line);
    stems.push(token.stem);
    acronyms.push(acronymKey(token.raw));
  }
  return { tokens, content, lines, stems, acronyms };
}

/**
 * Finds every mention of every item in one pass over the words: from each word, the trie is
 * walked along the following words of the same line (filler words skipped), visiting at most
 * WALK_LIMITS. Where one item has several aliases starting at one word, the longest is kept.
 */
export function findMentions(matcher: PhraseMatcher, words: Words): Mention[] {
  const walk: Walk = { words, found: new Map(), start: 0, budget: 0 };
  const mentions: Mention[] = [];
  for (let k = 0; k < words.content.length; k++) {
    walk.start = k;
    walk.budget = WALK_LIMITS.nodes;
    walkFrom(walk, matcher.root, k);
    if (walk.found.size === 0) continue;
    mentions.push(...walk.found.values());
    walk.found.clear();
  }
  return mentions;
}

/** The state of the walk from one word: the words, and the longest mention per item so far. */
interface Walk {
  words: Words;
  found: Map<number, Mention>;
  start: number;
  /** Trie nodes this walk may still visit. */
  budget: number;
}

function walkFrom(walk: Walk, node: TrieNode, at: number): void {
  if (walk.budget-- <= 0) return;
  const { words, found } = walk;
  const { lines } = words;
  const line = lines[walk.start]!;
  for (const end of node.ends) {
    const previous = found.get(end.item);
    if (!previous && found.size >= WALK_LIMITS.mentions) break;
    const last = words.content[at - 1]!;
    if (!previous || last > previous.end) found.set(end.item, { item: end.item, alias: end.alias, line, start: words.content[walk.start]!, end: last });
  }
  const { next } = node;
  if (at >= lines.length || lines[at] !== line || (next === null && !node.wild)) return;
  if (next !== null) {
    const child = next.get(words.stems[at]!);
    if (child) walkFrom(walk, child, at + 1);
    const acronym = words.acronyms[at]!;
    if (acronym !== '') {
      const other = next.get(acronym);
      if (other) walkFrom(walk, other, at + 1);
    }
  }
  if (node.wild) walkFrom(walk, node.wild, at + 1);
}

/**
 * The key a word of the notes matches besides its stem: for a word of two to five capitals, the
 * word itself (acronym keys, see aliasKey), or for such a word with a plural "s", the word
 * without it; '' for any other word. Words are runs of letters or of digits, so no other word
 * can match an acronym key.
 */
function acronymKey(raw: string): string {
  if (raw.length < 2 || raw.length > 6 || !ACRONYM_OR_PLURAL.test(raw)) return '';
  return raw.endsWith('s') ? `=${raw.slice(0, -1)}` : `=${raw}`;
}

const ACRONYM_OR_PLURAL = /^[A-Z]{2,5}s?$/;
