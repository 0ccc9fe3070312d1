import { create } from 'zustand';
import type { BulkResult } from '../../electron/core/api';
import { deskApi } from '../api';
import { useReader } from './reader-store';
import { useSave } from './save-store';

interface BatchState {
  /** The last change made to several articles at once, which one Undo takes back. */
  last: { message: string; batch: string } | null;
  busy: boolean;
  error: string | null;
  remember(message: string, result: BulkResult): void;
  undo(): Promise<void>;
  dismiss(): void;
}

export const useBatch = create<BatchState>((set, get) => ({
  last: null,
  busy: false,
  error: null,

  remember(message, result) {
    set({ last: result.batch ? { message, batch: result.batch } : null, error: null });
  },

  async undo() {
    const last = get().last;
    if (!deskApi || !last || get().busy) return;
    set({ busy: true, error: null });
    const r = await useSave.getState().track(() => deskApi!.client.undoBatch({ batch: last.batch }));
    if (r.ok) {
      set({ busy: false, last: null });
      await useReader.getState().refresh();
    } else set({ busy: false, error: r.error.message });
  },

  dismiss() {
    set({ last: null, error: null });
  },
}));

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
