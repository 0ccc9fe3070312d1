import { stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { DeskError } from '../result.js';
import { CURRENT_SCHEMA_VERSION, type Root, RootHeaderSchema, RootSchema } from '../store/layout.js';
import { isMissing, readRegular, sha256 } from './backup-files.js';
import { type BackupFile, type BackupManifest, BackupIdSchema, readManifest } from './backup-manifest.js';
import { docFault, liveDocs } from './live-docs.js';

export interface VerifiedBackup {
  manifest: BackupManifest;
  folder: string;
  /** The backup's root as stored (every field kept, known to the schema or not) and as validated. */
  rootJson: Record<string, unknown>;
  root: Root;
}

type Bad = (what: string) => DeskError;

/**
 * Checks a backup before anything relies on it. `checksums`: the manifest reads, every file it lists is there
 * with its size and SHA-256, the root validates and every file the root needs is listed. `full` also parses and
 * validates every file the root names against its schema and ref, as opening the desk would. DESK_CORRUPT names
 * the first fault.
 */
export async function verifyBackup(backupDir: string, id: string, depth: 'checksums' | 'full'): Promise<VerifiedBackup> {
  if (!BackupIdSchema.safeParse(id).success) throw new DeskError('NOT_FOUND', `"${id}" is not a backup id (see copydesk backup list)`);
  const folder = join(backupDir, id);
  const bad: Bad = (what) => new DeskError('DESK_CORRUPT', `backup ${id}: ${what}`);
  const manifest = await manifestOf(backupDir, id, folder);
  if (manifest.damage !== null) throw bad(`it is a copy of a damaged desk (${manifest.damage}), kept for inspection only`);

  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  const rootJson = parseJson(await readChecked(folder, listed.get('desk.json'), 'desk.json', bad), 'desk.json', bad);
  const header = RootHeaderSchema.safeParse(rootJson);
  if (header.success && header.data.schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw new DeskError('DESK_TOO_NEW', `backup ${id} holds desk format v${header.data.schemaVersion}, written by a newer Copydesk (this one reads up to v${CURRENT_SCHEMA_VERSION})`);
  }
  const root = validated(RootSchema, rootJson, 'desk.json', bad);

  const rel = (path: string): string => relative(folder, path).split(sep).join('/');
  const live = new Map(liveDocs(folder, root).map((d) => [rel(d.path), d]));
  for (const path of live.keys()) if (!listed.has(path)) throw bad(`${path}, which its desk.json needs, is not in it`);
  for (const f of manifest.files) {
    if (f.path === 'desk.json') continue;
    const data = await readChecked(folder, f, f.path, bad);
    const doc = live.get(f.path);
    if (depth === 'full' && doc) {
      const fault = docFault(doc, parseJson(data, f.path, bad));
      if (fault) throw bad(`${f.path} ${fault}`);
    }
  }
  return { manifest, folder, rootJson: rootJson as Record<string, unknown>, root };
}

async function manifestOf(backupDir: string, id: string, folder: string): Promise<BackupManifest> {
  let manifest: BackupManifest;
  try {
    manifest = await readManifest(folder);
  } catch (err) {
    if (!(err instanceof DeskError)) throw err;
    if (err.code !== 'NOT_FOUND') throw new DeskError(err.code, `backup ${id}: ${err.message}`);
    const exists = await stat(folder).then(() => true, (e: unknown) => !isMissing(e));
    throw exists ? new DeskError('DESK_CORRUPT', `backup ${id} has no manifest (${err.message})`) : new DeskError('NOT_FOUND', `no backup ${id} in ${backupDir}`);
  }
  if (manifest.id !== id) throw new DeskError('DESK_CORRUPT', `backup ${id}: its manifest is for backup ${manifest.id}`);
  return manifest;
}

async function readChecked(folder: string, f: BackupFile | undefined, path: string, bad: Bad): Promise<Buffer> {
  if (!f) throw bad(`${path} is not in it`);
  let data: Buffer;
  try {
    data = await readRegular(join(folder, f.path));
  } catch (err) {
    if (isMissing(err)) throw bad(`${f.path} is missing`);
    if (err instanceof DeskError) throw bad(`${f.path} is not a plain file`);
    throw new DeskError('IO_ERROR', `cannot read ${join(folder, f.path)}: ${(err as Error).message}`);
  }
  if (data.length !== f.size || sha256(data) !== f.sha256) throw bad(`${f.path} does not match its checksum`);
  return data;
}

function parseJson(data: Buffer, path: string, bad: Bad): unknown {
  try {
    return JSON.parse(data.toString('utf8'));
  } catch (err) {
    throw bad(`${path} is not valid JSON (${(err as Error).message})`);
  }
}

function validated<S extends z.ZodType>(schema: S, json: unknown, path: string, bad: Bad): z.infer<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw bad(`${path} does not match the desk format at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
}

/** Only that every file a backup lists is there, whole: for a copy of a damaged desk, which has no root to check. */
export async function verifyFiles(folder: string, manifest: BackupManifest): Promise<void> {
  const bad: Bad = (what) => new DeskError('DESK_CORRUPT', `backup ${manifest.id}: ${what}`);
  for (const f of manifest.files) await readChecked(folder, f, f.path, bad);
}
