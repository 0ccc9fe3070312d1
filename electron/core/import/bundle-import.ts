import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { BundleRecordSchema, type BundleRecord } from '../bundles/bundle-record.js';
import { bundleNamed } from '../bundles/bundle-names.js';
import { updateBundle } from '../bundles/bundle-operations.js';
import { canonicalJson } from '../export/bundle-manifest.js';
import type { ArticleRecord } from '../model.js';
import { DeskError } from '../result.js';
import type { Desk } from '../store/desk-store.js';
import { readBundleArchive } from './bundle-archive-reader.js';
import { planBundleImport } from './bundle-import-plan.js';
import type { FileReport, ImportReport } from './report.js';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/** A zip is never a seed file, so anything that starts like one is taken as a bundle archive (and refused if not). */
export function looksLikeZip(head: Uint8Array): boolean {
  const b = Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 4));
  return b.equals(ZIP_MAGIC) || b.equals(EMPTY_ZIP_MAGIC);
}

/**
 * Sniffs the first bytes of a named path. Opened non-blocking and checked to be a regular file first: a FIFO or
 * device named on the command line must not hang the import (every later change waits behind it); anything that
 * is not a regular file is left to the seed importer, which reports it.
 */
export async function fileLooksLikeZip(path: string): Promise<boolean> {
  const fh = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch(() => null);
  if (!fh) return false;
  try {
    if (!(await fh.stat()).isFile()) return false;
    const head = Buffer.alloc(4);
    const { bytesRead } = await fh.read(head, 0, 4, 0);
    return bytesRead === 4 && looksLikeZip(head);
  } catch {
    return false;
  } finally {
    await fh.close();
  }
}

export interface BundleImportReport extends ImportReport {
  bundleIds: string[];
}

/**
 * Restores a bundle archive into the desk: articles with their revisions, tags, statuses and claims, and the
 * bundle itself, in ONE commit, after every checksum in the archive has been verified. A refused archive (a
 * tampered, truncated or hostile one) changes nothing; an article the desk has moved on from, or that both
 * desks changed, is left as the desk has it and named in the report. Importing the same archive again changes
 * nothing.
 */
export async function importBundleArchive(desk: Desk, source: { path: string; bytes?: Buffer }, now: string): Promise<BundleImportReport> {
  const file: FileReport = { path: source.path, articles: 0, error: null, warnings: [] };
  const report: BundleImportReport = { imported: 0, updated: 0, unchanged: 0, failed: 0, files: [file], changedIds: [], bundleIds: [] };
  try {
    const verified = await readBundleArchive(source.bytes ?? source.path);
    const incomingBundle = BundleRecordSchema.safeParse(verified.bundle);
    if (!incomingBundle.success) throw new DeskError('INVALID_INPUT', `bundle refused: bundle.json is not a valid bundle (${incomingBundle.error.issues[0]?.message ?? 'invalid'})`);

    const existing = await desk.getMany([...verified.histories.keys()]);
    const plan = planBundleImport({ get: (id) => existing.get(id) }, verified);
    const records: ArticleRecord[] = [
      ...plan.insert.map((r) => ({ ...r, seq: desk.reserveSeq() })),
      ...plan.update.map((r) => ({ ...r, seq: existing.get(r.id)!.seq })),
    ];
    const bundle = mergeBundle(desk, incomingBundle.data, now, file.warnings);
    await desk.commit(records, bundle ? { bundles: [bundle] } : {});

    report.imported = plan.insert.length;
    report.updated = plan.update.length;
    report.unchanged = plan.unchanged.length;
    report.changedIds = records.map((r) => r.id);
    report.bundleIds = bundle ? [bundle.id] : [];
    file.articles = verified.histories.size;
    if (plan.deskNewer.length > 0) file.warnings.push(`${plan.deskNewer.length} article${plan.deskNewer.length === 1 ? ' is' : 's are'} newer on this desk than in the bundle and ${plan.deskNewer.length === 1 ? 'was' : 'were'} kept as they are: ${plan.deskNewer.join(', ')}`);
    for (const c of plan.conflicts) file.warnings.push(`article ${c.id} kept as it is on this desk: ${c.reason}`);
  } catch (err) {
    file.error = `cannot import ${source.path}: ${err instanceof DeskError ? err.message : `bundle refused: ${(err as Error).message}`}`;
    report.failed = 1;
  }
  return report;
}

/**
 * The bundle as it should stand after the import, or null when the desk already has it. A bundle the desk has
 * changed since is left alone; one whose name is taken by a different bundle here is renamed, as a revision.
 */
function mergeBundle(desk: Desk, incoming: BundleRecord, now: string, warnings: string[]): BundleRecord | null {
  const mine = desk.bundle(incoming.id);
  if (mine) {
    if (canonicalJson(mine) === canonicalJson(incoming)) return null;
    const prefix = mine.revisions.length <= incoming.revisions.length && mine.revisions.every((r, i) => canonicalJson(r) === canonicalJson(incoming.revisions[i]));
    if (!prefix) {
      warnings.push(`bundle "${mine.name}" was changed on this desk since it was exported; kept as it is here`);
      return null;
    }
  }
  const clash = incoming.deleted ? undefined : bundleNamed(desk.bundles().filter((b) => b.id !== incoming.id), incoming.name);
  if (!clash) return incoming;
  let name = `${incoming.name} (imported)`;
  for (let n = 2; bundleNamed(desk.bundles(), name); n++) name = `${incoming.name} (imported ${n})`;
  warnings.push(`a different bundle here is already called "${incoming.name}"; the imported one is called "${name}"`);
  return updateBundle(incoming, { name }, { editor: incoming.revisions.at(-1)?.editor ?? 'import', now });
}
