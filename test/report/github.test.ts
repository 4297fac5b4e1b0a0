import { describe, expect, it } from 'vitest';
import { command, githubReporter } from '../../src/report/grade/github.js';
import { markdownReporter } from '../../src/report/grade/markdown.js';
import { COLOR_OPTIONS, OPTIONS, PASSING_REPORT, SAMPLE_REPORT } from './sample-report.js';

describe('githubReporter', () => {
  const { text, stepSummary } = githubReporter(SAMPLE_REPORT, OPTIONS);

  it('writes one workflow command per line, then a plain summary', () => {
    expect(text.split('\n')).toEqual([
      '::warning file=answers/feed-ranking.md,title=mlsd::"Monitoring" is thin: 2 lines',
      '::error file=answers/ads-ctr%2C v2.md,line=12,title=mlsd 52/100 (min 60)::score 52 is below the minimum 60; Model: 20 is below the step minimum 40',
      '::warning file=answers/ads-ctr%2C v2.md,line=18,title=Model%3A required items missing::Loss function: Name the loss: log loss, i.e. binary cross-entropy.%0ASay why it fits a 2%25 CTR.',
      '::warning file=answers/ads-ctr%2C v2.md,line=1,title=Evaluation%3A required items missing::Online metrics: CTR, revenue per mille & an A/B test.',
      '::notice file=answers/ads-ctr%2C v2.md,line=33,title=Monitoring%3A read as a list of terms::terms listed without a decision or reason earn little: say what you chose and why',
      '::error file=answers/fraud.md,line=30,title=mlsd 71/100 (min 60)::Evaluation: 35 is below the step minimum 50',
      '::error file=answers/broken.md,line=3,col=11::front matter: question "nope" is not in the bank',
      '::error title=mlsd::no answer for search-ranking',
      'mlsd: 1 passed, 2 failed, 1 error, 1 missing',
      '',
    ]);
  });

  it('writes only the summary and warnings when everything passed', () => {
    expect(githubReporter(PASSING_REPORT, OPTIONS).text).toBe(
      '::warning file=answers/feed-ranking.md,title=mlsd::"Monitoring" is thin: 2 lines\nmlsd: 1 passed, 0 failed\n',
    );
  });

  it('puts the Markdown report in the step summary', () => {
    expect(stepSummary).toBe(markdownReporter(SAMPLE_REPORT, OPTIONS).text);
  });

  it('has no colour', () => {
    expect(githubReporter(SAMPLE_REPORT, COLOR_OPTIONS).text).toBe(text);
  });
});

describe('command', () => {
  it.each([
    [{}, 'plain', '::notice::plain'],
    [{ title: 'mlsd' }, '100% done\nnext line', '::notice title=mlsd::100%25 done%0Anext line'],
    [{ file: 'a,b:c%.md', line: 2 }, 'x: y, z', '::notice file=a%2Cb%3Ac%25.md,line=2::x: y, z'],
    [{ title: 'CRLF\r\nend' }, 'one\r\ntwo', '::notice title=CRLF%0Aend::one%0Atwo'],
    [{ file: 'esc\u001b[31m.md' }, 'bell\u0007 and \u001b]0;title\u0007', '::notice file=esc.md::bell and '],
    [{ file: 'half\ud800.md' }, 'lone \udfff, \ud83d\udd25 whole', '::notice file=half.md::lone , \ud83d\udd25 whole'],
  ])('escapes %j / %j', (properties, message, expected) => {
    expect(command('notice', properties, message)).toBe(expected);
  });
});
