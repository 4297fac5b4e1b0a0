import {
  createPrompt,
  ExitPromptError,
  isDownKey,
  isEnterKey,
  isUpKey,
  useEffect,
  useKeypress,
  useRef,
  useState,
  type KeypressEvent,
} from '@inquirer/core';
import { stripVTControlCharacters } from 'node:util';
import type { ChalkInstance } from 'chalk';
import type { ClockView, DrillMessage, DrillSessionPort, DrillView } from '../core/drill/view.js';

export interface NotesEditorConfig {
  session: DrillSessionPort;
  /** The clock, injected. */
  now: () => number;
  /** Level 0 when colour is off (NO_COLOR, not a TTY). */
  color: ChalkInstance;
  /** How often the clock ticks and the screen redraws; default 1000. */
  tickMs?: number;
  /** Only the last N lines of the step are drawn; default 12. */
  maxLinesShown?: number;
  /** The terminal's size: the screen is fitted to it, so a redraw never scrolls. */
  size?: () => { rows: number; columns: number };
  /** A warning shown above the input while it returns one, such as "the draft is not being saved". */
  notice?: () => string | null;
}

/** An earlier line of the step being edited; the title pins it to the step it came from. */
interface Editing {
  index: number;
  title: string;
  /** What was in the input before browsing started, given back when browsing ends. */
  draft: string;
}

interface EditorState {
  /** Mirror of readline's line and cursor after the last key (readline clears its line on Enter). */
  line: string;
  cursor: number;
  /** The input as last handed to session.type (entering a line empties it there too). */
  saved: string;
  editing: Editing | null;
  previousKey: string;
  finished: boolean;
  closed: boolean;
  revision: number;
}

/** Readline owns the line being typed; inquirer's type omits `cursor`, a plain field of Node's Interface. */
interface LineEditor {
  line: string;
  on: (event: string, listener: (...args: unknown[]) => void) => unknown;
  removeListener: (event: string, listener: (...args: unknown[]) => void) => void;
}

const DONE_SUMMARY = '✓ Done: saving and grading your notes…';
const BAR_WIDTH = 20;
const HIDE_CURSOR = '\u001B[?25l';

/**
 * The drill's notes editor: draws `session.view(now)` with a live clock and a one-line input, and
 * sends every finished line to the session. It inserts typed text itself and leaves the editing
 * keys (arrows, home/end, ctrl-a/e, backspace, delete) to readline, handing readline its line back
 * after every key, so the two never disagree and inquirer puts the terminal cursor in the right
 * place. Up/down browse earlier lines; Enter becomes `submit` or `edit`.
 */
export const notesEditor = createPrompt<void, NotesEditorConfig>((config, done) => {
  const { session, now, color } = config;
  const tickMs = config.tickMs ?? 1000;
  const maxLinesShown = Math.max(1, config.maxLinesShown ?? 12);
  const resumed = session.view(now()).pending;
  const state = useRef<EditorState>({
    line: resumed,
    cursor: resumed.length,
    saved: resumed,
    editing: null,
    previousKey: '',
    finished: false,
    closed: false,
    revision: 0,
  }).current;
  const [, setRevision] = useState(0);
  const redraw = () => {
    state.revision += 1;
    setRevision(state.revision);
  };
  const finishIfDone = () => {
    if (state.finished || !session.view(now()).done) return;
    state.finished = true;
    redraw();
    done();
  };

  useEffect((rl) => {
    Object.assign(rl, { line: state.line, cursor: state.cursor });
    finishIfDone();
    const timer = setInterval(() => {
      if (state.finished) return;
      session.tick(now());
      redraw();
      finishIfDone();
    }, tickMs);
    // Ctrl-D on an empty line closes readline, which inquirer does not treat as an exit: the prompt
    // would hang. Throwing from the next render rejects the prompt like Ctrl-C does.
    const onClose = () => {
      if (state.finished) return;
      state.closed = true;
      redraw();
    };
    rl.on('close', onClose);
    // A terminal that went away (closed window, hung-up ssh) fails readline's setRawMode with EIO
    // as the prompt closes, which may be after this effect is cleaned up; unheard, that error
    // crashes the process before the draft is flushed. So this listener stays, and it only marks
    // the prompt closed: the next render, if there is one, ends it like Ctrl-D.
    rl.on('error', () => {
      state.closed = true;
    });
    return () => {
      clearInterval(timer);
      rl.removeListener('close', onClose);
    };
  }, []);

  useKeypress((key, rl) => {
    if (state.finished) return;
    handleKey(state, key, rl, config);
    if (state.editing === null && state.line !== state.saved) {
      state.saved = state.line;
      session.type(state.line, now());
    }
    redraw();
    finishIfDone();
  });

  if (state.closed && !state.finished) throw new ExitPromptError('User closed the input with Ctrl-D');
  if (state.finished) return color.dim(DONE_SUMMARY);
  return renderScreen(withNotice(session.view(now()), config.notice?.() ?? null), state, color, maxLinesShown, config.size?.());
});

