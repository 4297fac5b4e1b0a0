import { describe, expect, it } from 'vitest';
import { saveElsewhere, type SaveElsewhereIo } from '../../src/tui/save-elsewhere.js';

const failure = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

/** Answers from a script; each write fails with the next listed code, or succeeds on null. */
function scripted(answers: string[], writes: (string | null)[]) {
  const asked: string[] = [];
  const written: { path: string; text: string }[] = [];
  const said: string[] = [];
  const io: SaveElsewhereIo = {
    cwd: '/home/cand',
    async ask(suggested) {
      asked.push(suggested);
      const answer = answers.shift();
      if (answer === undefined) throw Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' });
      return answer === '<Enter>' ? suggested : answer;
    },
    async write(path, text) {
      const code = writes.shift() ?? null;
      if (code !== null) throw failure(code);
      written.push({ path, text });
    },
    say: (line) => said.push(line),
  };
  return { io, asked, written, said };
}

describe('saving notes to another file', () => {
  it('writes to the suggested file when it is accepted, resolved from cwd', async () => {
    const { io, asked, written, said } = scripted(['<Enter>'], [null]);
    await expect(saveElsewhere('## 1. Requirements\n', './mlsd-notes-q-1.md', io)).resolves.toBe('/home/cand/mlsd-notes-q-1.md');
    expect(asked).toEqual(['./mlsd-notes-q-1.md']);
    expect(written).toEqual([{ path: '/home/cand/mlsd-notes-q-1.md', text: '## 1. Requirements\n' }]);
    expect(said).toEqual([]);
  });

  it('names a file that fails and why, offers that answer again, and keeps asking until one is written', async () => {
    const { io, asked, written, said } = scripted(['/full/notes.md', '/ro/notes.md', '  ~/elsewhere.md  '], ['ENOSPC', 'EROFS', null]);
    await expect(saveElsewhere('notes', './x.md', io)).resolves.toBe('/home/cand/~/elsewhere.md');
    expect(said).toEqual(['mlsd: could not write /full/notes.md: the disk is full', 'mlsd: could not write /ro/notes.md: the file system is read-only']);
    expect(asked).toEqual(['./x.md', '/full/notes.md', '/ro/notes.md']);
    expect(written.map((file) => file.text)).toEqual(['notes']);
  });

  it('writes nothing for an empty answer', async () => {
    const { io, written } = scripted(['   '], []);
    await expect(saveElsewhere('notes', './x.md', io)).resolves.toBeNull();
    expect(written).toEqual([]);
  });

  it('lets the prompt\'s own exit (Ctrl-C) through to the caller', async () => {
    const { io, said } = scripted(['/full/notes.md'], ['ENOSPC']);
    await expect(saveElsewhere('notes', './x.md', io)).rejects.toMatchObject({ name: 'ExitPromptError' });
    expect(said).toHaveLength(1);
  });
});
