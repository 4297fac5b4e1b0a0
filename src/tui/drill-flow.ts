import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { editor, input, search, select } from '@inquirer/prompts';
import type { Bank, BankQuestion } from '../core/bank.js';
import { architectureOf, findQuestion } from '../core/bank-assembly.js';
import { createDrill, reduceDrill, type DrillState } from '../core/drill/machine.js';
import { renderDrillNotes } from '../core/drill/notes.js';
import { DrillSession } from '../core/drill/session.js';
import { checkDrillState } from '../core/drill/state-schema.js';
import { attemptRecord } from '../core/drill/attempt.js';
import type { HistoryRecord } from '../core/progress/record.js';
import { FRAMEWORK, getStep, type StepId } from '../core/framework.js';
import { gradeNotesText, MatcherCache } from '../core/grading/grade-notes.js';
import { DEFAULT_MIN_SCORE } from '../core/grading/grade-report.js';
import { filterQuestions } from '../core/question-filter.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { displayPath, readExample } from '../io/bank-files.js';
import { dataDir } from '../io/data-dir.js';
import { createDraftStore, type DraftRecord, type DraftStore } from '../io/draft-store.js';
import { attemptsDir, createHistoryStore } from '../io/history-store.js';
import { renderReference } from '../report/answer-view.js';
import { renderQuestion } from '../report/question-view.js';
import { renderFile } from '../report/grade/pretty.js';
import { renderPacing } from '../report/pacing.js';
import type { Context } from '../cli/context.js';
import { println } from '../cli/context.js';
import { UsageError } from '../cli/errors.js';
import { writeFailure } from '../cli/output.js';
import type { DrillOptions } from '../cli/commands/drill.js';
import { createDraftWriter } from './draft-writer.js';
import { notesEditor } from './notes-editor.js';
import { saveElsewhere } from './save-elsewhere.js';
import { STOP_EXIT, type StopSignal, type StopSource } from './stop-signals.js';

export interface Clock {
  now(): number;
}

/** What a drill reaches outside the terminal, injected so tests can drive every path. */
export interface DrillDeps {
  clock?: Clock;
  /** Signals that stop the drill; by default the context's (SIGTERM and SIGHUP). */
  stops?: StopSource;
  /** Where drafts are saved; by default the data folder's drafts. */
  drafts?: DraftStore<DrillState>;
}

const systemClock: Clock = { now: () => Date.now() };

/** How the drill was stopped, and how to save the draft at once when a signal comes. */
interface Stop {
  by: StopSignal | null;
  flush: () => void;
}

/**
 * The terminal side of a drill: choose, brief, run the steps and follow-ups in the notes editor
 * (or $EDITOR), then save, grade and show the scorecard. All decisions are the state machine's;
 * this function only moves lines between the terminal, the machine and the disk.
 */
export async function runDrill(
  ctx: Context,
  bank: Bank,
  bankDirs: readonly string[],
  chosen: BankQuestion | undefined,
  options: DrillOptions,
  deps: DrillDeps = {},
): Promise<number> {
  // A signal closes the prompt through its abort signal, like Ctrl-C: the terminal is restored
  // (cursor, raw mode) before the process ends. The draft is flushed first, in the handler, for a
  // closed terminal can make what follows fail.
  const controller = new AbortController();
  const stop: Stop = { by: null, flush: () => {} };
  const stopListening = (deps.stops ?? ctx.signals)?.subscribe((signal) => {
    stop.by = signal;
    stop.flush();
    controller.abort(signal);
  });
  const prompts = { ...terminalOf(ctx), signal: controller.signal };
  try {
    return await drill(ctx, bank, bankDirs, chosen, options, deps, prompts, stop);
  } finally {
    stopListening?.();
  }
}

type Prompts = { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; signal: AbortSignal };

