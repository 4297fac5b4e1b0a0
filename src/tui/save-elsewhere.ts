import { resolve } from 'node:path';
import { writeFailure } from '../cli/output.js';

export interface SaveElsewhereIo {
  /** Asks for a file, offering `suggested`; rejects when the user gives up (Ctrl-C). */
  ask(suggested: string): Promise<string>;
  /** Writes the whole file or throws as node:fs does. */
  write(path: string, text: string): Promise<void>;
  /** One line for the user. */
  say(line: string): void;
  cwd: string;
}

/**
 * For notes that could not be saved where they belong: asks for another file until one is
 * written, and returns its absolute path, or null when the answer is empty. A file that fails is
 * named with the reason and offered again, so a typo is fixed rather than retyped.
 */
export async function saveElsewhere(text: string, suggested: string, io: SaveElsewhereIo): Promise<string | null> {
  let offer = suggested;
  for (;;) {
    const answer = (await io.ask(offer)).trim();
    if (answer === '') return null;
    const path = resolve(io.cwd, answer);
    try {
      await io.write(path, text);
      return path;
    } catch (error) {
      io.say(`mlsd: could not write ${answer}: ${writeFailure(error)}`);
      offer = answer;
    }
  }
}
