import { stemmer } from 'stemmer';

/**
 * One word of a text after normalisation. `stem` is what aliases match on; `raw` keeps the
 * original case for acronyms; `filler` words ("the", "of", "at") are skipped by phrase matching
 * so "recall@k" and "recall at k" read the same.
 */
export interface Token {
  stem: string;
  raw: string;
  /** 0-based index of the line within the text. */
  line: number;
  /** Sentence counter: increases at . ; ! ? : and line ends. */
  sentence: number;
  /** Clause counter: increases at every sentence end and at commas. */
  clause: number;
  filler: boolean;
  /** A run of digits standing on its own ("200 ms", "3B", "@10"), not part of a name ("p99", "L2", "F1"). */
  numeric: boolean;
  /** The characters between this word and the previous one on its line: punctuation, arrows, colons. */
  gap: string;
}

const FILLER = new Set(['a', 'an', 'the', 'of', 'at', 'and', 'to', 'for', 'in', 'on', 'or', 'with', 'by', 'is', 'are', 'be', 'we', 'i', 'it', 'our']);

/** Characters that end a sentence for negation purposes ("no X. Y" does not negate Y). */
const SENTENCE_END = /[.;!?:\u2026]|\bbut\b/;

const WORD = /[\p{L}\p{M}]+|\p{N}+/gu;

/** "- ", "* ", "> ", "1. ", "2) " opening a line: structure, not words (numbering is no quantity). */
const LIST_MARKER = /^\s*(?:(?:[-*+>]|\d{1,2}[.)])\s+)+/;

const stems = new Map<string, string>();

export function stem(word: string): string {
  let cached = stems.get(word);
  if (cached === undefined) {
    cached = /^\p{N}+$/u.test(word) ? word : stemmer(word);
    if (stems.size > 50_000) stems.clear();
    stems.set(word, cached);
  }
  return cached;
}

/** Unicode, quotes, contractions and possessives made uniform before splitting into words. */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\b(can)'t\b/gi, '$1 not')
    .replace(/\bwon't\b/gi, 'will not')
    .replace(/\b(\w+)n't\b/gi, '$1 not')
    .replace(/'s\b/gi, '')
    .replace(/\bw\/(?=\s)/gi, 'with')
    .replace(/\bb\/c\b/gi, 'because')
    .replace(/\u2192|->|=>/g, ' → ');
}

/**
 * Splits text into tokens, line by line, after the list marker that opens a line. Anything that
 * is not a letter or digit separates words,
 * so hyphens, slashes, underscores, `@` and Markdown syntax all read as spaces, and letters and
 * digits are split apart ("100ms" is "100 ms", "p99" is "p 99").
 */
export function tokenize(text: string, firstLine = 0): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  const lines = normalize(text).split('\n');
  lines.forEach((fullLine, index) => {
    const lineText = fullLine.replace(LIST_MARKER, '');
    let last = 0;
    for (const match of lineText.matchAll(WORD)) {
      const between = lineText.slice(last, match.index);
      if (SENTENCE_END.test(between)) sentence++;
      if (SENTENCE_END.test(between) || between.includes(',')) clause++;
      last = match.index + match[0].length;
      const raw = match[0];
      const lower = raw.toLowerCase();
      if (lower === 'but') {
        sentence++;
        clause++;
      }
      tokens.push({
        stem: stem(lower),
        raw,
        line: firstLine + index,
        sentence,
        clause,
        filler: FILLER.has(lower),
        numeric: /^\p{N}+$/u.test(raw) && !(between === '' && match.index > 0),
        gap: between,
      });
    }
    sentence++;
    clause++;
  });
  return tokens;
}

/** The stems of a phrase's meaningful words: how aliases and headings are compared. */
export function phraseStems(phrase: string): string[] {
  return tokenize(phrase)
    .filter((token) => !token.filler)
    .map((token) => token.stem);
}
