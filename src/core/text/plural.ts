/** "1 attempt", "3 attempts": a count and its noun, plural past one. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
