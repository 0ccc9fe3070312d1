import type { ContentBatch } from './content-batch.js';
import type { IndexState } from './index-state.js';

/**
 * What the import's indexing thread and the thread that owns the desk say to each other (background-indexer.ts,
 * index-worker.ts). The worker starts from a copy of the index (its workerData), indexes each batch in the
 * order sent and acknowledges it, and on `finish` hands the whole index back and exits.
 */
export const INDEXER_ROLE = 'copydesk-search-indexer';

/** The worker's bundle, which scripts/build.ts writes beside the app's main.js. */
export const INDEXER_BUNDLE = 'search-indexer.cjs';

/** Marked with a role, so the worker module serves only a thread started for it (not, say, a test runner's). */
export interface IndexerData {
  role: typeof INDEXER_ROLE;
  base: IndexState;
}

export type ToIndexer = { type: 'add'; batch: ContentBatch } | { type: 'finish' };

export type FromIndexer = { type: 'added' } | { type: 'done'; state: IndexState };
