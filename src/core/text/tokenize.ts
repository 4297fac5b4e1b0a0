import { stemmer } from 'stemmer';

/**
 * One word of a text after normalisation. `stem` is what aliases match on; `raw` keeps the
 * original case for acronyms; `filler` words ("the", "of", "at") are skipped by phrase matching
 * so "recall@k" and "recall at k" read the same.
 */
export interface Token {
  stem: string;
  raw: string;
  /** `raw` in lower case, as word lists compare it. */
  lower: string;
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

/**
 * Whether the characters between two words end a sentence for negation purposes ("no X. Y" does
 * not negate Y). They hold no letters, so "but", which ends one too, is a word of its own.
 */
function endsSentence(between: string): boolean {
  for (let index = 0; index < between.length; index++) {
    const code = between.charCodeAt(index);
    if (code === 46 || code === 59 || code === 33 || code === 63 || code === 58 || code === 0x2026) return true;
  }
  return false;
}

/** "- ", "* ", "> ", "1. ", "2) " opening a line: structure, not words (numbering is no quantity). */
const LIST_MARKER = /^\s*(?:(?:[-*+>]|\d{1,2}[.)])\s+)+/;

export function stem(word: string): string {
  return /^\p{N}+$/u.test(word) ? word : stemmer(word);
}

/** What a word is, whatever its place: read once per distinct spelling, as notes repeat their words. */
interface WordFacts {
  lower: string;
  stem: string;
  filler: boolean;
}

const words = new Map<string, WordFacts>();

function factsOf(raw: string): WordFacts {
  let facts = words.get(raw);
  if (facts === undefined) {
    const lower = raw.toLowerCase();
    facts = { lower, stem: stem(lower), filler: FILLER.has(lower) };
    if (words.size > 50_000) words.clear();
    words.set(raw, facts);
  }
  return facts;
}

/**
 * Unicode, quotes, contractions and possessives made uniform before splitting into words. Each
 * rewrite runs only when the text holds what it looks for, and plain ASCII skips NFKC, which
 * leaves it as it is: most notes are ASCII, and this runs on every file graded.
 */
export function normalize(text: string): string {
  let out = NON_ASCII.test(text) ? text.normalize('NFKC').replace(/[\u2018\u2019\u02bc´]/g, "'") : text;
  if (out.includes('`')) out = out.replace(/`/g, "'");
  if (out.includes("'")) {
    out = out
      .replace(/\b(can)'t\b/gi, '$1 not')
      .replace(/\bwon't\b/gi, 'will not')
      .replace(/\b(\w+)n't\b/gi, '$1 not')
      .replace(/'s\b/gi, '');
  }
  if (out.includes('/')) out = out.replace(/\bw\/(?=\s)/gi, 'with').replace(/\bb\/c\b/gi, 'because');
  if (out.includes('>') || out.includes('\u2192')) out = out.replace(/\u2192|->|=>/g, ' → ');
  return out;
}

const NON_ASCII = /[^\x00-\x7f]/;
const LETTER = /[\p{L}\p{M}]/u;
const DIGIT = /\p{N}/u;

/** What a character is to the word splitter: part of a run of letters (and marks), of digits, or neither. */
const enum Kind {
  Other,
  Letter,
  Digit,
}

function kindAt(line: string, index: number): Kind {
  const code = line.charCodeAt(index);
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return Kind.Letter;
    return code >= 48 && code <= 57 ? Kind.Digit : Kind.Other;
  }
  const char = String.fromCodePoint(line.codePointAt(index)!);
  return LETTER.test(char) ? Kind.Letter : DIGIT.test(char) ? Kind.Digit : Kind.Other;
}

/** The UTF-16 length of the character at `index`: 2 for one outside the Basic Multilingual Plane. */
function widthAt(line: string, index: number): number {
  const code = line.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const next = line.charCodeAt(index + 1);
  return next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
}

/**
 * Splits text into tokens, line by line, after the list marker that opens a line. A word is a
 * run of letters (with their combining marks) or a run of digits; anything else separates words,
 * so hyphens, slashes, underscores, `@` and Markdown syntax all read as spaces, and letters and
 * digits are split apart ("100ms" is "100 ms", "p99" is "p 99").
 */
export function tokenize(text: string, firstLine = 0): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  const lines = normalize(text).split('\n');
  for (let index = 0; index < lines.length; index++) {
    const lineText = lines[index]!.replace(LIST_MARKER, '');
    let last = 0;
    let at = 0;
    while (at < lineText.length) {
      const kind = kindAt(lineText, at);
      if (kind === Kind.Other) {
        at += widthAt(lineText, at);
        continue;
      }
      const start = at;
      at += widthAt(lineText, at);
      while (at < lineText.length && kindAt(lineText, at) === kind) at += widthAt(lineText, at);
      const between = lineText.slice(last, start);
      const ends = between !== '' && endsSentence(between);
      if (ends) sentence++;
      if (ends || between.includes(',')) clause++;
      last = at;
      const raw = lineText.slice(start, at);
      const { lower, stem, filler } = factsOf(raw);
      if (lower === 'but') {
        sentence++;
        clause++;
      }
      tokens.push({
        stem,
        raw,
        lower,
        line: firstLine + index,
        sentence,
        clause,
        filler,
        numeric: kind === Kind.Digit && !(between === '' && start > 0),
        gap: between,
      });
    }
    sentence++;
    clause++;
  }
  return tokens;
}

/** The stems of a phrase's meaningful words: how aliases and headings are compared. */
export function phraseStems(phrase: string): string[] {
  return tokenize(phrase)
    .filter((token) => !token.filler)
    .map((token) => token.stem);
}