async function drill(
  ctx: Context,
  bank: Bank,
  bankDirs: readonly string[],
  chosen: BankQuestion | undefined,
  options: DrillOptions,
  deps: DrillDeps,
  prompts: Prompts,
  stop: Stop,
): Promise<number> {
  const clock = deps.clock ?? systemClock;
  const home = dataDir(ctx.env, ctx.cwd);
  const drafts = deps.drafts ?? createDraftStore<DrillState>(home);
  const history = createHistoryStore<HistoryRecord>(home);
  const stopped = () => (stop.by ? STOP_EXIT[stop.by] : STOP_EXIT.SIGINT);

  // Said before the clock starts, so the candidate can fix MLSD_HOME first or go on knowingly.
  const unwritable = await drafts.checkWritable().then(
    () => null,
    (error: unknown) => writeFailure(error),
  );
  if (unwritable !== null) {
    const folder = displayPath(drafts.folder, ctx.cwd);
    warn(ctx, `drafts cannot be saved in ${folder} (${unwritable}): your notes stay in memory, and at the end you choose a file for them`);
  }

  let state: DrillState;
  let draftId: string;
  let entry: BankQuestion;
  try {
    if (options.resume) {
      const record = await pickDraft(ctx, drafts, bank, clock, prompts);
      if (!record) return 0;
      entry = findQuestion(bank, record.draft.question)!;
      state = reduceDrill(record.draft, { type: 'resume', now: clock.now(), savedAt: record.savedAt }, { entry, matcher: new MatcherCache().get(entry) });
      draftId = record.id;
      println(ctx.stdout, ctx.color.dim(`Resuming ${entry.question.id} at step ${state.step + 1}/${FRAMEWORK.length}.`));
    } else {
      entry = chosen ?? (await pickQuestion(ctx, bank, options, prompts));
      println(ctx.stdout, renderQuestion(entry, ctx.color, { rubric: false, minutes: options.minutes }));
      println(ctx.stdout);
      await input({ message: 'Press Enter to start the clock', theme: { prefix: '⏱' } }, prompts);
      const now = clock.now();
      draftId = `${entry.question.id}-${stamp(now)}`;
      state = createDrill(entry.question.id, { minutes: options.minutes, strict: options.strict });
      state = reduceDrill(state, { type: 'start', now }, { entry, matcher: new MatcherCache().get(entry) });
    }
  } catch (error) {
    if (isPromptExit(error)) {
      if (stop.by !== 'SIGHUP') println(ctx.stdout, 'Cancelled: no drill was started.');
      return stopped();
    }
    throw error;
  }

  let saveError: string | null = null;
  const draft = createDraftWriter((next) => {
    try {
      drafts.saveSync(draftId, next, clock.now());
      saveError = null;
    } catch (error) {
      saveError = writeFailure(error);
    }
  }, () => clock.now());
  stop.flush = draft.flush;
  draft.write(state, { type: 'start', now: clock.now() });
  const matcher = new MatcherCache().get(entry);
  const guiding = (step: StepId) => entry.question.guiding[step] ?? getStep(step).guiding;
  const session = new DrillSession(state, { entry, matcher }, draft.write, guiding);

  try {
    if (options.editor) await runInEditor(session, clock, prompts);
    else {
      const size = () => ({ rows: ctx.stdout.rows ?? 24, columns: ctx.stdout.columns ?? 80 });
      const notice = () => (saveError === null ? null : `Not saved to disk (${saveError}): your notes are kept in memory until the end.`);
      await notesEditor({ session, now: () => clock.now(), color: ctx.color, size, notice }, prompts);
    }
  } catch (error) {
    draft.flush();
    if (!isPromptExit(error)) throw error;
    if (saveError === null) {
      if (stop.by !== 'SIGHUP') println(ctx.stdout, `\nStopped. Every line is in the draft: continue with ${ctx.color.bold('mlsd drill --resume')}`);
      return stopped();
    }
    // Even after SIGHUP: a `kill -HUP` leaves the terminal, and then the screen is the only copy.
    printUnsaved(ctx, session.current, `could not save the draft (${saveError})`);
    // After a Ctrl-C key the terminal is still ours to ask; after a signal the process must end.
    if (stop.by === null) await offerAnotherFile(ctx, renderDrillNotes(session.current, options.candidate), draftId, prompts);
    return stopped();
  }

  draft.flush();
  const finished = session.current;
  const notes = renderDrillNotes(finished, options.candidate);
  const target = options.out ? resolve(ctx.cwd, options.out) : join(attemptsDir(home), `${draftId}.md`);
  const shown = displayPath(target, ctx.cwd);
  const saved = await writeFileAtomic(target, notes).then(
    () => null,
    (error: unknown) => writeFailure(error),
  );
  const grade = gradeNotesText(notes, shown, {
    bank,
    matchers: new MatcherCache(),
    policy: { minScore: DEFAULT_MIN_SCORE, stepMinScores: {} },
  });
  println(ctx.stdout, `\n${ctx.color.bold('Scorecard')}\n`);
  println(ctx.stdout, renderFile(grade, { color: ctx.color, verbose: false }));
  println(ctx.stdout, `\n${ctx.color.bold('Pacing')}`);
  println(ctx.stdout, renderPacing(finished, ctx.color));
  let savedTo = target;
  if (saved !== null) {
    printUnsaved(ctx, finished, `could not write ${shown}: ${saved}`);
    const other = await offerAnotherFile(ctx, notes, draftId, prompts);
    if (other === null) {
      // The draft stays (when it could be saved), so --resume can still finish and save this drill.
      if (saveError === null) println(ctx.stdout, `The draft is kept: ${ctx.color.bold('mlsd drill --resume')} saves it later.`);
      return stop.by ? stopped() : 2;
    }
    savedTo = other;
  }
  const savedShown = displayPath(savedTo, ctx.cwd);
  const record = attemptRecord(finished, { ...grade, path: savedTo }, randomUUID());
  if (record) {
    await history.append(record).catch((error: unknown) => {
      warn(ctx, `this attempt is not in the history: could not write ${displayPath(join(home, 'history.jsonl'), ctx.cwd)} (${writeFailure(error)})`);
    });
  }
  // A draft that could never be saved may not be removable either; the notes are safe elsewhere.
  await drafts.remove(draftId).catch(() => {});
  println(ctx.stdout, `\nNotes saved to ${ctx.color.bold(savedShown)}; grade them again with: mlsd grade ${savedShown} --verbose`);
  const reference = { answer: await readExample(bankDirs, entry.question.id), architecture: architectureOf(bank, entry) };
  println(ctx.stdout, `\n${renderReference(reference, ctx.color)}`);
  return 0;
}

