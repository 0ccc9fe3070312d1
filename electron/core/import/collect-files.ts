import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface Candidate {
  path: string;
  /** Why this input cannot be read at all (missing, unreadable); null when it can be tried. */
  error: string | null;
}

const SEED_FILE = /\.txt$/iu;

/**
 * Expands the paths an editor gave into seed files: files as named, folders recursively for *.txt. Each
 * real file appears once, however many ways it was named, and a missing path is reported, not fatal.
 */
export async function collectFiles(inputs: readonly string[]): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const seenDirs = new Set<string>();

  const add = async (path: string, error: string | null): Promise<void> => {
    const key = error ? path : await realpath(path).catch(() => path);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ path, error });
  };

  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir).catch(() => dir);
    if (seenDirs.has(real)) return; // a symlink loop, or the same folder named twice
    seenDirs.add(real);
    let entries: string[];
    try {
      entries = (await readdir(dir)).sort();
    } catch (err) {
      await add(dir, `cannot read folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      const st = await stat(path).catch(() => null);
      if (st?.isDirectory()) await walk(path);
      else if (st?.isFile() && SEED_FILE.test(name)) await add(path, null);
    }
  };

  for (const input of inputs) {
    const path = resolve(input);
    const st = await stat(path).catch((err: NodeJS.ErrnoException) => err);
    if (st instanceof Error) {
      const why = st.code === 'ENOENT' ? 'no such file or folder' : (st.code ?? st.message);
      await add(path, `cannot import ${path}: ${why}`);
    } else if (st.isDirectory()) await walk(path);
    else if (st.isFile()) await add(path, null);
    else await add(path, `cannot import ${path}: not a regular file or folder`);
  }
  return out;
}
