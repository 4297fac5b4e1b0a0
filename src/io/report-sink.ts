import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Where a report is written as it is made: text is gathered into large writes, and a slow reader is waited for. */
export interface ReportSink {
  write(text: string): Promise<void>;
  /** Writes what is left; for a file, puts it in place. */
  close(): Promise<void>;
  /** Drops a file that was not finished. */
  abort(): Promise<void>;
}

const CHUNK = 64 * 1024;

interface Writable {
  write(text: string): unknown;
  once?(event: 'drain', listener: () => void): unknown;
}

/** A sink on an open stream (standard output): a write that the stream cannot take yet waits for it to drain. */
export function streamSink(out: Writable): ReportSink {
  let buffer = '';
  const flush = async () => {
    if (buffer === '') return;
    const text = buffer;
    buffer = '';
    if (out.write(text) === false && out.once) await new Promise<void>((resolve) => out.once!('drain', resolve));
  };
  return {
    async write(text) {
      buffer += text;
      if (buffer.length >= CHUNK) await flush();
    },
    close: flush,
    abort: async () => undefined,
  };
}

/**
 * A sink on a file: written beside it and renamed into place when complete, so a failed or
 * interrupted run never leaves half a report where the last whole one was.
 */
export async function fileSink(path: string): Promise<ReportSink> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  const file = createWriteStream(temp);
  let failure: Error | null = null;
  file.on('error', (error) => {
    failure = error;
  });
  await Promise.race([once(file, 'open'), once(file, 'error')]).catch(() => undefined);
  // events.once waits for a drain or an error and takes off both listeners, whichever comes.
  const sink = streamSink({ write: (text) => (failure ? true : file.write(text)), once: (event, listener) => once(file, event).then(listener, listener) });
  const check = () => {
    if (failure) throw failure;
  };
  return {
    async write(text) {
      check();
      await sink.write(text);
    },
    async close() {
      check();
      await sink.close();
      await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
      check();
      await rename(temp, path);
    },
    async abort() {
      file.destroy();
      await rm(temp, { force: true });
    },
  };
}
