import { join } from 'node:path';
import { z } from 'zod';
import { DeskError } from '../result.js';
import { readRegular } from './backup-files.js';

/**
 * `open` and `interval` backups are automatic and rotate; `manual` and `before-restore` were asked for (or are the
 * undo of a restore) and are kept for a fixed number of days instead (see rotation.ts).
 */
export const BACKUP_REASONS = ['open', 'interval', 'manual', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** `2026-11-27T22-15-03Z-open`, with `-2`, `-3`… when two are made in one second: sortable by time, safe as a folder name. */
export const BackupIdSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z-(?:open|interval|manual|before-restore)(?:-\d{1,4})?$/, 'not a backup id');

/** A path inside a backup, `/`-separated; no segment may start with a dot, so none can climb out of the folder. */
const RelativePathSchema = z.string().max(512).regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/, 'not a plain relative path');

export const BackupFileSchema = z.object({
  path: RelativePathSchema,
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupFile = z.infer<typeof BackupFileSchema>;

export const BackupManifestSchema = z.object({
  format: z.literal('copydesk-backup'),
  version: z.literal(1),
  id: BackupIdSchema,
  createdAt: z.iso.datetime(),
  reason: z.enum(BACKUP_REASONS),
  /** The root's generation and article count; null when the desk's root could not be read (see `damage`). */
  generation: z.number().int().nonnegative().nullable(),
  articles: z.number().int().nonnegative().nullable(),
  /**
   * Why the desk could not be read when this copy was made, or null. Only a before-restore copy of a damaged desk
   * has one: every file found is kept as it was, for inspection, and it cannot itself be restored.
   */
  damage: z.string().nullable(),
  files: z.array(BackupFileSchema),
});
export type BackupManifest = z.infer<typeof BackupManifestSchema>;

export const MANIFEST_NAME = 'backup.json';

/** What `copydesk backup list --json` prints for each backup (plus generation and damage for callers in core). */
export interface BackupSummary {
  id: string;
  createdAt: string;
  reason: BackupReason;
  articles: number | null;
  /** Bytes of desk files held (the manifest itself not counted). */
  size: number;
  generation: number | null;
  damage: string | null;
}

export const summaryOf = (m: BackupManifest): BackupSummary => ({
  id: m.id,
  createdAt: m.createdAt,
  reason: m.reason,
  articles: m.articles,
  size: m.files.reduce((n, f) => n + f.size, 0),
  generation: m.generation,
  damage: m.damage,
});

/** The manifest of the backup in `folder`; DESK_CORRUPT names what is wrong, NOT_FOUND when there is none. */
export async function readManifest(folder: string): Promise<BackupManifest> {
  const path = join(folder, MANIFEST_NAME);
  let text: string;
  try {
    text = (await readRegular(path)).toString('utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new DeskError('NOT_FOUND', `${path} is missing`);
    if (err instanceof DeskError) throw err;
    throw new DeskError('IO_ERROR', `cannot read ${path}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new DeskError('DESK_CORRUPT', `${path} is not valid JSON (${(err as Error).message})`);
  }
  const parsed = BackupManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DeskError('DESK_CORRUPT', `${path} is not a backup manifest: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** Newest first: by the time in the manifest (milliseconds), then by id for two made in the same instant. */
export const newestFirst = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number =>
  Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
