import { DeskError } from '../result.js';
import { Desk, type DeskNotice, type OpenOptions } from '../store/desk-store.js';
import { backupDirFor } from './backup-location.js';
import { listBackups } from './list-backups.js';
import { type RestoreResult, restoreBackup } from './restore-backup.js';

export interface RecoveryOptions extends OpenOptions {
  /** Default: the desk's setting, else `<desk>/backups`. */
  backupDir?: string;
  now?: () => Date;
}

/**
 * Desk.open, and when the desk cannot be opened because it is damaged beyond its own per-file fallbacks
 * (DESK_CORRUPT), the newest backup that checks out in full is restored and the desk opened again, with a
 * `recovered` notice saying which backup and what is lost. The damaged desk is kept as a before-restore backup.
 *
 * A desk that opens empty ("created") although its backup folder holds articles has lost its files (desk.json
 * and docs/ gone): it is recovered the same way rather than started empty without a word.
 */
export async function openDeskWithRecovery(dir: string, opts: RecoveryOptions = {}): Promise<Desk> {
  let desk: Desk;
  try {
    desk = await Desk.open(dir, opts);
  } catch (err) {
    if (!(err instanceof DeskError) || err.code !== 'DESK_CORRUPT') throw err;
    return recover(dir, opts, err.message);
  }
  if (!desk.notices.some((n) => n.code === 'created')) return desk;
  const backupDir = opts.backupDir ?? (await backupDirFor(dir));
  const holding = (await listBackups(backupDir).catch(() => [])).some((b) => b.damage === null && (b.articles ?? 0) > 0);
  if (!holding) return desk;
  await desk.close();
  return recover(dir, opts, `the desk's files were gone (a new, empty desk was about to start at ${dir})`);
}

async function recover(dir: string, opts: RecoveryOptions, damage: string): Promise<Desk> {
  const backupDir = opts.backupDir ?? (await backupDirFor(dir));
  const tried: string[] = [];
  let restored: RestoreResult | null = null;
  const backups = await listBackups(backupDir).catch((err: Error) => {
    throw new DeskError('DESK_CORRUPT', `${damage}; the backups in ${backupDir} cannot be read (${err.message})`);
  });
  for (const b of backups) {
    if (b.damage !== null) continue;
    try {
      restored = await restoreBackup(dir, b.id, { backupDir, ...(opts.now ? { now: opts.now } : {}) });
      break;
    } catch (err) {
      // A backup that does not check out is passed over for the next older one; anything else (the desk
      // taken by another process, a full disk) stops the recovery.
      if (!(err instanceof DeskError) || (err.code !== 'DESK_CORRUPT' && err.code !== 'DESK_TOO_NEW')) throw err;
      tried.push(err.message);
    }
  }
  if (!restored) {
    const why = tried.length === 0 ? `there is no backup in ${backupDir}` : `no backup in ${backupDir} could replace it (${tried.join('; ')})`;
    throw new DeskError('DESK_CORRUPT', `${damage}; ${why}`);
  }
  const desk = await Desk.open(dir, opts);
  desk.notices.unshift(recoveredNotice(restored, damage, tried.length));
  return desk;
}

function recoveredNotice({ restored, beforeRestore }: RestoreResult, damage: string, skipped: number): DeskNotice {
  const articles = restored.articles === 1 ? '1 article' : `${restored.articles ?? 0} articles`;
  const passed = skipped > 0 ? ` ${skipped} newer backup${skipped === 1 ? ' was' : 's were'} damaged too and passed over.` : '';
  const kept = beforeRestore ? ` The damaged desk is kept as backup ${beforeRestore.id}.` : '';
  return {
    code: 'recovered',
    message: `restored from backup ${restored.id} made ${restored.createdAt}; changes after it are lost: ${damage}. The desk now holds ${articles}.${passed}${kept}`,
  };
}
