import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, phraseStems, stem, tokenize } from '../../../src/core/text/tokenize.js';

const stems = (text: string) => tokenize(text).map((token) => token.stem);
const raws = (text: string) => tokenize(text).map((token) => token.raw);

describe('stemming', () => {
  it.each([
    ['monitor', 'monitoring'],
    ['monitor', 'Monitored'],
    ['monitoring', 'MONITORS'],
    ['model', 'models'],
    ['embedding', 'embeddings'],
    ['ranking', 'ranked'],
    ['feature', 'features'],
    ['retrain', 'retraining'],
  ])('"%s" and "%s" share a stem', (a, b) => {
    expect(stems(a)).toHaveLength(1);
    expect(stems(a)).toEqual(stems(b));
  });

  it.each([
    ['model', 'mode'],
    ['monitor', 'money'],
    ['data', 'date'],
  ])('"%s" and "%s" stay apart', (a, b) => {
    expect(stems(a)).not.toEqual(stems(b));
  });

  it('lower-cases before stemming but keeps the original case in raw', () => {
    const [token] = tokenize('Monitored');
    expect(token?.stem).toBe(stem('monitored'));
    expect(token?.raw).toBe('Monitored');
  });

  it('leaves numbers unstemmed', () => {
    expect(stem('2024')).toBe('2024');
    expect(tokenize('10000 users').map((token) => [token.raw, token.numeric])).toEqual([
      ['10000', true],
      ['users', false],
    ]);
  });
});

describe('separators', () => {
  it.each([
    ['cross-entropy', 'cross entropy'],
    ['cross_entropy', 'cross entropy'],
    ['cross/entropy', 'cross entropy'],
    ['cross\u2013entropy', 'cross entropy'],
    ['cross \u2014 entropy', 'cross entropy'],
    ['Cross-Entropy loss', 'cross entropy losses'],
    ['recall@k', 'recall k'],
    ['A/B testing', 'a b testing'],
    ['A/B test', 'A-B test'],
    ['A/B test', 'a_b test'],
    ['two-tower', 'two tower'],
    ['training-serving skew', 'training / serving skew'],
    ['**feature store**', 'feature store'],
    ['`feature_store`', 'feature store'],
    ['[ANN index](http://x)', 'ANN index http x'],
  ])('"%s" reads like "%s"', (a, b) => {
    expect(stems(a)).toEqual(stems(b));
    expect(stems(a).length).toBeGreaterThan(0);
  });

  it('splits A/B into two words, the A being a filler word for phrase matching', () => {
    expect(raws('A/B')).toEqual(['A', 'B']);
    expect(phraseStems('A/B testing')).toEqual(phraseStems('a b test'));
    expect(phraseStems('A/B testing')).toEqual([stem('b'), stem('testing')]);
  });

  it.each(['recall@k', 'recall at k', 'recall of the k'])('phraseStems("%s") drops filler words', (text) => {
    expect(phraseStems(text)).toEqual([stem('recall'), 'k']);
  });
});

describe('contractions and quotes', () => {
  it.each([
    ["don't", ['do', 'not']],
    ['don\u2019t', ['do', 'not']],
    ["won't", ['will', 'not']],
    ['won\u2019t', ['will', 'not']],
    ["Won't", ['will', 'not']],
    ["can't", ['can', 'not']],
    ['can\u2019t', ['can', 'not']],
    ["isn't", ['is', 'not']],
    ["doesn't", ['does', 'not']],
    ["shouldn't", ['should', 'not']],
    ['didn\u02bct', ['did', 'not']],
  ])('%s becomes %j', (text, words) => {
    expect(raws(text).map((word) => word.toLowerCase())).toEqual(words);
  });

  it('drops possessive \'s, straight or curly', () => {
    expect(raws("the user's history")).toEqual(['the', 'user', 'history']);
    expect(raws('the user\u2019s history')).toEqual(['the', 'user', 'history']);
  });

  it('normalises curly quotes to straight ones', () => {
    expect(normalize('\u2018quoted\u2019')).toBe("'quoted'");
  });
});

