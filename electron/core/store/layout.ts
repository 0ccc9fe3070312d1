import { join } from 'node:path';
import { z } from 'zod';
import { ArticleRecordSchema, ArticleSummarySchema } from '../model.js';

/**
 * A desk directory:
 *
 *   desk.json                the root: schema version, sequence counters and the current revision of each chunk
 *   desk.json.bak            the previous root (a hard link), the last good copy
 *   docs/c<N>.r<R>.meta.json the list fields of up to CHUNK_SIZE articles (read at open)
 *   docs/c<N>.r<R>.body.json the full records of the same articles (read on demand)
 *   desk.lock                the owning process
 *
 * Chunk files are never rewritten in place: a change writes revision R+1 and then a new root, so the root's
 * rename is the single commit point of every transaction, however many files it touches.
 */
export const CURRENT_SCHEMA_VERSION = 1;
export const DEFAULT_CHUNK_SIZE = 64;

export const ChunkRefSchema = z.object({
  id: z.number().int().nonnegative(),
  rev: z.number().int().positive(),
  count: z.number().int().nonnegative(),
});
export type ChunkRef = z.infer<typeof ChunkRefSchema>;

export const RootSchema = z.object({
  format: z.literal('copydesk-desk'),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  createdAt: z.string(),
  generation: z.number().int().nonnegative(),
  nextSeq: z.number().int().nonnegative(),
  nextChunk: z.number().int().nonnegative(),
  chunks: z.array(ChunkRefSchema),
});
export type Root = z.infer<typeof RootSchema>;

/** Enough of any root, old or new, to decide whether it needs migrating. */
export const RootHeaderSchema = z.looseObject({
  format: z.literal('copydesk-desk'),
  schemaVersion: z.number().int().nonnegative(),
});

export const MetaDocSchema = z.object({
  chunk: z.number().int().nonnegative(),
  rev: z.number().int().positive(),
  entries: z.array(ArticleSummarySchema),
});
export type MetaDoc = z.infer<typeof MetaDocSchema>;

export const BodyDocSchema = z.object({
  chunk: z.number().int().nonnegative(),
  rev: z.number().int().positive(),
  articles: z.array(ArticleRecordSchema),
});
export type BodyDoc = z.infer<typeof BodyDocSchema>;

export const rootPath = (dir: string): string => join(dir, 'desk.json');
export const rootBackupPath = (dir: string): string => join(dir, 'desk.json.bak');
export const docsDir = (dir: string): string => join(dir, 'docs');
export const metaPath = (dir: string, c: { id: number; rev: number }): string => join(docsDir(dir), `c${c.id}.r${c.rev}.meta.json`);
export const bodyPath = (dir: string, c: { id: number; rev: number }): string => join(docsDir(dir), `c${c.id}.r${c.rev}.body.json`);

export function emptyRoot(now: string): Root {
  return { format: 'copydesk-desk', schemaVersion: CURRENT_SCHEMA_VERSION, createdAt: now, generation: 0, nextSeq: 0, nextChunk: 0, chunks: [] };
}

/** File names a root keeps alive; everything else in docs/ is garbage from a superseded or interrupted write. */
export function liveFiles(dir: string, root: Root | null): string[] {
  if (!root) return [];
  return root.chunks.flatMap((c) => [metaPath(dir, c), bodyPath(dir, c)]);
}
