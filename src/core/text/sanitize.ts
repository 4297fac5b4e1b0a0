/**
 * Removes control characters (escape sequences above all) from text that came from a file, so
 * printing it can never drive the terminal, and lone surrogates, which no output encoding can
 * write. Newlines and tabs stay.
 */
export function sanitize(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(OSC, '').replace(/(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]/g, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|\p{Cs}/gu, '');
}

/** What sanitize removes, found: every sequence it strips starts with one of these, so text without them is left as it is. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ud800-\udfff]/;

/** A character as its `\uXXXX` escape, which JSON and JavaScript read back as the character. */
const unicodeEscape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** An OSC sequence (a window title, a hyperlink) whole, with its text: ESC ] or C1 OSC, up to BEL or ST. */
const OSC = /(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)/g;

/**
 * Shows text from a file inside a one-line message: control characters, line and paragraph
 * separators and lone surrogates become `\uXXXX`, so the reader sees what is there and the
 * terminal acts on none of it.
 */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]|\p{Cs}/gu, unicodeEscape);
}

/**
 * JSON.stringify, with the characters it leaves raw that a terminal may act on (DEL, the C1
 * controls such as U+009B, a one-character CSI) and the line and paragraph separators written as
 * `\uXXXX`: the same JSON value, inert when printed.
 */
export function toInertJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(/[\u007f-\u009f\u2028\u2029]/g, unicodeEscape);
}
