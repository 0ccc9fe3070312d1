import { readdir, realpath, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Candidate {
  path: string;
  /** Why this input cannot be read at all (missing, unreadable, a link); null when it can be tried. */
  error: string | null;
}

const SEED_FILE = /\.txt$/iu;

/**
 * Expands the paths an editor gave into seed files: files as named, folders recursively for *.txt. Each
 * real file appears once, however many ways it was named, and a missing path is reported, not fatal.
 *
 * A path the editor named is followed wherever it leads: they chose it. Inside a folder, though, a symbolic
 * link is reported and not followed, so a folder of seeds (unpacked from an archive, synced from elsewhere)
 * cannot pull `~/.ssh/id_rsa` or `/etc/passwd` onto the desk, and from there into an exported bundle.
 */
export async function collectFiles(inputs: readonly string[]): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const seenDirs = new Set<string>();

  /** `real` is the file's real path when the caller already knows it. */
  const add = async (path: string, error: string | null, real?: string): Promise<void> => {
    const key = error ? path : (real ?? (await realpath(path).catch(() => path)));
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ path, error });
  };

  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir).catch(() => dir);
    if (seenDirs.has(real)) return; // the same folder named twice, or reached through a mount loop
    seenDirs.add(real);
    let entries: Dirent[];
    try {
      // The listing's entry types spare an lstat per file: a folder of 20,000 seeds is otherwise 20,000 round
      // trips through the thread pool (Node falls back to lstat itself where the file system gives no type).
      entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (err) {
      await add(dir, `cannot read folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return;
    }
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isSymbolicLink()) {
        const target = SEED_FILE.test(name) ? null : await stat(path).catch(() => null);
        if (SEED_FILE.test(name) || target?.isDirectory()) {
          await add(path, `cannot import ${path}: a symbolic link; links inside a folder are not followed`);
        }
      } else if (SEED_FILE.test(name)) {
        // Not a link, in a folder whose real path is known: that is its real path too, without asking.
        await add(path, entry.isFile() ? null : `cannot import ${path}: not a regular file`, join(real, name));
      }
    }
  };

  for (const input of inputs) {
    const path = resolve(input);
    const st = await stat(path).catch((err: NodeJS.ErrnoException) => err);
    if (st instanceof Error) await add(path, `cannot import ${path}: ${statError(st)}`);
    else if (st.isDirectory()) await walk(path);
    else if (st.isFile()) await add(path, null);
    else await add(path, `cannot import ${path}: not a regular file or folder`);
  }
  return out;
}

function statError(err: NodeJS.ErrnoException): string {
  if (err.code === 'ENOENT') return 'no such file or folder';
  if (err.code === 'ELOOP') return 'a symbolic link that leads round in a loop';
  return err.code ?? err.message;
}
