import { rename } from 'node:fs/promises';
import type { z } from 'zod';
import { readRegular } from '../backup/backup-files.js';
import { DeskError } from '../result.js';
import { JsonDocAdapter, type ReadOptions } from '../store/json-doc-adapter.js';
import type { Findings } from './doctor-report.js';

export type DocRead<T> = { state: 'ok'; doc: T } | { state: 'missing' } | { state: 'bad'; reason: string };

/** A store document read the way the desk reads it (zod-validated), with damage as a value rather than a throw. */
export async function readDoc<S extends z.ZodType>(path: string, schema: S, readOpts: ReadOptions = {}): Promise<DocRead<z.infer<S>>> {
  try {
    const doc = await new JsonDocAdapter(path, schema, {}, readOpts).read();
    return doc === null ? { state: 'missing' } : { state: 'ok', doc };
  } catch (err) {
    if (err instanceof DeskError && err.code === 'DESK_CORRUPT') return { state: 'bad', reason: err.message };
    throw err;
  }
}

/** Raw JSON, or null when the file is missing or is not JSON. */
export async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse((await readRegular(path)).toString('utf8'));
  } catch {
    return null;
  }
}

/**
 * As the desk does: a damaged file is renamed, never deleted; whatever is in it may be worth something. The copy
 * is remembered so the leftovers check does not report, as news, what this run has just reported.
 */
export async function moveAside(path: string, f: Findings): Promise<void> {
  const aside = `${path}.corrupt-${Date.now()}`;
  await rename(path, aside).then(() => f.keptAside.add(aside), () => undefined);
}

/** The desk's messages start with the file's path; in a finding the file is already named. */
export const reasonOnly = (reason: string, path: string): string => (reason.startsWith(`${path} `) ? reason.slice(path.length + 1) : reason);