function withNotice(view: DrillView, notice: string | null): DrillView {
  return notice === null ? view : { ...view, messages: [...view.messages, { kind: 'error', text: notice }] };
}

function handleKey(state: EditorState, key: KeypressEvent, rl: LineEditor, config: NotesEditorConfig): void {
  const { session, now } = config;
  const previousKey = state.previousKey;
  state.previousKey = key.name;

  if (isEnterKey(key)) {
    // A pasted "\r\n" arrives as return then enter: one line, not a line and an empty one.
    if (key.name === 'enter' && previousKey === 'return') return;
    const text = state.line;
    const view = session.view(now());
    const target = editTarget(state.editing, view);
    if (target === null) session.submit(text, now());
    else session.edit(target, text, now());
    state.saved = '';
    state.editing = null;
    setLine(rl, state, '', 0);
    return;
  }

  if (isUpKey(key, ['emacs'])) {
    const view = session.view(now());
    const current = editTarget(state.editing, view);
    if (view.lines.length === 0) {
      setLine(rl, state, state.line, state.cursor);
      return;
    }
    const index = current === null ? view.lines.length - 1 : Math.max(0, current - 1);
    const draft = current === null ? state.line : state.editing!.draft;
    state.editing = { index, title: view.title, draft };
    const text = view.lines[index] ?? '';
    setLine(rl, state, text, text.length);
    return;
  }

  if (isDownKey(key, ['emacs'])) {
    const view = session.view(now());
    const current = editTarget(state.editing, view);
    if (current === null) {
      setLine(rl, state, state.line, state.cursor);
      return;
    }
    if (current < view.lines.length - 1) {
      state.editing = { ...state.editing!, index: current + 1 };
      const text = view.lines[current + 1] ?? '';
      setLine(rl, state, text, text.length);
      return;
    }
    leaveEditing(rl, state);
    return;
  }

  if (key.name === 'escape') {
    if (state.editing !== null) leaveEditing(rl, state);
    return;
  }

  // Typed text is inserted here, not by readline: for a chunk of several characters (a paste, an
  // IME commit) Node's readline appends all but the last one to the end of the line, wherever the
  // cursor is. Every other key (arrows, home/end, ctrl-a/e, backspace, delete, word moves) is
  // readline's, applied to the line it was given back after the previous key.
  const typed = typedText(key);
  if (typed !== null) {
    const line = state.line.slice(0, state.cursor) + typed + state.line.slice(state.cursor);
    setLine(rl, state, line, state.cursor + typed.length);
    return;
  }
  const { line, cursor } = cleanInput(rl.line, cursorOf(rl));
  setLine(rl, state, line, cursor);
}

/** The text a key types, or null for a key that edits or moves. Tabs type two spaces. */
function typedText(key: KeypressEvent): string | null {
  const { sequence, meta } = key as KeypressEvent & { sequence?: unknown; meta?: unknown };
  if (typeof sequence !== 'string' || sequence === '' || key.ctrl || meta === true) return null;
  if (key.name === 'tab') return '  ';
  return CONTROL_CHARACTER.test(sequence) ? null : sequence;
}

function leaveEditing(rl: LineEditor, state: EditorState): void {
  const draft = state.editing?.draft ?? '';
  state.editing = null;
  setLine(rl, state, draft, draft.length);
}

/** The index being edited, or null when the edit no longer fits the view (the step changed). */
function editTarget(editing: Editing | null, view: DrillView): number | null {
  if (editing === null || editing.title !== view.title || editing.index >= view.lines.length) return null;
  return editing.index;
}

function cursorOf(rl: LineEditor): number {
  const cursor = (rl as { cursor?: unknown }).cursor;
  return typeof cursor === 'number' ? cursor : rl.line.length;
}

function setLine(rl: LineEditor, state: EditorState, line: string, cursor: number): void {
  Object.assign(rl, { line, cursor });
  state.line = line;
  state.cursor = cursor;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F]/;

/** Tabs become two spaces; other control characters never reach the line (or the terminal). */
function cleanInput(line: string, cursor: number): { line: string; cursor: number } {
  if (!CONTROL_CHARACTER.test(line)) return { line, cursor };
  // eslint-disable-next-line no-control-regex
  const clean = (text: string) => text.replaceAll('\t', '  ').replace(/[\u0000-\u001F\u007F-\u009F]/g, '');
  const before = clean(line.slice(0, cursor));
  return { line: before + clean(line.slice(cursor)), cursor: before.length };
}

