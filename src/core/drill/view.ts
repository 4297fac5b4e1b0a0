/** What the drill screen shows at one moment: plain data, computed by the core from the state. */
export interface DrillView {
  /** "Step 3/7 · Data and features", or "Follow-up 1/2 · Serving". */
  title: string;
  guiding: string[];
  clock: ClockView;
  /** The lines written in this step (or follow-up) so far, oldest first. */
  lines: string[];
  /** The line being typed and not yet entered, as last saved (after a resume, the input's text). */
  pending: string;
  /** What the drill said since the last line: interviewer answers, hints, notices. */
  messages: DrillMessage[];
  /** One line of help: the commands available here. */
  footer: string;
  /** True once the interactive part is over (after the last follow-up). */
  done: boolean;
}

export interface ClockView {
  /** "04:12 left", "00:45 left", "+01:05 over", "paused 03:10 left". */
  label: string;
  /** ok, warn (one minute or less left), over (past the budget), paused. */
  state: 'ok' | 'warn' | 'over' | 'paused';
  /** Seconds used in this step and its budget, for a progress bar. */
  usedSeconds: number;
  budgetSeconds: number;
}

export interface DrillMessage {
  kind: 'interviewer' | 'hint' | 'info' | 'error';
  text: string;
}

/**
 * What the terminal side of a drill talks to: it renders `view(now)`, sends every finished line
 * (`submit`) or edited earlier line (`edit`), the input as it changes (`type`), and ticks once a
 * second. Everything is saved before the call returns, so not even a half-typed line is lost.
 */
export interface DrillSessionPort {
  view(now: number): DrillView;
  submit(line: string, now: number): void;
  edit(index: number, text: string, now: number): void;
  type(text: string, now: number): void;
  tick(now: number): void;
}
