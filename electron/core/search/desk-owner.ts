import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Whether this process still owns the desk (its lock names our pid). The search index is written in the
 * background, and a write that lands after the desk was closed, or taken over by another process, must not
 * happen: the folder is no longer ours to write in.
 */
export function ownsDesk(deskDir: string): boolean {
  try {
    const owner = JSON.parse(readFileSync(join(deskDir, 'desk.lock'), 'utf8')) as { pid?: unknown };
    return owner.pid === process.pid;
  } catch {
    return false;
  }
}
