import type { z } from 'zod';
import { BodyDocSchema, BundlesDocSchema, type ChunkRef, MetaDocSchema, type Root, bodyPath, bundlesPath, liveFiles, metaPath } from '../store/layout.js';

/** A file a root keeps alive, with what it must hold when its kind is known. */
export interface LiveDoc {
  path: string;
  /** Null for a kind of file this code does not know yet: it is then only checked to be whole JSON. */
  schema: z.ZodType | null;
  /** The revision (and for a chunk file, the chunk and article count) its content must state. */
  rev: number | null;
  chunk: ChunkRef | null;
}

/**
 * Every file liveFiles() names, in its order, so whatever the root comes to name is covered; the kinds known
 * here (chunk meta and body files, the bundles file) are also checked against their schema and their ref.
 */
export function liveDocs(dir: string, root: Root): LiveDoc[] {
  const known = new Map<string, LiveDoc>();
  for (const c of root.chunks) {
    known.set(metaPath(dir, c), { path: metaPath(dir, c), schema: MetaDocSchema, rev: c.rev, chunk: c });
    known.set(bodyPath(dir, c), { path: bodyPath(dir, c), schema: BodyDocSchema, rev: c.rev, chunk: c });
  }
  if (root.bundles) known.set(bundlesPath(dir, root.bundles), { path: bundlesPath(dir, root.bundles), schema: BundlesDocSchema, rev: root.bundles.rev, chunk: null });
  return liveFiles(dir, root).map((path) => known.get(path) ?? { path, schema: null, rev: null, chunk: null });
}

/** What is wrong with a parsed live document, or null. */
export function docFault(doc: LiveDoc, json: unknown): string | null {
  if (!doc.schema) return null;
  const parsed = doc.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `does not match the desk format at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
  }
  const data = parsed.data as { rev?: number; chunk?: number; entries?: unknown[]; articles?: unknown[] };
  if (doc.chunk) {
    if (data.chunk !== doc.chunk.id || data.rev !== doc.chunk.rev) return `holds chunk ${data.chunk} r${data.rev}, not ${doc.chunk.id} r${doc.chunk.rev}`;
    const count = (data.entries ?? data.articles ?? []).length;
    if (count !== doc.chunk.count) return `holds ${count} articles; desk.json says ${doc.chunk.count}`;
  } else if (doc.rev !== null && data.rev !== doc.rev) return `holds revision ${data.rev}, not ${doc.rev}`;
  return null;
}
