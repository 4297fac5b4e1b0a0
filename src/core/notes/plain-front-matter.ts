/**
 * The front matter that `mlsd drill` and `mlsd new` write, and that nearly every notes file
 * has: lines of `key: value` where each value is a word or a few words, or a whole number.
 * YAML reads such lines one way only, so they are read here without the YAML parser, which is a
 * good share of the time grading a file takes. Anything else (quotes, lists, comments, a value
 * YAML might read as true, null or a number, a repeated key, CR line ends) returns null, and
 * the caller reads the block as YAML. Pure.
 */
export function readPlainFrontMatter(block: string): Record<string, string | number> | null {
  if (block.includes('\r')) return null;
  const data: Record<string, string | number> = {};
  const seen = new Set<string>();
  for (const line of block.split('\n')) {
    if (line === '') continue;
    const match = PLAIN_LINE.exec(line);
    if (!match) return null;
    const [, key, value] = match as unknown as [string, string, string];
    if (seen.has(key)) return null;
    seen.add(key);
    if (WHOLE_NUMBER.test(value)) data[key] = Number(value);
    else if (LETTER_FIRST.test(value) && !CORE_WORDS.has(value)) data[key] = value;
    else return null;
  }
  return data;
}

/** A lower-case key, one space after the colon, and words of letters, digits, `.`, `_` and `-` split by single spaces. */
const PLAIN_LINE = /^([a-z][a-z_]{0,39}): ([A-Za-z0-9._-]+(?: [A-Za-z0-9._-]+)*)$/;
const WHOLE_NUMBER = /^(?:0|[1-9][0-9]{0,8})$/;
/** A value that starts with a letter is never a number in YAML 1.2's core schema (1e3, 0x1F and .inf start otherwise). */
const LETTER_FIRST = /^[A-Za-z]/;
/** The core schema's booleans and null: the only letter-first plain words it does not read as text. */
const CORE_WORDS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
