import { type MessagePort, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { unpackContents } from './content-batch.js';
import { type IndexState, captureState, restoreIndex, stateBuffers } from './index-state.js';
import { type FromIndexer, INDEXER_ROLE, type IndexerData, type ToIndexer } from './indexer-messages.js';
import { searchFields } from './search-index.js';

/**
 * The import's indexing thread (see background-indexer.ts): the same SearchIndex code as in the desk's own
 * thread, run on a copy of its index, so the index handed back is the one indexing in place would have made.
 * Only the search modules are loaded here (no store, no zod), so the thread starts fast.
 */
export function serveIndexing(port: MessagePort, base: IndexState): void {
  const index = restoreIndex(base);
  port.on('message', (m: ToIndexer) => {
    if (m.type === 'add') {
      for (const [id, content] of unpackContents(m.batch)) index.upsertFields(id, searchFields(content));
      port.postMessage({ type: 'added' } satisfies FromIndexer);
      return;
    }
    const state = captureState(index);
    // Moved, not copied: this thread is done with it (and is terminated once the index has arrived).
    port.postMessage({ type: 'done', state } satisfies FromIndexer, stateBuffers(state));
  });
}

const data = workerData as Partial<IndexerData> | null;
if (!isMainThread && parentPort && data?.role === INDEXER_ROLE && data.base) serveIndexing(parentPort, data.base);