function renderScreen(
  view: DrillView,
  state: EditorState,
  color: ChalkInstance,
  maxLinesShown: number,
  size: { rows: number; columns: number } | undefined,
): [string, string] {
  const editing = editTarget(state.editing, view);
  const guiding = view.guiding.map((question) => color.dim(`  · ${question}`));
  const clock = [renderClock(view.clock, color), ''];
  const messages = view.messages.flatMap((message) => renderMessage(message, color));
  const prompt = editing === null ? color.cyan('› ') : color.cyan(`line ${editing + 1} › `);
  const input = prompt + renderInput(state.line, state.cursor, color);
  const footer = color.dim(editing === null ? view.footer : `Enter saves line ${editing + 1} · Esc or ↓ past the last line to leave it`);

  let shown = maxLinesShown;
  let head = [color.bold(view.title), ...guiding, ...clock];
  let bottom = footer;
  if (size) {
    // Fitted from the bottom up: input, messages and footer first, then as many of the latest
    // lines as there is room for, then the guiding questions only if a line still fits with them.
    const height = (lines: readonly string[]) => lines.reduce((sum, line) => sum + rowsOf(line, size.columns), 0);
    bottom = cut(footer, size.columns);
    const budget = size.rows - 1;
    const latest = view.lines.length > 0 ? rowsOf(`  ${view.lines.at(-1)}`, size.columns) : 0;
    const roomWith = (candidate: readonly string[]) => budget - height([...candidate, ...messages, input, bottom]) - 1;
    if (roomWith(head) < latest) head = [color.bold(view.title), clock[0]!];
    let room = roomWith(head);
    shown = 0;
    for (let index = view.lines.length - 1; index >= 0 && shown < maxLinesShown; index--) {
      room -= rowsOf(`  ${view.lines[index] ?? ''}`, size.columns);
      if (room < 0) break;
      shown++;
    }
  }
  const out = [...head, ...renderLines(view.lines, editing, color, Math.max(shown, editing === null ? 0 : 1)), ...messages, input];
  return [out.join('\n'), bottom];
}

/** A line cut to one row of the terminal. */
function cut(line: string, columns: number): string {
  const plain = stripVTControlCharacters(line);
  return plain.length < columns ? line : `${plain.slice(0, Math.max(0, columns - 2))}…`;
}

/** Rows a line takes on a terminal this wide, once wrapped. */
function rowsOf(line: string, columns: number): number {
  return Math.max(1, Math.ceil(stripVTControlCharacters(line).length / Math.max(1, columns)));
}

function renderClock(clock: ClockView, color: ChalkInstance): string {
  const paint = { ok: color.green, warn: color.yellow, over: color.red, paused: color.dim }[clock.state];
  if (clock.budgetSeconds <= 0) return paint(clock.label);
  const ratio = Math.min(1, Math.max(0, clock.usedSeconds / clock.budgetSeconds));
  const filled = Math.round(ratio * BAR_WIDTH);
  const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
  return `${paint(bar)} ${paint(clock.label)}`;
}

function renderLines(lines: string[], editing: number | null, color: ChalkInstance, maxLinesShown: number): string[] {
  let start = Math.max(0, lines.length - maxLinesShown);
  if (editing !== null && editing < start) start = editing;
  const end = Math.min(lines.length, start + maxLinesShown);
  const out: string[] = [];
  if (start > 0) out.push(color.dim(`  … ${start} earlier ${start === 1 ? 'line' : 'lines'}`));
  for (let index = start; index < end; index += 1) {
    const line = lines[index] ?? '';
    out.push(index === editing ? color.cyan(`› ${line}`) : `  ${line}`);
  }
  const later = lines.length - end;
  if (later > 0) out.push(color.dim(`  … ${later} later ${later === 1 ? 'line' : 'lines'}`));
  return out;
}

const MESSAGE_STYLE: Record<DrillMessage['kind'], { prefix: string; paint: (color: ChalkInstance) => (text: string) => string }> = {
  interviewer: { prefix: 'Interviewer: ', paint: (color) => color.cyan },
  hint: { prefix: 'Hint: ', paint: (color) => color.yellow },
  info: { prefix: '', paint: (color) => color.dim },
  error: { prefix: '', paint: (color) => color.red },
};

function renderMessage(message: DrillMessage, color: ChalkInstance): string[] {
  const { prefix, paint } = MESSAGE_STYLE[message.kind];
  const indent = ' '.repeat(prefix.length);
  return message.text.split('\n').map((text, index) => paint(color)(`${index === 0 ? prefix : indent}${text}`));
}

/**
 * The input with its cursor. With colour the terminal cursor is hidden and the cursor drawn in
 * inverse video; without colour inverse video draws nothing, so the terminal's own cursor (which
 * inquirer places at readline's cursor) is the one shown, and nothing is added to the line.
 */
function renderInput(line: string, cursor: number, color: ChalkInstance): string {
  if (color.level === 0) return line;
  const before = line.slice(0, cursor);
  const [under = ' ', ...after] = Array.from(line.slice(cursor));
  return `${before}${color.inverse(under)}${after.join('')}${HIDE_CURSOR}`;
}
