import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { DeskError } from '../result.js';
import { DeskLock } from '../store/desk-lock.js';

const STARTED_AT = Date.now() - process.uptime() * 1000;

/**
 * DeskLock treats a lock naming our own pid as stale (it can only be left by a crashed earlier process that had
 * our pid), so a restore or doctor run in a process that has the desk open would take the lock from under its own
 * Desk. A lock with our pid, our host and a time after this process started is ours and live: refuse.
 */
export async function refuseIfOpenHere(deskDir: string, doing: string): Promise<void> {
  let owner: { pid?: unknown; host?: unknown; since?: unknown };
  try {
    owner = JSON.parse(await readFile(join(deskDir, 'desk.lock'), 'utf8')) as typeof owner;
  } catch {
    return;
  }
  const since = typeof owner.since === 'string' ? Date.parse(owner.since) : NaN;
  if (owner.pid === process.pid && owner.host === hostname() && since >= STARTED_AT - 1000) {
    throw new DeskError('DESK_LOCKED', `desk is open in this process; close it before ${doing}`);
  }
}

/**
 * Runs `work` holding the desk lock without opening the desk, so it works on a desk too damaged to open. Another
 * process that owns the desk gives DESK_LOCKED (`desk is in use by process N`), as opening would.
 */
export async function withDeskLock<T>(deskDir: string, doing: string, work: () => Promise<T>): Promise<T> {
  await refuseIfOpenHere(deskDir, doing);
  const lock = await DeskLock.acquire(deskDir);
  try {
    return await work();
  } finally {
    await lock.release();
  }
}
