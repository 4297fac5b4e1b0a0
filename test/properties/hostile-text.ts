import fc from 'fast-check';

/**
 * Fragments that break formats or terminals: every class of XML-illegal character, lone
 * surrogates, CDATA and tag openers, quotes, ANSI and OSC escapes, every kind of line break,
 * and the characters GitHub workflow commands and Markdown tables give meaning to.
 */
export const NASTY = [
  '\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u000e', '\u001f', '\u007f', '\u0085', '\u009b',
  '\ufffe', '\uffff', '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\u2028', '\u2029', '\ufeff',
  ']]>', '<![CDATA[', '<', '>', '&', '&amp;', '&#0;', '"', "'", '`', '\\',
  '\u001b[31m', '\u001b[2J', '\u001b]8;;https://x.test\u0007', '\u001b]0;title\u001b\\', '\u001b', '\u001bc',
  '\n', '\r', '\r\n', '\t', '%', '%0A', '%25', '::', ':', ',', '=', '|', '\\|', '*', '#', '- ', '<!--', '-->',
  '::error::', '\n::warning file=x::boom', '${{ }}', '\u{1F525}', 'é', ' ',
] as const;

/** Any text, leaning hard on the fragments above. */
export const hostileText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
      { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

/** Characters XML 1.0 forbids anywhere, escaped or not. */
export const XML_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** C0 and C1 control characters other than tab and line feed, and DEL. */
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
