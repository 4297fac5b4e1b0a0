/**
 * The score bands every question's answers must fall in, [min, max] inclusive: a complete answer
 * with numbers and reasons, the same in terse bullets, a plausible but generic answer, a thin one,
 * and any keyword dump. `mlsd validate` and the calibration tests both hold the bank to them.
 */
export const SCORE_BANDS = {
  strong: [85, 100],
  terse: [75, 100],
  mid: [21, 84],
  weak: [0, 20],
  dump: [0, 50],
} as const satisfies Record<string, readonly [number, number]>;

export type AnswerKind = keyof typeof SCORE_BANDS;

/** The band an example answer is held to, from its file name: `strong-terse.md` is terse, `weak.md` weak. */
export function kindOfExample(fileName: string): AnswerKind | null {
  const name = fileName.replace(/\.md$/, '');
  if (/^strong-terse\b/.test(name) || /^terse\b/.test(name)) return 'terse';
  const kind = /^[a-z]+/.exec(name)?.[0];
  return kind && kind in SCORE_BANDS ? (kind as AnswerKind) : null;
}
