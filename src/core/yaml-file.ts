import { isCollection, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node, type YAMLMap } from 'yaml';
import type { z } from 'zod';

import type { Position, Problem } from './problem.js';
import { escapeControls, sanitize } from './text/sanitize.js';

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
 * The limits every YAML file mlsd reads is held to, whoever wrote it. The largest built-in file
 * is 40 KB and nests six levels deep; nothing real comes near these.
 * - bytes: a bigger file is refused before it is parsed.
 * - depth: mappings and lists nested deeper than this are refused (a parser that recursed
 *   through them could exhaust the stack).
 * - aliases: the expansion budget for `*alias` references (the "billion laughs" bomb).
 */
export const YAML_LIMITS = { bytes: 1024 * 1024, depth: 32, aliases: 100 } as const;

/** A problem that stops a file from being read at all, with where it happened: binary, not UTF-8, too big. */
export function checkText(text: string, file: string, limit?: { bytes: number; what: string }): Problem | null {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { file, ...positionAt(text, nul), message: 'this is a binary file, not text: it holds a NUL byte here' };
  const replaced = text.indexOf('\uFFFD');
  if (replaced >= 0) {
    return { file, ...positionAt(text, replaced), message: 'this is not valid UTF-8 (the bytes here read as U+FFFD): save the file as UTF-8' };
  }
  const bytes = limit ? byteLength(text, limit.bytes) : 0;
  if (limit && bytes > limit.bytes) {
    return { file, line: 1, col: 1, message: `this file is ${megabytes(bytes)} MB; ${limit.what} are limited to ${megabytes(limit.bytes)} MB` };
  }
  return null;
}

/** The 1-based line and column of a string offset. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let start = 0;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    start = index + 1;
  }
  return { line, col: offset - start + 1 };
}

/** UTF-8 length of a text, counted exactly only when it could be over the limit. */
function byteLength(text: string, limit: number): number {
  if (text.length * 3 <= limit) return text.length;
  return new TextEncoder().encode(text).length;
}

function megabytes(bytes: number): string {
  const value = bytes / 1024 / 1024;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export type YamlRead = { ok: true; data: unknown; doc: Document; at: (offset: number) => Position } | { ok: false; problems: Problem[] };

/**
 * Reads YAML text into plain data: strings, numbers, booleans, null, lists and mappings, never
 * objects of other types. Refuses, each with its line and column: a syntax error (the first
 * only, as the rest usually follow from it), a tag other than YAML's core ones (`!!js/function`,
 * `!!python/object`, `!custom`: there is nothing to construct), nesting deeper than
 * YAML_LIMITS.depth, and aliases that expand beyond YAML_LIMITS.aliases. `lineOffset` shifts
 * the reported lines, for YAML embedded in another file. Pure.
 */
export function readYaml(text: string, file: string, lineOffset = 0): YamlRead {
  const position = positionsIn(text);
  const at = (offset: number): Position => {
    const { line, col } = position(offset);
    return { line: line + lineOffset, col };
  };
  const problem = (offset: number, message: string): YamlRead => ({ ok: false, problems: [{ file, ...at(offset), message: escapeControls(message) }] });

  let doc: Document;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, resolveKnownTags: false });
  } catch (error) {
    if (isStackOverflow(error)) return { ok: false, problems: [{ file, line: 1 + lineOffset, col: 1, message: tooDeep() }] };
    throw error;
  }
  const error = doc.errors[0];
  if (error) return problem(error.pos[0], isStackOverflow(error) ? tooDeep() : `invalid YAML: ${firstLine(error.message)}`);
  const tag = doc.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (tag) {
    const name = text.slice(tag.pos[0], tag.pos[1]).trim();
    return problem(tag.pos[0], `the YAML tag ${name} is not allowed: mlsd files hold plain text, numbers, lists and mappings, never objects or code`);
  }
  const deep = deepestNode(doc, YAML_LIMITS.depth);
  if (deep) return problem(deep.range?.[0] ?? 0, tooDeep());

  try {
    return { ok: true, data: doc.toJS({ maxAliasCount: YAML_LIMITS.aliases }), doc, at };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return problem(firstAlias(doc)?.range?.[0] ?? 0, `aliases here expand to too much data (more than ${YAML_LIMITS.aliases} copies, as in an alias bomb): write the values out instead`);
  }
}

/**
 * Parses YAML text and validates it against a schema, collecting every problem with its line
 * and column. Pure: the caller reads the file.
 */
export function parseYamlFile<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
): ParseResult<z.output<S>> {
  const unreadable = checkText(text, file, { bytes: YAML_LIMITS.bytes, what: 'question, rubric and practice-set files' });
  if (unreadable) return { ok: false, problems: [unreadable] };
  const read = readYaml(text, file);
  if (!read.ok) return read;
  const { data, doc, at } = read;
  const locate = (path: PropertyPath): Position => at(nodeAt(doc, path)?.range?.[0] ?? 0);
  const result = schema.safeParse(data);
  if (result.success) {
    return { ok: true, file: { value: result.data, file, locate } };
  }
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const problem = describeIssue(issue, data, file, locate, doc, at);
      return { ...problem, message: sanitize(problem.message) };
    }),
  };
}

function tooDeep(): string {
  return `values are nested too deeply (the limit is ${YAML_LIMITS.depth} levels of lists and mappings)`;
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError || (error instanceof Error && /call stack/i.test(error.message));
}

/** The first node nested deeper than `limit` collections, found without recursion. */
function deepestNode(doc: Document, limit: number): Node | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth >= limit) return node;
    for (const item of node.items) {
      if (isPair(item)) {
        stack.push({ node: item.key, depth: depth + 1 }, { node: item.value, depth: depth + 1 });
      } else {
        stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

function firstAlias(doc: Document): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Alias(_, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
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
