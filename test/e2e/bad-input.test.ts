import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import type { GradeReport } from '../../src/core/grading/grade-report.js';
import { compilePhrases, findMentions, WALK_LIMITS, wordsOf, type PhraseMatcher } from '../../src/core/scoring/matcher.js';
import { tokenize } from '../../src/core/text/tokenize.js';
import { ROOT, spawnCli, type CliResult } from '../helpers/cli.js';

/**
 * Hostile and broken input, run through the built bin/mlsd.cjs as a user would. Every refusal is
 * held to the same bar: exit 2, one line `file:line:col: message` on standard error, no stack
 * trace, no raw control character on either stream, an answer within seconds; and the other
 * files of the run are still read. Small fixtures are in test/fixtures/bad-input/, big or binary
 * ones are written to a temporary folder here.
 */

const FIXTURES = join(ROOT, 'test/fixtures/bad-input');
const BANK_PROBLEMS = join(ROOT, 'test/fixtures/bank-problems');
const STRONG = readFileSync(join(ROOT, 'questions/examples/fraud-detection/strong.md'), 'utf8');
const TMP = mkdtempSync(join(tmpdir(), 'mlsd-bad-input-'));
/** What a terminal could act on: C0 controls but newline and tab, DEL, C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** A notes file that earns credit, for the runs that check good files are still graded. */
const GOOD = 'good.md';
writeFileSync(join(TMP, GOOD), STRONG);

interface Run extends CliResult {
  ms: number;
}

function mlsd(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const started = performance.now();
  const result = spawnCli(args, { cwd: options.cwd ?? TMP, env: { NO_COLOR: '1', ...options.env } });
  return { ...result, ms: performance.now() - started };
}

/** Output a user could act on: no stack trace, no error dump, no raw control character, and it came back quickly. */
function expectClean(run: Run): void {
  expect(run.ms).toBeLessThan(10_000);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr).not.toMatch(/\w*Error:|internal error/);
  expect(run.stdout).not.toMatch(CONTROL);
  expect(run.stderr).not.toMatch(CONTROL);
}

/** Exit 2 with exactly one line about `file`, shaped `file:line:col: message`; returns what follows the file name. */
function expectRefused(run: Run, file: string): string {
  expect(run.code, run.stderr).toBe(2);
  expectClean(run);
  const lines = run.stderr.split('\n').filter((line) => line.startsWith(`${file}:`));
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^.+:\d+:\d+: \S/);
  return lines[0]!.slice(file.length + 1);
}

function write(path: string, content: string | Uint8Array): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** A bank folder with one file written here, for the cases too big or too binary to commit. */
function generatedBank(name: string, file: string, content: string | Uint8Array): string {
  const dir = join(TMP, 'banks', name);
  write(join(dir, file), content);
  return dir;
}

const question = (id: string, extra = '') => `version: 1\nid: ${id}\ntitle: A question\ndifficulty: easy\nprompt: Design something.\n${extra}`;

