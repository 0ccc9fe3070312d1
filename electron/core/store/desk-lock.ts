import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DeskError } from '../result.js';

/**
 * One process owns a desk. The lock file names the owner so the refusal can say who; a lock whose process is
 * gone (a crash, a SIGKILL) is taken over rather than leaving the desk unusable.
 *
 * The lock appears complete or not at all: its content is written to a private temporary file that is then
 * hard-linked into place (link fails if the name exists), so a process killed while locking leaves no empty lock.
 */
export class DeskLock {
  private constructor(readonly path: string) {}

  static async acquire(dir: string): Promise<DeskLock> {
    const path = join(dir, 'desk.lock');
    for (let attempt = 0; attempt < 5; attempt++) {
      if (await tryCreate(path)) return new DeskLock(path);
      const seen = await readOwner(path);
      if (seen === null) continue; // released between our create and our read
      const { owner } = seen;
      if (owner === 'being-written') throw new DeskError('DESK_LOCKED', 'desk is being opened by another process');
      // Another machine's process (a desk on a shared drive) cannot be probed, so it is presumed alive.
      if (owner.pid !== process.pid && (owner.host !== hostname() || isAlive(owner.pid))) {
        throw new DeskError('DESK_LOCKED', `desk is in use by process ${owner.pid}`);
      }
      await removeStale(path, seen.text);
    }
    throw new DeskError('DESK_LOCKED', `could not take the desk lock at ${path}`);
  }

  async release(): Promise<void> {
    const seen = await readOwner(this.path);
    if (seen !== null && seen.owner !== 'being-written' && seen.owner.pid === process.pid) {
      await unlink(this.path).catch(() => undefined);
    }
  }
}

/**
 * Moves the stale lock aside atomically and checks that what moved is the lock judged stale. If another process
 * took the desk over in the meantime, its fresh lock is what moved, and it is linked back (never clobbering).
 */
async function removeStale(path: string, judged: string): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch {
    return; // gone already: someone else removed it
  }
  const moved = await readFile(aside, 'utf8').catch(() => null);
  if (moved !== null && moved !== judged) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

function lockText(): string {
  return JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
}

async function tryCreate(path: string): Promise<boolean> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(lockText());
      await fh.sync();
    } finally {
      await fh.close();
    }
    await link(tmp, path);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // The owner's clean-up removed our temporary file (it sweeps *.tmp): the lock is held, so read who holds it.
    if (code === 'ENOENT') return false;
    // A file system without hard links: fall back to exclusive creation, accepting a brief empty lock.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') return tryCreateInPlace(path);
    throw new DeskError('IO_ERROR', `cannot create the desk lock ${path}: ${(err as Error).message}`);
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

async function tryCreateInPlace(path: string): Promise<boolean> {
  let fh;
  try {
    fh = await open(path, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new DeskError('IO_ERROR', `cannot create the desk lock ${path}: ${(err as Error).message}`);
  }
  try {
    await fh.writeFile(lockText());
    await fh.sync();
  } finally {
    await fh.close();
  }
  return true;
}

type Owner = { pid: number; host: string } | 'being-written';

async function readOwner(path: string): Promise<{ owner: Owner; text: string } | null> {
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
    if (typeof v.pid === 'number') return { owner: { pid: v.pid, host: typeof v.host === 'string' ? v.host : hostname() }, text };
  } catch {
    // Unreadable: its writer is either between create and write (young) or died there (old).
  }
  return { owner: ageMs < 2000 ? 'being-written' : { pid: -1, host: hostname() }, text };
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
