import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPlainFrontMatter } from '../../../src/core/notes/plain-front-matter.js';
import { readYaml } from '../../../src/core/yaml-file.js';

/** What the YAML reader makes of a block, as readFrontMatter keeps it. */
function viaYaml(block: string): unknown {
  const read = readYaml(block, 'notes.md');
  return read.ok ? (read.data ?? {}) : 'refused';
}

describe('readPlainFrontMatter', () => {
  it.each([
    ['\nquestion: ad-click-prediction\ncandidate: example\n', { question: 'ad-click-prediction', candidate: 'example' }],
    ['\nquestion: video-recommendation\nminutes: 45\n', { question: 'video-recommendation', minutes: 45 }],
    ['\ncandidate: Jane Doe\nminutes: 0\n', { candidate: 'Jane Doe', minutes: 0 }],
    ['\ncandidate: J. R. Smith-Jones\n', { candidate: 'J. R. Smith-Jones' }],
    ['\nquestion: yes\n', { question: 'yes' }],
    ['', {}],
  ])('reads %j as YAML does', (block, data) => {
    expect(readPlainFrontMatter(block)).toEqual(data);
    expect(viaYaml(block)).toEqual(data);
  });

  it.each([
    ['a boolean', '\nquestion: true\n'],
    ['null', '\ncandidate: Null\n'],
    ['a float', '\nminutes: 4.5\n'],
    ['an exponent', '\nminutes: 1e3\n'],
    ['a leading zero', '\nminutes: 007\n'],
    ['a negative number', '\nminutes: -5\n'],
    ['a quoted value', '\nquestion: "q"\n'],
    ['a comment', '\nquestion: q # mine\n'],
    ['a list', '\nhints_used:\n  - model\n'],
    ['a repeated key', '\nquestion: a\nquestion: b\n'],
    ['CR line ends', '\r\nquestion: q\r\n'],
    ['a trailing space', '\nquestion: q \n'],
    ['two spaces', '\ncandidate: Jane  Doe\n'],
    ['a tab', '\nquestion:\tq\n'],
    ['a colon in the value', '\nstarted: 10:30\n'],
    ['an upper-case key', '\nQuestion: q\n'],
    ['a key YAML reads specially', '\n__proto__: q\n'],
    ['an empty value', '\ncandidate:\n'],
    ['a line of spaces', '\nquestion: q\n  \n'],
  ])('leaves %s to the YAML reader', (_, block) => {
    expect(readPlainFrontMatter(block)).toBeNull();
  });

  it('never reads a block otherwise than YAML does', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9._\-~"'#:!&*]{1,8}$/);
    const line = fc.oneof(
      fc.tuple(fc.constantFrom('question', 'candidate', 'minutes', 'x_y', 'Key', '_a'), fc.constantFrom(': ', ':', ':  ', ': \t'), fc.array(word, { minLength: 0, maxLength: 3 }), fc.constantFrom(' ', '  ')).map(([key, colon, words, space]) => `${key}${colon}${words.join(space)}`),
      fc.constantFrom('', ' ', '- a', '# note', 'minutes: 12', 'minutes: 0', 'question: True', 'candidate: NULL'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 5 }), (lines) => {
        const block = `\n${lines.join('\n')}\n`;
        const plain = readPlainFrontMatter(block);
        if (plain !== null) expect(plain).toEqual(viaYaml(block));
      }),
      { numRuns: 2000 },
    );
  });
});