function aliasBomb(): string {
  const lines = ['version: 1', 'id: alias-bomb', 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  const names = 'bcdefghi';
  for (let index = 0; index < names.length; index++) {
    const previous = index === 0 ? 'a' : names[index - 1];
    lines.push(`${names[index]}: &${names[index]} [${Array(9).fill(`*${previous}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

const MARKER = 'pwned-by-yaml-tag';

interface BankCase {
  name: string;
  dir: string;
  file: string;
  expected: RegExp;
  /** More bank folders, relative to `dir`. */
  more?: string[];
}

const BANK_CASES: BankCase[] = [
  { name: 'malformed YAML', dir: join(BANK_PROBLEMS, 'yaml-syntax'), file: 'questions/broken.yaml', expected: /^4:1: invalid YAML: \S/ },
  { name: 'a value of the wrong type', dir: join(BANK_PROBLEMS, 'wrong-type'), file: 'questions/wrong-type.yaml', expected: /^5:7: tags: invalid input: expected array, received string$/ },
  { name: 'a missing field', dir: join(BANK_PROBLEMS, 'missing-field'), file: 'questions/missing-field.yaml', expected: /^1:1: missing required field "title"$/ },
  { name: 'an unknown step', dir: join(BANK_PROBLEMS, 'unknown-step'), file: 'questions/unknown-step.yaml', expected: /^9:11: concepts\[0\]\.step: invalid option: expected one of "requirements"\|/ },
  {
    name: 'a duplicate question id',
    dir: join(BANK_PROBLEMS, 'duplicate-question-id'),
    more: ['other'],
    file: 'other/questions/twin.yaml',
    expected: /^2:5: duplicate question id "twin": also defined in questions\/twin\.yaml$/,
  },
  { name: 'an unknown rubric pack', dir: join(BANK_PROBLEMS, 'unknown-rubric'), file: 'questions/unknown-rubric.yaml', expected: /^7:17: unknown rubric pack "recomendation"; known packs: .*\bcore\b/ },
  { name: 'an empty file', dir: join(BANK_PROBLEMS, 'empty-file'), file: 'questions/empty-file.yaml', expected: /^1:1: the file is empty/ },
  {
    name: 'an alias bomb (billion laughs)',
    dir: generatedBank('alias-bomb', 'questions/alias-bomb.yaml', aliasBomb()),
    file: 'questions/alias-bomb.yaml',
    expected: /^\d+:\d+: aliases here expand to too much data \(more than 100 copies/,
  },
  {
    name: '20,000 nested [',
    dir: generatedBank('deep-nesting', 'questions/deep-nesting.yaml', `${question('deep-nesting')}tags: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`),
    file: 'questions/deep-nesting.yaml',
    expected: /^6:\d+: values are nested too deeply \(the limit is 32 levels/,
  },
  {
    name: 'a binary file',
    dir: generatedBank('binary-file', 'questions/binary-file.yaml', new Uint8Array([...Buffer.from('version: 1\nid: x\n'), 0, 1, 2, 0xff, 0x89, 0x50, 0x4e, 0x47])),
    file: 'questions/binary-file.yaml',
    expected: /^3:1: this is a binary file, not text/,
  },
  {
    name: 'invalid UTF-8',
    dir: generatedBank('invalid-utf8', 'questions/invalid-utf8.yaml', Buffer.concat([Buffer.from('version: 1\nid: invalid-utf8\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\ndifficulty: easy\nprompt: P\n')])),
    file: 'questions/invalid-utf8.yaml',
    expected: /^3:11: this is not valid UTF-8/,
  },
  { name: 'a !!js/function tag', dir: join(FIXTURES, 'bank/js-function-tag'), file: 'questions/js-function-tag.yaml', expected: /^3:8: the YAML tag !!js\/function is not allowed/ },
  {
    name: 'a !!python/object tag',
    dir: join(FIXTURES, 'bank/python-object-tag'),
    file: 'questions/python-object-tag.yaml',
    expected: /^5:9: the YAML tag !!python\/object\/apply:os\.system is not allowed/,
  },
  { name: 'a custom !tag', dir: join(FIXTURES, 'bank/custom-tag'), file: 'questions/custom-tag.yaml', expected: /^5:7: the YAML tag !shell is not allowed/ },
  { name: 'a question id with ../', dir: join(FIXTURES, 'bank/dot-dot-id'), file: 'questions/dot-dot-id.yaml', expected: /^2:5: id: expected a kebab-case id/ },
  { name: 'a rubric pack name with ../', dir: join(FIXTURES, 'bank/dot-dot-rubric'), file: 'questions/dot-dot-rubric.yaml', expected: /^6:17: rubrics\[1\]: expected a kebab-case id/ },
  {
    name: 'an alias of 13 words',
    dir: join(FIXTURES, 'bank/alias-too-many-words'),
    file: 'questions/alias-too-many-words.yaml',
    expected: /^10:22: concepts\[0\]\.any\[1\]: expected a phrase of at most 12 words$/,
  },
  {
    name: 'an alias of 220 characters',
    dir: join(FIXTURES, 'bank/alias-too-long'),
    file: 'questions/alias-too-long.yaml',
    expected: /^12:9: concepts\[0\]\.any\[1\]: expected a phrase of at most 200 characters$/,
  },
  {
    name: 'an alias of 10,000 words',
    dir: generatedBank('alias-10000-words', 'questions/alias-10000-words.yaml', question('alias-10000-words', `concepts:\n  - id: long\n    step: model\n    label: Long\n    any: ["${Array.from({ length: 10_000 }, (_, index) => `w${index}`).join(' ')}"]\n    hint: H\n`)),
    file: 'questions/alias-10000-words.yaml',
    expected: /^10:11: concepts\[0\]\.any\[0\]: expected a phrase of at most 200 characters$/,
  },
  {
    name: 'a rubric context phrase of 17 words',
    dir: join(FIXTURES, 'bank/rubric-alias-too-many-words'),
    file: 'rubrics/wordy.yaml',
    expected: /^9:15: concepts\[0\]\.context\[0\]: expected a phrase of at most 12 words$/,
  },
];

describe('a bank with a broken file (mlsd list --bank)', () => {
  it.each(BANK_CASES)('$name: exit 2 with the place named, and the good questions are still listed', ({ dir, file, expected, more = [] }) => {
    const run = mlsd(['list', '--bank', '.', ...more.flatMap((folder) => ['--bank', folder])], { cwd: dir });
    expect(expectRefused(run, file)).toMatch(expected);
    expect(run.stdout).toMatch(/^fraud-detection\s/m);
    expect(existsSync(join(dir, MARKER))).toBe(false);
  });
});

describe('mlsd validate --bank with every broken file at once', () => {
  it('lists the problem of each file, one line each, and exits 2', () => {
    const all = join(TMP, 'banks', 'all');
    for (const { dir, file, more } of BANK_CASES) if (!more) cpSync(join(dir, file), join(all, file));
    const run = mlsd(['validate', '--bank', 'banks/all']);
    expect(run.code).toBe(2);
    expectClean(run);
    for (const { file, expected, more } of BANK_CASES) if (!more) expect(expectRefused(run, `banks/all/${file}`), file).toMatch(expected);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe('mlsd validate: the bank has problems (listed above)');
    expect(existsSync(join(TMP, MARKER))).toBe(false);
  });
});

describe('notes files that cannot be graded (mlsd grade)', () => {
  const notes = join(TMP, 'notes');
  cpSync(join(FIXTURES, 'notes'), notes, { recursive: true });
  write(join(notes, 'over-5-mb.md'), `---\nquestion: fraud-detection\n---\n${'## 4. Model\nbaseline: logistic regression on counts, cheap.\n'.repeat(110_000)}`);
  write(join(notes, 'binary.md'), new Uint8Array([...Buffer.from('---\nquestion: fraud-detection\n---\n## 4. Model\n'), 0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  write(join(notes, 'invalid-utf8.md'), Buffer.concat([Buffer.from('---\nquestion: fraud-detection\n---\n## 4. Model\nBaseline: r'), Buffer.from([0xe9, 0x73]), Buffer.from('sum\n')]));

  const CASES: [string, string, RegExp][] = [
    ['over 5 MB', 'over-5-mb.md', /^1:1: this file is \d+\.\d MB \([\d,]+ bytes\); notes files are limited to 5 MB \(5,242,880 bytes\)$/],
    ['empty', 'empty.md', /^1:1: the file is empty/],
    ['binary', 'binary.md', /^5:5: this is a binary file, not Markdown notes/],
    ['not UTF-8', 'invalid-utf8.md', /^5:12: this is not valid UTF-8 here/],
    ['without front matter or --question', 'no-front-matter.md', /^1:1: no question id: add "question: <id>" to the front matter, or pass --question$/],
    ['naming an unknown question', 'unknown-question.md', /^2:1: unknown question "fraud-detectoin" \(did you mean "fraud-detection"/],
    ['with ---js front matter', 'js-front-matter.md', /^1:1: JavaScript front matter is not allowed/],
    ['with ---javascript front matter', 'javascript-front-matter.md', /^1:1: JavaScript front matter is not allowed/],
    ['with ---coffee front matter', 'coffee-front-matter.md', /^1:1: CoffeeScript front matter is not allowed/],
  ];

  it.each(CASES)('%s: exit 2 with the place named, and the good file is still graded', (_, name, expected) => {
    const marker = join(TMP, `marker-${name}`);
    const run = mlsd(['grade', `notes/${name}`, GOOD, '--reporter', 'json'], { env: { MLSD_MARKER: marker } });
    expect(expectRefused(run, `notes/${name}`)).toMatch(expected);
    const report = JSON.parse(run.stdout) as GradeReport;
    expect(report.files.find((file) => file.path === `notes/${name}`)!.error!.message).toMatch(new RegExp(expected.source.replace(/^\^\d+:\d+: /, '^')));
    expect(report.files.find((file) => file.path === GOOD)!.score).toBeGreaterThanOrEqual(85);
    expect(existsSync(marker)).toBe(false);
  });

  it.each(['js', 'javascript'])('the ---%s fixture is live: gray-matter\'s own engine would run it and write the marker', (language) => {
    const marker = join(TMP, `armed-${language}`);
    process.env.MLSD_MARKER = marker;
    try {
      matter(readFileSync(join(FIXTURES, `notes/${language}-front-matter.md`), 'utf8'));
    } finally {
      delete process.env.MLSD_MARKER;
    }
    expect(existsSync(marker)).toBe(true);
    rmSync(marker);
  });

  it('all at once, in the pretty report: every file named with its place, the good one graded, exit 2', () => {
    const run = mlsd(['grade', 'notes', GOOD]);
    expect(run.code).toBe(2);
    expectClean(run);
    for (const [, name] of CASES) expect(run.stdout).toMatch(new RegExp(`^notes/${name.replace('.', '\\.')}\n  ✗ cannot grade: .+ \\(\\d+:\\d+\\)$`, 'm'));
    // Off a terminal, each is also one file:line:col line on stderr, as with every other reporter.
    for (const [, name] of CASES) expect(run.stderr).toMatch(new RegExp(`^notes/${name.replace('.', '\\.')}:\\d+:\\d+: .+$`, 'm'));
    expect(run.stdout).toMatch(/^good\.md {2}fraud-detection {2}\d+\/100 {2}PASS/m);
  });
});

describe('control characters and escape sequences are never printed raw', () => {
  /** ESC sequences (CSI, OSC title and hyperlink), BEL, backspace, vertical tab, form feed, DEL, C1 CSI and NEL. */
  const HOSTILE = '\u001b[2J\u001b[H \u001b]0;pwned\u0007 \u001b]8;;https://example.com\u001b\\link\u001b]8;;\u001b\\ \u0008\u000b\u000c\u007f \u009b31m \u0085';
  const controlNotes = write(
    join(TMP, 'control/fraud-detection.md'),
    `---\nquestion: fraud-detection\ncandidate: "ada \\e[31m"\n---\n## 4. Model ${HOSTILE}\n\nBaseline: logistic regression ${HOSTILE} on counts, because it is cheap and interpretable.\n`,
  );
  const promptNotes = write(join(TMP, 'control/control-prompt.md'), `---\nquestion: control-prompt\n---\n## 3. Data\n\nOwn thing ${HOSTILE}, because it is cheap.\n`);
  const bank = join(FIXTURES, 'question-text');

  it.each([
    ['show', ['show', 'control-prompt']],
    ['show --rubric', ['show', 'control-prompt', '--rubric']],
    ['show --json', ['show', 'control-prompt', '--json']],
    ['list', ['list', '--search', 'escapes']],
    ['list --json', ['list', '--json']],
    ['new (to standard output)', ['new', 'control-prompt']],
    ['cheatsheet --json', ['cheatsheet', '--json']],
  ])('in a question\'s text, shown by mlsd %s', (_, args) => {
    const run = mlsd([...args, '--bank', bank]);
    expect(run.code, run.stderr).toBe(0);
    expectClean(run);
    expect(run.stdout).not.toBe('');
  });

  it('the title still reads, with its escape sequences removed whole (an OSC with its text)', () => {
    const run = mlsd(['show', 'control-prompt', '--bank', bank]);
    expect(run.stdout.split('\n')[0]).toMatch(/^Escapes +in the title +and a C1 CSI *$/);
  });

  it.each(['pretty', 'json', 'junit', 'github', 'markdown'])('in notes and in a question\'s text, in the %s grade report', (reporter) => {
    const run = mlsd(['grade', controlNotes, promptNotes, '--bank', bank, '--reporter', reporter, '--verbose']);
    expect([0, 1]).toContain(run.code);
    expectClean(run);
  });
});

describe('practice sets whose paths leave the set\'s folder (mlsd grade --set)', () => {
  it.each([
    ['answers-dot-dot.yaml', /^4:10: answers: expected a folder inside the set file's folder: "\.\." is not allowed$/],
    ['answers-inner-dot-dot.yaml', /^4:10: answers: expected a folder inside the set file's folder: "\.\." is not allowed$/],
    ['answers-absolute.yaml', /^4:10: answers: expected a folder relative to the set file, not an absolute path$/],
    ['answers-drive.yaml', /^4:10: answers: expected a folder relative to the set file, not an absolute path$/],
    ['bank-dot-dot.yaml', /^4:7: bank: expected a folder inside the set file's folder: "\.\." is not allowed$/],
    ['bank-absolute.yaml', /^4:7: bank: expected a folder relative to the set file, not an absolute path$/],
  ])('%s is refused at its line and column', (file, expected) => {
    const run = mlsd(['grade', '--set', file, '--reporter', 'json'], { cwd: join(FIXTURES, 'sets') });
    expect(expectRefused(run, file)).toMatch(expected);
    expect(run.stdout).toBe('');
  });

  it.each([
    ['answers', 'answers: inside', 4, 10],
    ['bank', 'answers: answers\nbank: inside', 5, 7],
  ])('a %s folder that is a symbolic link to a folder outside is refused at its line and column', (key, paths, line, col) => {
    const dir = join(TMP, `linked-${key}`);
    write(join(dir, 'outside/secret.md'), '---\nquestion: fraud-detection\n---\nnot the set\'s\n');
    write(join(dir, 'set/answers/fraud-detection.md'), '---\nquestion: fraud-detection\n---\n## 1. Requirements\n');
    symlinkSync(join(dir, 'outside'), join(dir, 'set/inside'));
    write(join(dir, 'set/set.yaml'), `version: 1\nname: Week 3\nquestions: [fraud-detection]\n${paths}\nmin_score: 60\n`);
    const run = mlsd(['grade', '--set', 'set.yaml', '--reporter', 'json'], { cwd: join(dir, 'set') });
    expect(expectRefused(run, 'set.yaml')).toBe(`${line}:${col}: "${key}" leads outside the set's folder through a symbolic link: a set's paths must stay inside its folder`);
    expect(run.stdout).toBe('');
  });
});

/** A bank folder holding one question with a concept per list of aliases, and a notes file for it. */
function slowCase(name: string, concepts: readonly (readonly string[])[], body: string): { bank: string; notes: string } {
  const dir = join(TMP, 'slow', name);
  const yaml = concepts.map((aliases, index) => `  - { id: item-${index}, step: model, label: Item ${index}, any: ${JSON.stringify(aliases)}, hint: Say it. }\n`).join('');
  write(join(dir, 'bank/questions/slow-question.yaml'), question('slow-question', `concepts:\n${yaml}`));
  write(join(dir, 'notes.md'), `---\nquestion: slow-question\n---\n## 4. Model\n\n${body}\n`);
  return { bank: join(dir, 'bank'), notes: join(dir, 'notes.md') };
}

const PREFIX = 'shared prefix of many aliases';
/** Every mix of two keys or of a word and `*` over 12 words: a trie that branches at every level. */
const branching = (other: string) =>
  Array.from({ length: 4095 }, (_, index) => Array.from({ length: 12 }, (_, bit) => ((index >> bit) & 1 ? other : 'lol')).join(' '));
const SLOW: [string, readonly (readonly string[])[], string][] = [
  ['5,000 aliases sharing a prefix, notes repeating it (4 MB)', [Array.from({ length: 5000 }, (_, index) => `${PREFIX} number${index}`)], `${PREFIX} `.repeat(140_000)],
  ['one line of 4 MB, made of an alias\'s words', [['slow slow slow slow slow slow slow slow slow slow slow thing']], 'slow '.repeat(800_000)],
  ['200,000 repetitions of an alias\'s first word, one per line', [['slow thing']], 'slow\n'.repeat(200_000)],
  ['aliases mixing "lol" and "LOL" in every way, notes of 1 MB of LOL', [branching('LOL')], 'LOL '.repeat(250_000)],
  ['aliases mixing words and * in every way, notes of 1 MB of lol', [branching('*')], 'lol '.repeat(250_000)],
  ['5,000 checklist items sharing one alias, notes of 400 KB of it', Array.from({ length: 5000 }, () => ['lol']), 'lol\n'.repeat(100_000)],
];

describe('rubrics and notes shaped to make matching slow (mlsd grade)', () => {
  it.each(SLOW)('%s: graded within seconds', (name, concepts, body) => {
    const { bank, notes } = slowCase(name.replace(/\W+/g, '-'), concepts, body);
    const run = mlsd(['grade', notes, '--bank', bank, '--reporter', 'json']);
    expect([0, 1], run.stderr).toContain(run.code);
    expectClean(run);
    expect((JSON.parse(run.stdout) as GradeReport).files[0]!.score).toEqual(expect.any(Number));
  });
});

/** Counts the trie steps a match takes: every lookup of a child node. */
function countingSteps(matcher: PhraseMatcher): { steps: () => number } {
  let steps = 0;
  const seen = new Set<object>();
  const stack = [matcher.root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    const next = node.next;
    if (next === null) continue;
    stack.push(...next.values());
    const get = next.get.bind(next);
    next.get = (key) => {
      steps++;
      return get(key);
    };
  }
  return { steps: () => steps };
}

describe('matching stays linear in the notes, whatever the rubric (in process, counting trie steps)', () => {
  it.each(SLOW)('%s', (_, concepts, body) => {
    const matcher = compilePhrases(concepts);
    const counter = countingSteps(matcher);
    const match = (text: string) => {
      const before = counter.steps();
      const mentions = findMentions(matcher, wordsOf(tokenize(text))).length;
      return { steps: counter.steps() - before, mentions };
    };
    const unit = body.slice(0, 40_000);
    const words = tokenize(unit).length;
    const once = match(unit);
    const four = match(unit.repeat(4));
    // Each word's walk visits at most WALK_LIMITS.nodes nodes, each looking up at most its two keys and `*`.
    expect(once.steps).toBeLessThanOrEqual(words * WALK_LIMITS.nodes * 3);
    expect(once.mentions).toBeLessThanOrEqual(words * WALK_LIMITS.mentions);
    expect(four.steps).toBeLessThanOrEqual(once.steps * 4 + WALK_LIMITS.nodes * 3 * 12);
    expect(four.mentions).toBeLessThanOrEqual(once.mentions * 4 + WALK_LIMITS.mentions * 12);
  });
});
