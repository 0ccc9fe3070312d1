import { create } from 'zustand';
import type { Status } from '../../electron/core/statuses';
import { statusLabel } from '../components/StatusBadge';
import { deskApi } from '../api';
import { plural, useBatch } from './batch-store';
import { loadedCount, loadedRows } from './list-pages';
import { type ListFilters, PAGE_SIZE, listRowAt, toQuery, useList } from './list-store';
import { useReader } from './reader-store';
import { useSave } from './save-store';
import { changeTags } from './tags-store';

interface SelectionState {
  /** Chosen articles, by id, so a selection survives the list reloading under it. */
  ids: ReadonlySet<string>;
  /** Where the last plain toggle happened, for Shift+click ranges. */
  anchor: number | null;
  busy: boolean;
  error: string | null;
  toggle(index: number): void;
  extendTo(index: number): void;
  selectAll(): Promise<void>;
  clear(): void;
  setStatus(status: Status): Promise<boolean>;
  addTags(raw: string): Promise<boolean>;
  removeTags(raw: string): Promise<boolean>;
}

const idAt = (index: number): string | undefined => listRowAt(index)?.id;

export const useSelection = create<SelectionState>((set, get) => {
  /** Runs one bulk change over the selection; the list and the reader follow through the desk's change event. */
  const run = async (work: (ids: string[]) => Promise<string | null>): Promise<boolean> => {
    const ids = [...get().ids];
    if (ids.length === 0) return false;
    set({ busy: true, error: null });
    const error = await work(ids);
    set({ busy: false, error });
    return error === null;
  };

  return {
    ids: new Set(),
    anchor: null,
    busy: false,
    error: null,

    toggle(index) {
      const id = idAt(index);
      if (!id) return;
      const ids = new Set(get().ids);
      if (ids.has(id)) ids.delete(id);
      else ids.add(id);
      set({ ids, anchor: index, error: null });
    },

    extendTo(index) {
      const anchor = get().anchor ?? useList.getState().selected;
      const ids = new Set(get().ids);
      for (let i = Math.min(anchor, index); i <= Math.max(anchor, index); i++) {
        const id = idAt(i);
        if (id) ids.add(id);
      }
      set({ ids, error: null });
    },

    /** Everything the current filters show, including rows the virtual list has not loaded yet. */
    async selectAll() {
      const list = useList.getState();
      if (!deskApi || !list.total) return;
      if (loadedCount(list.pages) >= list.total) {
        set({ ids: new Set(Array.from(loadedRows(list.pages, PAGE_SIZE), ([, r]) => r.id)), error: null });
        return;
      }
      const r = await deskApi.client.listArticles(toQuery(list, 0, list.total));
      if (r.ok) set({ ids: new Set(r.value.items.map((i) => i.id)), error: null });
      else set({ error: r.error.message });
    },

    clear() {
      set({ ids: new Set(), anchor: null, error: null });
    },

    setStatus(status) {
      return run(async (ids) => {
        const r = await useSave.getState().track(() => deskApi!.client.setStatus({ ids, status }));
        if (!r.ok) return r.error.message;
        if (ids.length > 1) useBatch.getState().remember(`Set ${plural(r.value.changed, 'article')} to ${statusLabel(status)}`, r.value);
        if (ids.includes(useReader.getState().openId ?? '')) await useReader.getState().refresh();
        return null;
      });
    },

    addTags(raw) {
      return run((ids) => changeTags('addTags', ids, raw));
    },

    removeTags(raw) {
      return run((ids) => changeTags('removeTags', ids, raw));
    },
  };
});

const FILTER_KEYS: (keyof ListFilters)[] = ['query', 'sort', 'order', 'statuses', 'tag', 'file', 'hasWarnings'];

/** Choosing other filters starts a new selection: a bulk change should only ever touch what is in view. */
useList.subscribe((s, prev) => {
  if (FILTER_KEYS.some((k) => s[k] !== prev[k]) && useSelection.getState().ids.size > 0) useSelection.getState().clear();
});
