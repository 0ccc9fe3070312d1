import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { DeskError } from '../result.js';
import { fsyncDir } from '../store/durable-write.js';
import { flushIfOpenHere } from '../store/desk-store.js';
import { type Root, RootSchema, docsDir, liveFiles, rootPath } from '../store/layout.js';
import { FOLDER_MODE, copyHashed, isMissing, readRegular, runLimited, sha256, sweepTemporary, writeNewFile } from './backup-files.js';
import { newBackupId } from './backup-id.js';
import { backupDirFor } from './backup-location.js';
import {
  type BackupFile, type BackupManifest, type BackupReason, type BackupSummary, BackupFileSchema, MANIFEST_NAME, summaryOf,
} from './backup-manifest.js';
import { pruneBackups } from './rotation.js';

export interface CreateBackupOptions {
  reason: BackupReason;
  /** Default: the desk's setting, else `<desk>/backups`. */
  backupDir?: string;
  now?: () => Date;
  /** Apply the rotation afterwards (default true). */
  rotate?: boolean;
  /**
   * When the desk's root cannot be read, keep every file as found (a `damage` backup) instead of failing. Only a
   * restore asks for this: the damaged desk is what a restore replaces, and someone may want it back.
   */
  keepDamaged?: boolean;
  /** Runs after each attempt has read the root and before it copies; tests use it to land commits in between. */
  afterRootRead?: (attempt: number) => Promise<void>;
}

/** Commits that each delete a file we are about to copy would have to land this many times in a row. */
const SNAPSHOT_ATTEMPTS = 10;
const inFlight = new Map<string, Promise<unknown>>();

/**
 * Copies the desk into `<backupDir>/<id>/`: desk.json, every file it keeps alive, settings.json, and a manifest
 * with each file's SHA-256. Written into `<id>.tmp/`, synced, then renamed, so a backup folder is whole or absent.
 *
 * The caller owns the desk (an open Desk or its DeskLock). The copy needs no pause in the desk's commits: chunk
 * files are copy-on-write, so a file named by a root never changes, and the root is read once, whole (it is only
 * ever replaced by rename). The one thing a commit can do meanwhile is delete a file of a root two commits old;
 * that shows as ENOENT and the copy starts again from the new root.
 */
export function createBackup(deskDir: string, opts: CreateBackupOptions): Promise<BackupSummary> {
  const run = async (): Promise<BackupSummary> => {
    // A backup copies the files desk.json names; changes still only in the journal go into them first.
    await flushIfOpenHere(deskDir);
    const backupDir = opts.backupDir ?? (await backupDirFor(deskDir));
    const key = resolve(backupDir);
    // One backup at a time per folder in this process, so two can never pick the same id or sweep each other.
    const before = inFlight.get(key) ?? Promise.resolve();
    const mine = before.catch(() => undefined).then(() => createNow(deskDir, backupDir, opts));
    inFlight.set(key, mine);
    try {
      return await mine;
    } finally {
      if (inFlight.get(key) === mine) inFlight.delete(key);
    }
  };
  return run();
}

async function createNow(deskDir: string, backupDir: string, opts: CreateBackupOptions): Promise<BackupSummary> {
  const now = opts.now ?? (() => new Date());
  try {
    await mkdir(backupDir, { recursive: true, mode: FOLDER_MODE });
  } catch (err) {
    throw new DeskError('IO_ERROR', `cannot create the backup folder ${backupDir}: ${(err as Error).message}`);
  }
  await sweepTemporary(backupDir);

  const at = now();
  const id = newBackupId(at, opts.reason, new Set(await readdir(backupDir)));
  const tmp = join(backupDir, `${id}.tmp`);
  let manifest: BackupManifest | null = null;
  try {
    for (let attempt = 0; attempt < SNAPSHOT_ATTEMPTS && !manifest; attempt++) {
      await rm(tmp, { recursive: true, force: true });
      await mkdir(tmp, { mode: FOLDER_MODE });
      manifest = await snapshot(deskDir, tmp, { id, createdAt: at.toISOString(), reason: opts.reason }, opts.keepDamaged === true, () => opts.afterRootRead?.(attempt));
    }
    if (!manifest) throw new DeskError('IO_ERROR', `the desk at ${deskDir} kept changing under the backup; try again`);
    await writeNewFile(join(tmp, MANIFEST_NAME), JSON.stringify(manifest, null, 2));
    await fsyncDir(join(tmp, 'docs')).catch((err: unknown) => {
      if (!isMissing(err)) throw err;
    });
    await fsyncDir(tmp);
    await rename(tmp, join(backupDir, id));
    await fsyncDir(backupDir);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    if (err instanceof DeskError) throw err;
    throw new DeskError('IO_ERROR', `could not back up the desk into ${backupDir}: ${(err as Error).message}`);
  }
  if (opts.rotate !== false) await pruneBackups(backupDir, at);
  return summaryOf(manifest);
}

