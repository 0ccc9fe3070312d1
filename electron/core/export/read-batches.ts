import type { ArticleRecord } from '../model.js';
import { DeskError } from '../result.js';
import type { Desk } from '../store/desk-store.js';
import { toExportArticle } from './build-article.js';
import type { ResolvedSelection } from './selection.js';
import type { ExportArticle } from './types.js';

export interface ExportProgress {
  phase: 'reading' | 'writing' | 'done';
  done: number;
  total: number;
}

/** Articles read per step: the store reads whole chunks, so a batch costs a handful of file reads. */
const BATCH = 256;

/**
 * Reads the selection in order, a batch at a time, each record folded once into what the formats see, so a large
 * export never holds every body at once. `visit` finishes with a batch before the next is read.
 */
export async function eachBatch(
  desk: Desk,
  sel: ResolvedSelection,
  visit: (batch: { record: ArticleRecord; view: ExportArticle }[]) => Promise<void> | void,
  onProgress: (p: ExportProgress) => void,
): Promise<void> {
  for (let i = 0; i < sel.ids.length; i += BATCH) {
    const ids = sel.ids.slice(i, i + BATCH);
    const records = await desk.getMany(ids);
    await visit(
      ids.map((id) => {
        const record = records.get(id);
        if (!record) throw new DeskError('NOT_FOUND', `article ${id} left the desk during the export`);
        return { record, view: toExportArticle(record) };
      }),
    );
    onProgress({ phase: 'reading', done: Math.min(i + BATCH, sel.ids.length), total: sel.ids.length });
  }
}
