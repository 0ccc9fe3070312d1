import { DocTable } from './doc-table.js';
import { type ArenaParts, PostingArena } from './posting-arena.js';
import { SearchIndex } from './search-index.js';
import { type DictionaryParts, TermDictionary } from './term-dictionary.js';

/**
 * A search index as plain data (strings, arrays and typed arrays), for handing it between threads with
 * postMessage. Unlike the index file (index-file.ts), which renumbers terms in string order and drops dead
 * documents, this keeps every number, every dead document and the order new terms wait in: the index restored
 * from it is the same index, and goes on exactly as the original would have. That is what lets a worker index
 * an import on a copy and hand back an index identical to the one indexing in place would have built.
 */
export interface IndexState {
  dictionary: DictionaryParts;
  arena: ArenaParts;
  docs: { ids: string[]; lengths: Uint32Array; hashes: Uint32Array; alive: Uint8Array };
}

/** Views of the index's own memory: clone it (postMessage without a transfer list) to keep using the index. */
export function captureState(index: SearchIndex): IndexState {
  const { ids, lengths, hashes, alive } = index.docs;
  return { dictionary: index.dictionary.parts(), arena: index.arena.parts(), docs: { ids, lengths, hashes, alive } };
}

export function restoreIndex(state: IndexState): SearchIndex {
  const { ids, lengths, hashes, alive } = state.docs;
  return new SearchIndex({
    dictionary: TermDictionary.restore(state.dictionary),
    arena: PostingArena.restore(state.arena),
    docs: DocTable.fromParts(ids, lengths, hashes, alive),
  });
}

/** The buffers to move rather than copy when the sender gives the index up. */
export function stateBuffers(state: IndexState): ArrayBuffer[] {
  const { terms } = state.arena;
  const views = [
    state.dictionary.sorted,
    ...state.arena.pages,
    terms.head,
    terms.tail,
    terms.tailCap,
    terms.tailUsed,
    terms.lastDoc,
    terms.df,
    state.docs.lengths,
    state.docs.hashes,
    state.docs.alive,
  ];
  // Pages read from an index file share that file's buffer; each buffer is listed once.
  return [...new Set(views.map((v) => v.buffer as ArrayBuffer))];
}