type Head = Pick<BackupManifest, 'id' | 'createdAt' | 'reason'>;

/** One attempt at a consistent copy; null when a file vanished under it (a commit collected it) and it must restart. */
async function snapshot(deskDir: string, into: string, head: Head, keepDamaged: boolean, rootRead: () => Promise<void> | undefined): Promise<BackupManifest | null> {
  const read = await readRootText(deskDir);
  await rootRead();
  if (!read.ok) {
    if (!keepDamaged) throw new DeskError('DESK_CORRUPT', `cannot back up the desk: ${read.reason}`);
    return { format: 'copydesk-backup', version: 1, ...head, generation: null, articles: null, damage: read.reason, files: await copyEverything(deskDir, into) };
  }
  const files: BackupFile[] = [];
  await writeNewFile(join(into, 'desk.json'), read.text);
  files.push({ path: 'desk.json', size: Buffer.byteLength(read.text), sha256: sha256(read.text) });
  let vanished: string | null = null;
  const jobs = liveFiles(deskDir, read.root).map((path) => async () => {
    if (vanished) return;
    const rel = relative(deskDir, path).split(sep).join('/');
    try {
      files.push({ path: rel, ...(await copyHashed(path, join(into, rel))) });
    } catch (err) {
      if (!isMissing(err)) throw err;
      vanished = path;
    }
  });
  await runLimited(jobs);
  if (vanished) {
    // A commit since the root was read explains a missing file; with the root unchanged, the file is lost.
    if ((await readRegular(rootPath(deskDir)).then((b) => b.toString('utf8'), () => null)) !== read.text) return null;
    const damage = `${vanished}, which ${rootPath(deskDir)} names, is missing`;
    if (!keepDamaged) throw new DeskError('DESK_CORRUPT', `cannot back up the desk: ${damage}`);
    await rm(into, { recursive: true, force: true });
    await mkdir(into, { mode: FOLDER_MODE });
    return { format: 'copydesk-backup', version: 1, ...head, generation: null, articles: null, damage, files: await copyEverything(deskDir, into) };
  }
  const settings = await copyIfPresent(join(deskDir, 'settings.json'), join(into, 'settings.json'));
  if (settings) files.push({ path: 'settings.json', ...settings });
  return {
    format: 'copydesk-backup',
    version: 1,
    ...head,
    generation: read.root.generation,
    articles: read.root.chunks.reduce((n, c) => n + c.count, 0),
    damage: null,
    files: files.sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
}

async function readRootText(deskDir: string): Promise<{ ok: true; text: string; root: Root } | { ok: false; reason: string }> {
  let text: string;
  try {
    text = (await readRegular(rootPath(deskDir))).toString('utf8');
  } catch (err) {
    if (isMissing(err)) return { ok: false, reason: `${rootPath(deskDir)} is missing` };
    if (err instanceof DeskError) return { ok: false, reason: err.message };
    throw new DeskError('IO_ERROR', `cannot read ${rootPath(deskDir)}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `${rootPath(deskDir)} is not valid JSON (${(err as Error).message})` };
  }
  const parsed = RootSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${rootPath(deskDir)} does not match the desk format at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, text, root: parsed.data };
}

/** A damaged desk has no root to say what matters, so everything that could is kept, damaged copies included. */
async function copyEverything(deskDir: string, into: string): Promise<BackupFile[]> {
  const names = ['desk.json', 'desk.json.bak', 'settings.json'].map((n) => ({ from: join(deskDir, n), rel: n }));
  const docs = await readdir(docsDir(deskDir), { withFileTypes: true }).catch((err: unknown) => {
    if (isMissing(err)) return [];
    throw err;
  });
  for (const d of docs) if (d.isFile() && !d.name.endsWith('.tmp')) names.push({ from: join(docsDir(deskDir), d.name), rel: `docs/${d.name}` });
  const files: BackupFile[] = [];
  for (const { from, rel } of names) {
    if (!BackupFileSchema.shape.path.safeParse(rel).success) continue; // a stray name no desk file has
    const copied = await copyIfPresent(from, join(into, rel));
    if (copied) files.push({ path: rel, ...copied });
  }
  return files;
}

/** A plain file, copied; null when there is none (missing, or a link or other non-file that is never followed). */
async function copyIfPresent(from: string, to: string): Promise<{ size: number; sha256: string } | null> {
  try {
    return await copyHashed(from, to);
  } catch (err) {
    if (isMissing(err) || (err instanceof DeskError && err.code === 'DESK_CORRUPT')) return null;
    throw err;
  }
}
