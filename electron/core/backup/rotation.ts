import { removeFolder } from './backup-files.js';
import type { BackupReason } from './backup-manifest.js';
import { scanBackups } from './list-backups.js';

export interface RotationPolicy {
  /** Automatic backups kept from today (the newest ones). */
  today: number;
  /** Days before today that each keep their newest automatic backup. */
  days: number;
  /** Days a manual or before-restore backup is kept, whatever else happens. */
  keptDays: number;
}

/**
 * Automatic backups (`open`, `interval`): the 3 newest of today, and the newest of each of the 10 days before
 * today, so at most 13 covering 11 calendar days. `manual` and `before-restore` backups were asked for (a
 * before-restore one is the undo of a restore), so they stay out of that count and are kept for 30 days.
 * Days are the machine's local calendar days. Two guards against a clock that jumps: a backup dated after `now`
 * counts as today's, and the newest backup of all is always kept.
 */
export const DEFAULT_ROTATION: RotationPolicy = { today: 3, days: 10, keptDays: 30 };

const DELIBERATE: ReadonlySet<BackupReason> = new Set(['manual', 'before-restore']);
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Rotatable {
  id: string;
  createdAt: string;
  reason: BackupReason;
}

const dayKey = (d: Date): string => `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;

/** The ids to keep, of `backups` sorted newest first. Pure, so the policy is tested with any clock. */
export function backupsToKeep(backups: readonly Rotatable[], now: Date, policy: RotationPolicy = DEFAULT_ROTATION): Set<string> {
  const keep = new Set<string>();
  if (backups[0]) keep.add(backups[0].id);
  const today = dayKey(now);
  const earlier = new Map<string, number>();
  for (let k = 1; k <= policy.days; k++) earlier.set(dayKey(new Date(now.getFullYear(), now.getMonth(), now.getDate() - k)), k);
  const seenDays = new Set<string>();
  let todays = 0;
  for (const b of backups) {
    const at = new Date(b.createdAt);
    if (DELIBERATE.has(b.reason)) {
      if (now.getTime() - at.getTime() <= policy.keptDays * DAY_MS) keep.add(b.id);
      continue;
    }
    const day = at.getTime() > now.getTime() ? today : dayKey(at);
    if (day === today) {
      if (todays++ < policy.today) keep.add(b.id);
    } else if (earlier.has(day) && !seenDays.has(day)) {
      seenDays.add(day);
      keep.add(b.id);
    }
  }
  return keep;
}

/** Applies the policy to a backup folder; returns the ids removed. Unreadable folders are left for doctor. */
export async function pruneBackups(backupDir: string, now: Date, policy: RotationPolicy = DEFAULT_ROTATION): Promise<string[]> {
  const { backups } = await scanBackups(backupDir);
  const keep = backupsToKeep(backups, now, policy);
  const doomed = backups.filter((b) => !keep.has(b.id)).map((b) => b.id);
  for (const id of doomed) await removeFolder(backupDir, id);
  return doomed;
}
