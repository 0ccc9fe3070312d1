import { access, lstat, mkdir, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { SettingsSchema } from '../model.js';
import { DeskError } from '../result.js';
import { fsyncDir, writeFileDurable } from '../store/durable-write.js';
import { type FileCheck, checkOf } from '../store/file-check.js';
import { bodyText, lineIndex } from '../store/body-file.js';
import { type BodyDoc, type ChunkRef, type Root, RootSchema, bodyPath, bundlesPath, docsDir, liveFiles, metaPath, rootBackupPath, rootPath } from '../store/layout.js';
import { newJournalId } from '../store/journal.js';
import { rootText } from '../store/root-seal.js';
import { isMissing, readRegular } from './backup-files.js';
import { backupDirFor, defaultBackupDir } from './backup-location.js';
import { type BackupSummary, summaryOf } from './backup-manifest.js';
import { createBackup } from './create-backup.js';
import { withDeskLock } from './desk-owner.js';
import { documentAtRevision, highestRevision, withRevision } from './revisions.js';
import { type VerifiedBackup, verifyBackup } from './verify-backup.js';

export interface RestoreOptions {
  /** Default: the desk's setting, else `<desk>/backups`. */
  backupDir?: string;
  now?: () => Date;
}

export interface RestoreResult {
  restored: BackupSummary;
  /** The desk as it was just before, saved so the restore can be undone; null when there was no desk at all. */
  beforeRestore: BackupSummary | null;
  /** The restored desk's generation: above every generation the desk had, so it reads as the newest state. */
  generation: number;
}

/**
 * Makes a backup's state the desk's current state. It takes the desk lock itself rather than opening the desk,
 * so it works on a desk too damaged to open, and refuses (DESK_LOCKED) while another process owns the desk.
 *
 * Order: check the backup in full; save the desk as it is as a `before-restore` backup (so the restore can be
 * undone, damaged files and all); copy the backup's files in under revision numbers above every revision on
 * disk, since an old `c3.r7` could otherwise land on a different, later file of that name; then replace
 * desk.json, the single commit point. Killed before that rename the old desk stands, and the copied files are
 * unreferenced garbage that the next open collects. After it, desk.json.bak is set to the same root (the old
 * .bak described the desk being replaced, and may be the damaged file that forced the restore).
 */
export async function restoreBackup(deskDir: string, backupId: string, opts: RestoreOptions = {}): Promise<RestoreResult> {
  await mkdir(docsDir(deskDir), { recursive: true }).catch((err: Error) => {
    throw new DeskError('IO_ERROR', `cannot create the desk folder ${deskDir}: ${err.message}`);
  });
  return withDeskLock(deskDir, 'restoring a backup', async () => {
    const backupDir = opts.backupDir ?? (await backupDirFor(deskDir));
    const backup = await verifyBackup(backupDir, backupId, 'full');
    const current = await readJsonLeniently(rootPath(deskDir));
    const previous = await readJsonLeniently(rootBackupPath(deskDir));
    const beforeRestore = (await holdsAnything(deskDir))
      ? await createBackup(deskDir, { reason: 'before-restore', backupDir, rotate: false, keepDamaged: true, ...(opts.now ? { now: opts.now } : {}) })
      : null;

    const rev = (await highestRevision(deskDir, [current, previous])) + 1;
    const generation = Math.max(backup.root.generation, generationOf(current), generationOf(previous)) + 1;
    const renamed = { ...withRevision(backup.rootJson, rev), generation };
    const checks = await copyFilesIn(backup, deskDir, RootSchema.parse(renamed), rev);
    const text = rootText(withChecks(deskDir, renamed, checks));
    for (const path of [rootPath(deskDir), rootBackupPath(deskDir), join(deskDir, 'settings.json')]) await moveLinkAside(path);
    await writeFileDurable(rootPath(deskDir), text, { syncDir: true });
    await writeFileDurable(rootBackupPath(deskDir), text, { syncDir: true });
    await restoreSettings(deskDir, backup, backupDir);
    return { restored: summaryOf(backup.manifest), beforeRestore, generation };
  });
}

const BODY = '.body.json';
const META = '.meta.json';

/** Copies the backup's files in under revision `rev`; resolves to each written file's size and SHA-256, by path. */
async function copyFilesIn(backup: VerifiedBackup, deskDir: string, target: Root, rev: number): Promise<Map<string, FileCheck>> {
  // The two roots differ only in revision numbers, so liveFiles lists their files in the same order.
  const from = liveFiles(backup.folder, backup.root);
  const to = liveFiles(deskDir, target);
  if (from.length !== to.length) throw new DeskError('INTERNAL', `restoring ${backup.manifest.id}: ${from.length} files to copy but ${to.length} places for them`);
  const checks = new Map<string, FileCheck>();
  // Bodies first, laid out a line per article as the desk writes them, so that each meta file gets the line index
  // of its body as written here (renumbering moves every line).
  const lineIndexes = new Map<string, string>();
  const order = [...from.keys()].sort((x, y) => Number(!to[x]!.endsWith(BODY)) - Number(!to[y]!.endsWith(BODY)));
  for (const i of order) {
    const doc = documentAtRevision(JSON.parse((await readRegular(from[i]!)).toString('utf8')), rev) as Record<string, unknown>;
    let bytes: Buffer;
    if (to[i]!.endsWith(BODY)) {
      const body = doc as BodyDoc;
      bytes = Buffer.from(bodyText(body), 'utf8');
      lineIndexes.set(to[i]!.slice(0, -BODY.length) + META, lineIndex(bytes, body.articles.length));
    } else {
      const lines = lineIndexes.get(to[i]!);
      bytes = Buffer.from(JSON.stringify(lines === undefined ? doc : { ...doc, lines }), 'utf8');
    }
    await writeFileDurable(to[i]!, bytes, { syncDir: false });
    checks.set(to[i]!, checkOf(bytes));
  }
  await fsyncDir(docsDir(deskDir));
  return checks;
}

/**
 * The restored root with the checksums of the files as written here: renumbering a file's revision changes its
 * bytes, so the backup's own checksums no longer describe them (and a backup from before checksums had none).
 */
function withChecks(deskDir: string, rootJson: Record<string, unknown>, checks: Map<string, FileCheck>): Record<string, unknown> {
  const chunks = (rootJson.chunks as ChunkRef[]).map((c) => ({ ...c, meta: checks.get(metaPath(deskDir, c)), body: checks.get(bodyPath(deskDir, c)) }));
  const bundles = rootJson.bundles as { rev: number } | null | undefined;
  // A new journal id: the journal of the root the backup was taken from may still be in the desk, holding changes
  // made after the backup, and must not be replayed over it.
  return { ...rootJson, chunks, journal: newJournalId(), ...(bundles ? { bundles: { ...bundles, file: checks.get(bundlesPath(deskDir, bundles)) } } : {}) };
}

/**
 * Settings travel with the backup (the editor name, the verdict scale), except where backups live: the folder
 * this restore came from, which also holds the before-restore backup, stays the desk's backup folder. Settings
 * are a separate file, written after the commit; killed in between, the desk is restored with its old settings.
 */
async function restoreSettings(deskDir: string, backup: VerifiedBackup, backupDir: string): Promise<void> {
  if (!backup.manifest.files.some((f) => f.path === 'settings.json')) return;
  const stored = SettingsSchema.partial().safeParse(await readJsonLeniently(join(backup.folder, 'settings.json')));
  if (!stored.success) return; // written by a Copydesk with other settings: the current ones stay
  const { backupDir: _old, ...rest } = stored.data;
  const next = backupDir === defaultBackupDir(deskDir) ? rest : { ...rest, backupDir };
  await writeFileDurable(join(deskDir, 'settings.json'), JSON.stringify(next), { syncDir: true });
}

/** The store refuses to write through a symbolic link; one planted at a root's name is damage, kept aside. */
async function moveLinkAside(path: string): Promise<void> {
  const st = await lstat(path).catch(() => null);
  if (st?.isSymbolicLink()) await rename(path, `${path}.corrupt-${Date.now()}`);
}

async function readJsonLeniently(path: string): Promise<unknown> {
  try {
    return JSON.parse((await readRegular(path)).toString('utf8'));
  } catch {
    return null;
  }
}

const generationOf = (root: unknown): number => {
  const g = (root as { generation?: unknown } | null)?.generation;
  return typeof g === 'number' && Number.isInteger(g) && g >= 0 ? g : 0;
};

/** Anything a person might want back: a root (even a damaged one) or any file in docs/. */
async function holdsAnything(deskDir: string): Promise<boolean> {
  const present = (path: string): Promise<boolean> => access(path).then(() => true, (err: unknown) => !isMissing(err));
  if ((await present(rootPath(deskDir))) || (await present(rootBackupPath(deskDir)))) return true;
  const docs = await readdir(docsDir(deskDir)).catch(() => [] as string[]);
  return docs.some((n) => !n.endsWith('.tmp'));
}
