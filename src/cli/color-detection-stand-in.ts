/**
 * What the bundle gives chalk in place of its colour detection (see scripts/bundle.js). Detection
 * loads node:tty, and node:tty loads node:net, on every start, to set the level of chalk's default
 * instances; mlsd never uses those: every Chalk it makes is given its level by colorFor
 * (src/cli/context.ts), from NO_COLOR, FORCE_COLOR and whether the stream is a terminal.
 */
const supportsColor = { stdout: false, stderr: false } as const;

export default supportsColor;
