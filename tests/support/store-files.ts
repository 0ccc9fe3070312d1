import { writeFile } from 'node:fs/promises';
import { rootText } from '../../electron/core/store/root-seal.js';
import type { ChunkRef } from '../../electron/core/store/layout.js';

/** A chunk ref without its file checksums: what tests compare when they mean "which chunk, which revision". */
export const refOnly = (c: ChunkRef): Pick<ChunkRef, 'id' | 'rev' | 'count'> => ({ id: c.id, rev: c.rev, count: c.count });

/**
 * Writes a hand-edited root as the desk would (sealed), for tests that stage a legitimate state — an older
 * format, a root from before bundles — rather than damage, which an unsealed edit is.
 */
export async function writeRootJson(path: string, root: unknown): Promise<void> {
  await writeFile(path, rootText(root));
}
