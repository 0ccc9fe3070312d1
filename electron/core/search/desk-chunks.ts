import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { ArticleRecord } from '../model.js';
import type { RootState } from '../store/desk-store.js';
import { BodyDocSchema, bodyPath } from '../store/layout.js';

/**
 * What the search index checks itself against: the desk's identity (when its root was created), its generation,
 * and each article chunk's file. The index records, per chunk, the revision it reflects and that revision's
 * file identity (inode and modification time), so at open it knows exactly which chunks changed since it was
 * saved (an edit whose log line a crash lost, an edit made while it was not loaded) and re-indexes only those,
 * while commits that touch no article (bundles) leave it valid. The file identity matters because a desk that
 * fell back to its previous root writes the same revision number again, with other text.
 *
 * Taken from the open Desk (its root as committed), inside the service's write turn right after a commit, so
 * no other commit can land in between.
 */
export type DeskState = RootState;

export type ChunkRevs = ReadonlyMap<number, number>;

/** A chunk revision and the identity of its file: "<rev>:<inode>:<mtime ns>", or "<rev>:" when it cannot be read. */
export function chunkTag(deskDir: string, id: number, rev: number): string {
  try {
    const st = statSync(bodyPath(deskDir, { id, rev }), { bigint: true });
    return `${rev}:${st.ino}:${st.mtimeNs}`;
  } catch {
    return `${rev}:`;
  }
}

/**
 * The tags of all the chunks. Synchronous on purpose: a desk of 100,000 articles has some 1,600 chunks, and
 * 1,600 stat calls take a few milliseconds in a loop but far longer as as many round trips to the thread pool.
 */
export function chunkTags(deskDir: string, chunks: ChunkRevs): Map<number, string> {
  const out = new Map<number, string>();
  for (const [id, rev] of chunks) out.set(id, chunkTag(deskDir, id, rev));
  return out;
}

/** Chunks whose revision in `now` differs from `before` (or is new), as [id, rev] pairs. */
export function changedChunks(before: ChunkRevs, now: ChunkRevs): [number, number][] {
  const out: [number, number][] = [];
  if (before === now) return out;
  for (const [id, rev] of now) if (before.get(id) !== rev) out.push([id, rev]);
  return out;
}

/** The articles of one chunk revision, validated as the store validates them. */
export async function readChunkRecords(deskDir: string, id: number, rev: number): Promise<ArticleRecord[]> {
  const doc = BodyDocSchema.parse(JSON.parse(await readFile(bodyPath(deskDir, { id, rev }), 'utf8')));
  if (doc.chunk !== id || doc.rev !== rev) throw new Error(`chunk file c${id}.r${rev} holds c${doc.chunk}.r${doc.rev}`);
  return doc.articles;
}
