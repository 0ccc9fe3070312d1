import { create } from 'zustand';
import type { ArticleView } from '../../electron/core/api';
import { deskApi } from '../api';

export type FieldRef = { field: string; index: number | null };

interface ReaderState {
  openId: string | null;
  article: ArticleView | null;
  loading: boolean;
  error: string | null;
  /** The field whose span is highlighted in the source pane. */
  focus: FieldRef | null;
  open(id: string): Promise<void>;
  close(): void;
  setFocus(ref: FieldRef | null): void;
}

export const useReader = create<ReaderState>((set, get) => ({
  openId: null,
  article: null,
  loading: false,
  error: null,
  focus: null,

  async open(id) {
    if (!deskApi) return;
    set({ openId: id, loading: true, error: null, focus: get().openId === id ? get().focus : null });
    const r = await deskApi.client.getArticle({ id });
    if (get().openId !== id) return;
    if (r.ok) set({ article: r.value, loading: false });
    else set({ article: null, loading: false, error: r.error.message });
  },

  close() {
    set({ openId: null, article: null, error: null, focus: null });
  },

  setFocus(ref) {
    set({ focus: ref });
  },
}));

deskApi?.onEvent((e) => {
  const { openId, open } = useReader.getState();
  if (e.type === 'articles-changed' && openId && e.ids.includes(openId)) void open(openId);
});
