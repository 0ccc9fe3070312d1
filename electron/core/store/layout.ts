import { join } from 'node:path';
import { z } from 'zod';
import { BundleRecordSchema } from '../bundles/bundle-record.js';
import { ArticleRecordSchema, ArticleSummarySchema } from '../model.js';
import { FileCheckSchema } from './file-check.js';

/**
 * A desk directory:
 *
 *   desk.json                the root: schema version, sequence counters, the current revision of each chunk
 *                            with the size and SHA-256 of its files, and a seal over its own content
 *   desk.json.bak            the previous root (a hard link), the last good copy
 *   docs/c<N>.r<R>.meta.json the list fields of up to CHUNK_SIZE articles (read at open)
 *   docs/c<N>.r<R>.body.json the full records of the same articles (read on demand)
 *   docs/bundles.r<R>.json   every curated bundle with its history (read at open; absent until the first bundle)
 *   journal.<id>.log         small changes since that root, one checked line each (journal.ts)
 *   desk.lock                the owning process
 *
 * Chunk and bundles files are never rewritten in place: a change writes revision R+1 of each file it touches
 * and then a new root, so the root's rename is the single commit point of every transaction, however many
 * files it touches (an import that brings articles and a bundle lands both or neither).
 */
export const CURRENT_SCHEMA_VERSION = 1;
export const DEFAULT_CHUNK_SIZE = 64;

export const ChunkRefSchema = z.object({
  id: z.number().int().nonnegative(),
  rev: z.number().int().positive(),
  count: z.number().int().nonnegative(),
  /** Size and SHA-256 of the meta and body files (absent in roots written before checksums). */
  meta: FileCheckSchema.optional(),
  body: FileCheckSchema.optional(),
});
export type ChunkRef = z.infer<typeof ChunkRefSchema>;

export const RootSchema = z.object({
  format: z.literal('copydesk-desk'),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  createdAt: z.string(),
  generation: z.number().int().nonnegative(),
  nextSeq: z.number().int().nonnegative(),
  nextChunk: z.number().int().nonnegative(),
  chunks: z.array(ChunkRefSchema).refine((chunks) => new Set(chunks.map((c) => c.id)).size === chunks.length, { message: 'a chunk is named twice' }),
  /** Names this root's write-ahead journal, `journal.<id>.log` (journal.ts); new with every root a commit writes. */
  journal: z.string().regex(/^[0-9a-f]{16}$/).optional(),
  /** The current bundles file; desks made before bundles existed have none, which reads as null. */
  bundles: z.object({ rev: z.number().int().positive(), file: FileCheckSchema.optional() }).nullable().default(null),
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
  /** Where each article's line is in the body file, and its CRC-32 (body-file.ts lineIndex); absent in older files. */
  lines: z.string().optional(),
});
export type MetaDoc = z.infer<typeof MetaDocSchema>;

export const BodyDocSchema = z.object({
  chunk: z.number().int().nonnegative(),
  rev: z.number().int().positive(),
  articles: z.array(ArticleRecordSchema),
});
export type BodyDoc = z.infer<typeof BodyDocSchema>;

export const BundlesDocSchema = z
  .object({
    rev: z.number().int().positive(),
    bundles: z.array(BundleRecordSchema),
  })
  .refine((doc) => new Set(doc.bundles.map((b) => b.id)).size === doc.bundles.length, { message: 'a bundle id appears twice', path: ['bundles'] });
export type BundlesDoc = z.infer<typeof BundlesDocSchema>;

export const rootPath = (dir: string): string => join(dir, 'desk.json');
export const rootBackupPath = (dir: string): string => join(dir, 'desk.json.bak');
export const docsDir = (dir: string): string => join(dir, 'docs');
export const metaPath = (dir: string, c: { id: number; rev: number }): string => join(docsDir(dir), `c${c.id}.r${c.rev}.meta.json`);
export const bodyPath = (dir: string, c: { id: number; rev: number }): string => join(docsDir(dir), `c${c.id}.r${c.rev}.body.json`);
export const bundlesPath = (dir: string, b: { rev: number }): string => join(docsDir(dir), `bundles.r${b.rev}.json`);

export function emptyRoot(now: string): Root {
  return { format: 'copydesk-desk', schemaVersion: CURRENT_SCHEMA_VERSION, createdAt: now, generation: 0, nextSeq: 0, nextChunk: 0, chunks: [], bundles: null };
}

/** File names a root keeps alive; everything else in docs/ is garbage from a superseded or interrupted write. */
export function liveFiles(dir: string, root: Root | null): string[] {
  if (!root) return [];
  const chunks = root.chunks.flatMap((c) => [metaPath(dir, c), bodyPath(dir, c)]);
  return root.bundles ? [...chunks, bundlesPath(dir, root.bundles)] : chunks;
}
