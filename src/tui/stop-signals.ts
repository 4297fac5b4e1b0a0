/** The signals that stop a drill and are caught, so the terminal is given back and the draft flushed. */
export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

/** The conventional exit status of a process ended by each: 128 plus the signal's number. */
export const STOP_EXIT: Readonly<Record<StopSignal, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

export interface StopSource {
  /** Calls `handler` on each signal until the returned function is called. */
  subscribe(handler: (signal: StopSignal) => void): () => void;
}