async function pickQuestion(ctx: Context, bank: Bank, options: DrillOptions, prompts: Prompts): Promise<BankQuestion> {
  const pool = filterQuestions(bank.questions, { tags: options.tag, difficulty: options.difficulty });
  if (pool.length === 0) throw new UsageError('no question matches --tag/--difficulty');
  const id = await search<string>(
    {
      message: 'Pick a question (type to filter)',
      source: (term) =>
        filterQuestions(pool, { search: term ?? '' }).map(({ question }) => ({
          name: `${question.title}  ${ctx.color.dim(`${question.difficulty} · ${question.tags.join(', ')}`)}`,
          value: question.id,
          description: question.id,
        })),
    },
    prompts,
  );
  return findQuestion(bank, id)!;
}

async function pickDraft(
  ctx: Context,
  drafts: ReturnType<typeof createDraftStore<DrillState>>,
  bank: Bank,
  clock: Clock,
  prompts: Prompts,
): Promise<DraftRecord<DrillState> | undefined> {
  const { drafts: found, warnings } = await drafts.list();
  const usable: DraftRecord<DrillState>[] = [];
  for (const record of found) {
    const checked = checkDrillState(record.draft);
    if (!checked.ok) warnings.push(`drafts/${record.id}.json: skipped an unreadable draft (${checked.reason})`);
    else if (!findQuestion(bank, checked.state.question)) warnings.push(`drafts/${record.id}.json: skipped: question "${checked.state.question}" is not in the bank`);
    else usable.push({ ...record, draft: checked.state });
  }
  for (const warning of warnings) println(ctx.stderr, ctx.errorColor.yellow(`warning: ${warning}`));
  if (usable.length === 0) {
    println(ctx.stdout, 'No drill to resume. Start one with: mlsd drill');
    return undefined;
  }
  const id = await select<string>(
    {
      message: 'Resume which drill?',
      choices: usable.map((record) => ({
        name: `${record.draft.question} · step ${record.draft.step + 1}/${FRAMEWORK.length} ${FRAMEWORK[record.draft.step]!.title} · ${age(clock.now() - record.savedAt)}`,
        value: record.id,
      })),
    },
    prompts,
  );
  return usable.find((record) => record.id === id);
}

/** --editor: each step (and follow-up) is written in $EDITOR; its lines go through the same machine. */
async function runInEditor(session: DrillSession, clock: Clock, prompts: Prompts): Promise<void> {
  while (!session.view(clock.now()).done) {
    const view = session.view(clock.now());
    const header = [view.title, ...view.guiding.map((line) => `  ${line}`), view.clock.label].map((line) => `# ${line}`);
    const text = await editor(
      { message: `${view.title} (${view.clock.label})`, default: `${header.join('\n')}\n\n${view.lines.join('\n')}\n`, postfix: '.md' },
      prompts,
    );
    const inserted = new Set(header);
    const lines = text.split('\n').filter((line) => !inserted.has(line));
    while (lines[0] === '') lines.shift();
    const known = view.lines.length;
    lines.forEach((line, index) => {
      if (index < known) {
        if (line !== view.lines[index]) session.edit(index, line, clock.now());
      } else if (line.trim() !== '') {
        session.submit(line, clock.now());
      }
    });
    session.submit('/next', clock.now());
  }
}

/** The drill command runs only when stdin and stdout are terminals, so they are real streams. */
function terminalOf(ctx: Context): { input: NodeJS.ReadableStream; output: NodeJS.WritableStream } {
  return { input: ctx.stdin, output: ctx.stdout as unknown as NodeJS.WritableStream };
}

function printUnsaved(ctx: Context, state: DrillState, what: string): void {
  println(ctx.stderr, ctx.errorColor.red(`mlsd: ${what}. Your notes follow, so nothing is lost:`));
  ctx.stdout.write(renderDrillNotes(state));
}

function warn(ctx: Context, text: string): void {
  println(ctx.stderr, ctx.errorColor.yellow(`warning: ${text}`));
}

/** Asks for another file for notes the data folder would not take: its path, or null when none was written. */
async function offerAnotherFile(ctx: Context, notes: string, draftId: string, prompts: Prompts): Promise<string | null> {
  const io = {
    cwd: ctx.cwd,
    ask: (suggested: string) => input({ message: 'Save the notes to another file (Ctrl-C to skip):', default: suggested }, prompts),
    write: writeFileAtomic,
    say: (line: string) => println(ctx.stderr, ctx.errorColor.red(line)),
  };
  try {
    return await saveElsewhere(notes, `./mlsd-notes-${draftId}.md`, io);
  } catch (error) {
    if (isPromptExit(error)) return null;
    throw error;
  }
}

function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

function age(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}
