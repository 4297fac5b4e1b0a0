import { describe, expect, it } from 'vitest';
import { escapeControls } from '../../../src/core/text/sanitize.js';

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
