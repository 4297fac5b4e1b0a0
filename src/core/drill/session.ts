import type { StepId } from '../framework.js';
import { reduceDrill, type DrillContext, type DrillEvent, type DrillState } from './machine.js';
import type { DrillSessionPort, DrillView } from './view.js';
import { viewOf } from './view-of.js';

/**
 * A drill in progress behind the port the terminal talks to: each input becomes an event for
 * the state machine, and every new state is handed to `persist` at once, with the event that
 * made it (the caller saves the draft),
 * before the call returns.
 */
export class DrillSession implements DrillSessionPort {
  constructor(
    private state: DrillState,
    private readonly context: DrillContext,
    private readonly persist: (state: DrillState, event: DrillEvent) => void,
    private readonly guiding: (step: StepId) => readonly string[],
  ) {}

  get current(): DrillState {
    return this.state;
  }

  view(now: number): DrillView {
    return viewOf(this.state, this.guiding, now);
  }

  submit(line: string, now: number): void {
    this.apply({ type: 'line', text: line, now });
  }

  edit(index: number, text: string, now: number): void {
    this.apply({ type: 'edit', index, text, now });
  }

  type(text: string, now: number): void {
    this.apply({ type: 'input', text, now });
  }

  tick(now: number): void {
    this.apply({ type: 'tick', now });
  }

  apply(event: DrillEvent): void {
    const next = reduceDrill(this.state, event, this.context);
    if (next === this.state) return;
    this.state = next;
    this.persist(next, event);
  }
}
