import type { BackupReason } from './backup-manifest.js';

/** The id of a backup made at `at`, unique among `taken` (folder names already in the backup folder). */
export function newBackupId(at: Date, reason: BackupReason, taken: ReadonlySet<string>): string {
  const stamp = at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
  const base = `${stamp}-${reason}`;
  const used = (id: string): boolean => [...taken].some((n) => n === id || n.startsWith(`${id}.`));
  if (!used(base)) return base;
  for (let n = 2; n < 10_000; n++) if (!used(`${base}-${n}`)) return `${base}-${n}`;
  throw new Error(`more than 9999 backups named ${base}`);
}
