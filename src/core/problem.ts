export interface Position {
  line: number;
  col: number;
}

/** One thing wrong with one file, at a place in it: printed as `file:line:col: message`. */
export interface Problem extends Position {
  file: string;
  message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.col}: ${problem.message}`;
}