describe('Unicode', () => {
  it.each([
    ['\ufb01ne-tuning', 'fine tuning'],
    ['\uff21\uff22 test', 'AB test'],
    ['\uff11\uff10\uff10ms', '100 ms'],
    ['caf\u0065\u0301', 'caf\u00e9'],
    ['\u2460 baseline', '1 baseline'],
  ])('NFKC: "%s" reads like "%s"', (a, b) => {
    expect(stems(a)).toEqual(stems(b));
  });

  it('keeps letters of other scripts as words', () => {
    expect(raws('mod\u00e8le na\u00efve \u0434\u0430\u043d\u043d\u044b\u0435')).toEqual(['mod\u00e8le', 'na\u00efve', '\u0434\u0430\u043d\u043d\u044b\u0435']);
  });

  it('does not treat an emoji as a word', () => {
    expect(raws('drift \u{1F525} alert')).toEqual(['drift', 'alert']);
  });
});

describe('digits and letters', () => {
  it.each([
    ['100ms', ['100', 'ms']],
    ['200ms p99', ['200', 'ms', 'p', '99']],
    ['10k QPS', ['10', 'k', 'QPS']],
    ['500M DAU', ['500', 'M', 'DAU']],
    ['0.1%', ['0', '1']],
    ['GPT4', ['GPT', '4']],
  ])('%s splits into %j', (text, words) => {
    expect(raws(text)).toEqual(words);
  });

  it('marks the digit runs as numeric', () => {
    expect(tokenize('100ms').map((token) => token.numeric)).toEqual([true, false]);
  });
});

describe('positions', () => {
  it('records the 0-based line of each token, offset by firstLine', () => {
    expect(tokenize('a model\n\nserving here').map((token) => token.line)).toEqual([0, 0, 2, 2]);
    expect(tokenize('a model\nserving', 10).map((token) => token.line)).toEqual([10, 10, 11]);
  });

  it('starts a new sentence at . ; ! ? : , at "but" and at line ends', () => {
    const sentences = (text: string) => tokenize(text).map((token) => token.sentence);
    const [a, b] = sentences('one. two');
    expect(b).toBeGreaterThan(a!);
    for (const text of ['one; two', 'one! two', 'one? two', 'one: two', 'one\ntwo', 'one but two']) {
      const list = sentences(text);
      expect(list.at(-1), text).toBeGreaterThan(list[0]!);
    }
    const same = sentences('one, two - three');
    expect(new Set(same).size).toBe(1);
  });

  it('marks filler words', () => {
    expect(tokenize('the model of a user').map((token) => token.filler)).toEqual([true, false, true, true, false]);
  });

  it('returns no tokens for text without letters or digits', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('--- *** ###\n\n> |')).toEqual([]);
  });
});

describe('the word splitter', () => {
  /** The definition the hand-written scanner follows: a run of letters and marks, or of digits. */
  const WORD = /[\p{L}\p{M}]+|\p{N}+/gu;
  const LIST_MARKER = /^\s*(?:(?:[-*+>]|\d{1,2}[.)])\s+)+/;
  const byDefinition = (text: string) => normalize(text).split('\n').flatMap((line) => line.replace(LIST_MARKER, '').match(WORD) ?? []);
  const pieces = ['a', 'Zé', 'x\u0301', '9', '٣', '²', ' ', '-', '\u{1d400}', '\u{1f600}', '\ud800', '\udc00', "'", '’', 'n\'t', '->', '\n', '- ', '1. ', 'ﬁ', 'ǅ', '_', '@'];

  it('splits every text as the regular expression of its definition does', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(raws(text)).toEqual(byDefinition(text));
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    ['a lone high surrogate between letters', 'ab\ud800cd', ['ab', 'cd']],
    ['a letter outside the Basic Multilingual Plane', 'x\u{10400}y', ['x\u{10400}y']],
    ['Arabic-Indic digits next to letters', 'p٣٣ms', ['p', '٣٣', 'ms']],
  ])('%s', (_, text, words) => {
    expect(raws(text)).toEqual(words);
  });

  it('marks a digit run as a quantity only when it stands apart', () => {
    expect(tokenize('200 ms p99 @10').map((token) => [token.raw, token.numeric])).toEqual([
      ['200', true],
      ['ms', false],
      ['p', false],
      ['99', false],
      ['10', true],
    ]);
  });
});
