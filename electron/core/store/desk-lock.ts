import { hostname } from 'node:os';
import { open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DeskError } from '../result.js';

/**
 * One process owns a desk. The lock file names the owner so the refusal can say who; a lock whose process is
 * gone (a crash, a SIGKILL) is taken over rather than leaving the desk unusable.
 */
export class DeskLock {
  private constructor(readonly path: string) {}

  static async acquire(dir: string): Promise<DeskLock> {
    const path = join(dir, 'desk.lock');
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await tryCreate(path)) return new DeskLock(path);
      const owner = await readOwner(path);
      if (owner === null) continue; // released between our create and our read
      if (owner === 'being-written') throw new DeskError('DESK_LOCKED', 'desk is being opened by another process');
      // Another machine's process (a desk on a shared drive) cannot be probed, so it is presumed alive.
      if (owner.pid !== process.pid && (owner.host !== hostname() || isAlive(owner.pid))) {
        throw new DeskError('DESK_LOCKED', `desk is in use by process ${owner.pid}`);
      }
      // Stale: move it aside atomically, so two processes taking over at once cannot both win.
      const aside = `${path}.stale-${process.pid}`;
      await rename(path, aside).catch(() => undefined);
      await unlink(aside).catch(() => undefined);
    }
    throw new DeskError('DESK_LOCKED', `could not take the desk lock at ${path}`);
  }

  async release(): Promise<void> {
    const owner = await readOwner(this.path);
    if (owner !== null && owner !== 'being-written' && owner.pid === process.pid) {
      await unlink(this.path).catch(() => undefined);
    }
  }
}

async function tryCreate(path: string): Promise<boolean> {
  let fh;
  try {
    fh = await open(path, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new DeskError('IO_ERROR', `cannot create the desk lock ${path}: ${(err as Error).message}`);
  }
  try {
    await fh.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
    await fh.sync();
  } finally {
    await fh.close();
  }
  return true;
}

type Owner = { pid: number; host: string } | 'being-written' | null;

async function readOwner(path: string): Promise<Owner> {
  let text: string;
  let ageMs: number;
  try {
    text = await readFile(path, 'utf8');
    ageMs = Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return null;
  }
  try {
    const v = JSON.parse(text) as { pid?: unknown; host?: unknown };
    if (typeof v.pid === 'number') return { pid: v.pid, host: typeof v.host === 'string' ? v.host : hostname() };
  } catch {
    // Unreadable: its writer is either between create and write (young) or died there (old).
  }
  return ageMs < 2000 ? 'being-written' : { pid: -1, host: hostname() };
}

function isAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
