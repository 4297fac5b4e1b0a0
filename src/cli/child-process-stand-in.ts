/**
 * What the bundle gives commander in place of node:child_process (see scripts/bundle.js).
 * commander loads it, and with it node:net, on every start, to run a subcommand kept in an
 * executable of its own; every mlsd command is defined in src/cli/commands, so none is spawned.
 * Called anyway, the stand-in says so.
 */
export function spawn(): never {
  throw new Error('commander tried to run a subcommand executable: every mlsd command is defined in src/cli/commands');
}
