import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import type { z } from 'zod';

import type { Position, Problem } from './problem.js';
import { escapeControls } from './text/sanitize.js';

export type { Position, Problem } from './problem.js';
export { formatProblem } from './problem.js';

export type PropertyPath = readonly PropertyKey[];

/** A parsed file that still knows where each of its values stands in the text. */
export interface Located<T> {
  value: T;
  file: string;
  locate(path: PropertyPath): Position;
}

export type ParseResult<T> = { ok: true; file: Located<T> } | { ok: false; problems: Problem[] };

/**
 * Parses YAML text and validates it against a schema, collecting every problem with its line
 * and column. Pure: the caller reads the file.
 */
export function parseYamlFile<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
): ParseResult<z.output<S>> {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const at = positionsIn(text);

  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        file,
        ...at(error.pos[0]),
        message: `invalid YAML: ${escapeControls(firstLine(error.message))}`,
      })),
    };
  }

  const locate = (path: PropertyPath): Position => at(nodeAt(doc, path)?.range?.[0] ?? 0);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, problems: [{ file, line: 1, col: 1, message: `invalid YAML: ${escapeControls(firstLine(String(error)))}` }] };
  }
  const result = schema.safeParse(data);
  if (result.success) {
    return { ok: true, file: { value: result.data, file, locate } };
  }
  return {
    ok: false,
    problems: result.error.issues.map((issue) => describeIssue(issue, data, file, locate, doc, at)),
  };
}

function describeIssue(
  issue: z.core.$ZodIssue,
  data: unknown,
  file: string,
  locate: (path: PropertyPath) => Position,
  doc: Document,
  at: (offset: number) => Position,
): Problem {
  const path = issue.path;
  const where = path.length > 0 ? `${formatPath(path)}: ` : '';
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const keyNode = mapKeyNode(doc, path, key);
    const position = keyNode?.range ? at(keyNode.range[0]) : locate(path);
    const names = issue.keys.map((name) => `"${escapeControls(name)}"`).join(', ');
    return { file, ...position, message: `${where}unknown field ${names}` };
  }
  if (path.length === 0 && (data === null || data === undefined)) {
    return { file, line: 1, col: 1, message: 'the file is empty: expected a mapping of fields' };
  }
  if (path.length > 0 && valueAt(data, path) === undefined) {
    const parent = path.slice(0, -1);
    const field = String(path[path.length - 1]);
    const within = parent.length > 0 ? ` in ${formatPath(parent)}` : '';
    return { file, ...locate(parent), message: `missing required field "${field}"${within}` };
  }
  return { file, ...locate(path), message: `${where}${lowerFirst(issue.message)}` };
}

/**
 * Line and column (1-based) of an offset, counted from the text itself: the yaml package's
 * LineCounter misses the line breaks inside a block scalar once the parser is recovering from
 * an error, which would place later problems lines too early and far past their line's end.
 */
function positionsIn(text: string): (offset: number) => Position {
  const starts = [0];
  for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (starts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, col: clamped - starts[low]! + 1 };
  };
}

function nodeAt(doc: Document, path: PropertyPath): Node | undefined {
  let node: unknown = doc.contents;
  let found = node as Node | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = pairOf(node, key);
      if (!pair) break;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
    } else {
      break;
    }
    if (!node) break;
    found = node as Node;
  }
  return found;
}

function mapKeyNode(doc: Document, path: PropertyPath, key: string): Node | undefined {
  const map = nodeAt(doc, path);
  if (!isMap(map)) return undefined;
  return pairOf(map, key)?.key as Node | undefined;
}

function pairOf(map: YAMLMap, key: PropertyKey) {
  return map.items.find((item) => isScalar(item.key) && item.key.value === key);
}

function valueAt(data: unknown, path: PropertyPath): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

export function formatPath(path: PropertyPath): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${escapeControls(String(key))}`))
    .join('');
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim();
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
