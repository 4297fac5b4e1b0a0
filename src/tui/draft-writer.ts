import type { DrillEvent, DrillState } from '../core/drill/machine.js';

/**
 * Saves the drill's draft. Every entered line, edit and command is saved at once; the line being
 * typed is saved at most once per `intervalMs`, and once more when typing pauses, so a long paste
 * is a few writes rather than one per character. `flush` saves what is still waiting.
 */
export function createDraftWriter(save: (state: DrillState) => void, now: () => number, intervalMs = 250) {
  let lastTypingSave = -Infinity;
  let waiting: DrillState | null = null;
  let timer: NodeJS.Timeout | null = null;

  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    const state = waiting;
    waiting = null;
    if (state) save(state);
  };

  const write = (state: DrillState, event: DrillEvent): void => {
    if (event.type === 'input' && now() - lastTypingSave < intervalMs) {
      waiting = state;
      timer ??= setTimeout(flush, intervalMs);
      return;
    }
    if (event.type === 'input') lastTypingSave = now();
    waiting = null;
    if (timer) clearTimeout(timer);
    timer = null;
    save(state);
  };

  return { write, flush };
}
