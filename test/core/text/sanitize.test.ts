import { describe, expect, it } from 'vitest';
import { escapeControls, sanitize } from '../../../src/core/text/sanitize.js';

describe('escapeControls', () => {
  it.each([
    { text: 'plain text, é and 🔥', expected: 'plain text, é and 🔥' },
    { text: '\u0000', expected: '\\u0000' },
    { text: 'a\nb\r\tc', expected: 'a\\u000ab\\u000d\\u0009c' },
    { text: '\u001b[31mred', expected: '\\u001b[31mred' },
    { text: '\u007f\u0085\u009b', expected: '\\u007f\\u0085\\u009b' },
    { text: 'a\u2028b\u2029', expected: 'a\\u2028b\\u2029' },
    { text: 'x\ud800y\udfff', expected: 'x\\ud800y\\udfff' },
    { text: '\ud83d\udd25 stays whole', expected: '\ud83d\udd25 stays whole' },
  ])('$text', ({ text, expected }) => {
    expect(escapeControls(text)).toBe(expected);
  });
});

describe('sanitize', () => {
  it.each([
    { text: 'plain text, é and 🔥\tand a tab', expected: 'plain text, é and 🔥\tand a tab' },
    { text: '\u001b[31mred\u001b[0m and \u001b[2J', expected: 'red and ' },
    { text: 'a \u001b]0;new title\u0007 b', expected: 'a  b' },
    { text: '\u001b]8;;https://x.test\u001b\\link\u001b]8;;\u001b\\', expected: 'link' },
    { text: 'c1 \u009d0;title\u009c osc', expected: 'c1  osc' },
    { text: 'unterminated \u001b]0;title', expected: 'unterminated ]0;title' },
    { text: '\u0000\u0007\u0008\u007f\u009b', expected: '' },
    { text: 'c1 \u009b2J csi', expected: 'c1  csi' },
    { text: 'x\ud800y', expected: 'xy' },
    { text: 'lone low \udfff', expected: 'lone low ' },
    { text: '\ud83d\udd25 \u001b[1mbold', expected: '\ud83d\udd25 bold' },
  ])('$text', ({ text, expected }) => {
    expect(sanitize(text)).toBe(expected);
  });
});
