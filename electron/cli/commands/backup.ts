import { resolve } from 'node:path';
import { backupDirFor } from '../../core/backup/backup-location.js';
import type { BackupSummary } from '../../core/backup/backup-manifest.js';
import { createBackup } from '../../core/backup/create-backup.js';
import { listBackups } from '../../core/backup/list-backups.js';
import { restoreBackup } from '../../core/backup/restore-backup.js';
import { resolveDeskDir } from '../../core/desk-location.js';
import { SettingsSchema } from '../../core/model.js';
import { updateSettings } from '../../core/store/settings.js';
import { DB_OPTION, UsageError, parse } from '../args.js';
import { type Io, printJson } from '../io.js';
import { withDesk } from '../with-desk.js';

export const backupUsage = `Usage: copydesk backup create [--db DIR] [--json]
       copydesk backup list [--db DIR] [--json]
       copydesk backup restore <backup-id> [--db DIR] [--json]
       copydesk backup dir [FOLDER] [--db DIR] [--json]

Backups are whole copies of the desk, checked by SHA-256. Copydesk makes one when the desk is opened (the app
and "copydesk serve") and every 15 minutes while articles change, keeping the last 3 of today and one a day for
the 10 days before; manual and before-restore backups are kept for 30 days.

  create    make a backup now; prints its id (--json: {id, createdAt, reason, articles, size})
  list      the backups, newest first (--json: an array of {id, createdAt, reason, articles, size})
  restore   make a backup's state the desk's current state. The desk as it was is saved first as a
            "before-restore" backup, so a restore can be undone by restoring that one. Works on a desk too
            damaged to open; refused while another process (the app, "copydesk serve") has the desk open.
  dir       show the backup folder, or set it to FOLDER (default: the desk's own "backups" folder). Backups
            already made stay where they are.

  --db DIR  the desk folder (default: $COPYDESK_DB, else the app's data folder)
  --json    print JSON instead of text`;

export async function backupCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, DB_OPTION);
  if (values.help) {
    io.out(backupUsage);
    return 0;
  }
  const [sub, ...args] = positionals;
  const json = values.json === true;
  switch (sub) {
    case 'create':
      noArgs('create', args);
      return create(io, values.db, json);
    case 'list':
      noArgs('list', args);
      return list(io, values.db, json);
    case 'restore':
      if (args.length !== 1) throw new UsageError('backup restore takes exactly one backup id (see copydesk backup list)');
      return restore(io, values.db, args[0]!, json);
    case 'dir':
      if (args.length > 1) throw new UsageError('backup dir takes at most one folder');
      return dir(io, values.db, args[0], json);
    case undefined:
      throw new UsageError('backup needs a subcommand: create, list, restore or dir');
    default:
      throw new UsageError(`unknown backup subcommand "${sub}" (create, list, restore or dir)`);
  }
}

function noArgs(sub: string, args: string[]): void {
  if (args.length > 0) throw new UsageError(`backup ${sub} takes no arguments (got "${args[0]}")`);
}

/** The list row and create's --json: exactly these five keys. */
const row = ({ id, createdAt, reason, articles, size }: BackupSummary) => ({ id, createdAt, reason, articles, size });

async function create(io: Io, db: string | undefined, json: boolean): Promise<number> {
  const made = await withDesk(io, db, { quiet: true }, (service) => createBackup(service.desk.dir, { reason: 'manual' }));
  if (json) printJson(io, row(made));
  else io.out(made.id);
  return 0;
}

/** Reads only the backup folder, never the desk: the list is what someone needs when the desk will not open. */
async function list(io: Io, db: string | undefined, json: boolean): Promise<number> {
  const folder = await backupDirFor(resolveDeskDir(db));
  const backups = await listBackups(folder);
  if (json) {
    printJson(io, backups.map(row));
    return 0;
  }
  if (backups.length === 0) {
    io.out(`No backups in ${folder} yet. Make one with: copydesk backup create`);
    return 0;
  }
  const lines = backups.map((b) => [b.id, b.createdAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'), b.reason, b.articles === null ? 'damaged' : String(b.articles), humanSize(b.size)]);
  const table = [['ID', 'CREATED (UTC)', 'REASON', 'ARTICLES', 'SIZE'], ...lines];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  for (const r of table) io.out(r.map((cell, i) => (i === 3 || i === 4 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd());
  io.out(`${backups.length} backup${backups.length === 1 ? '' : 's'} in ${folder}`);
  return 0;
}

async function restore(io: Io, db: string | undefined, id: string, json: boolean): Promise<number> {
  const result = await restoreBackup(resolveDeskDir(db), id);
  if (json) {
    printJson(io, { restored: row(result.restored), beforeRestore: result.beforeRestore && row(result.beforeRestore) });
    return 0;
  }
  const { restored, beforeRestore } = result;
  io.out(`restored backup ${restored.id} (made ${restored.createdAt}, ${restored.articles} article${restored.articles === 1 ? '' : 's'})`);
  if (beforeRestore) io.out(`the desk as it was is backup ${beforeRestore.id}; to undo: copydesk backup restore ${beforeRestore.id}`);
  return 0;
}

async function dir(io: Io, db: string | undefined, folder: string | undefined, json: boolean): Promise<number> {
  if (folder === undefined) {
    const current = await backupDirFor(resolveDeskDir(db));
    if (json) printJson(io, { backupDir: current });
    else io.out(current);
    return 0;
  }
  if (folder.trim() === '') throw new UsageError('backup dir: the folder is empty');
  const backupDir = resolve(folder);
  if (!SettingsSchema.shape.backupDir.safeParse(backupDir).success) throw new UsageError(`backup dir: cannot use "${folder}" as a folder`);
  await withDesk(io, db, { quiet: true }, (service) => updateSettings(service.desk.dir, { backupDir }));
  if (json) printJson(io, { backupDir });
  else io.out(`backups now go to ${backupDir}`);
  return 0;
}

function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let n = bytes / 1024;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${n < 10 ? n.toFixed(1) : Math.round(n)} ${units[u]}`;
}
