import { distance } from 'fastest-levenshtein';

/** The known names closest to what was typed, for a "did you mean" line. */
export function suggest(typed: string, known: readonly string[], max = 3): string[] {
  const needle = typed.toLowerCase();
  return known
    .map((name) => {
      const lower = name.toLowerCase();
      const contains = needle.length >= 3 && (lower.includes(needle) || needle.includes(lower));
      return { name, cost: contains ? 0 : distance(needle, lower) / Math.max(needle.length, lower.length) };
    })
    .filter((entry) => entry.cost <= 0.5)
    .sort((a, b) => a.cost - b.cost || a.name.localeCompare(b.name))
    .slice(0, max)
    .map((entry) => entry.name);
}

export function didYouMean(typed: string, known: readonly string[]): string {
  const close = suggest(typed, known);
  return close.length > 0 ? ` (did you mean ${close.map((name) => `"${name}"`).join(' or ')}?)` : '';
}
