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
  /** Shows the article as the desk just returned it after a change. */
  replace(view: ArticleView): void;
  /** Fetches the open article again (after a change that answers with counts, not the article). */
  refresh(): Promise<void>;
  close(): void;
  setFocus(ref: FieldRef | null): void;
}

/**
 * History only grows, so of two answers for the same article the one with more revisions is the later: a slow
 * refetch started by an earlier change must not put back what a later change replaced.
 */
function newer(shown: ArticleView | null, next: ArticleView): ArticleView {
  if (shown && shown.id === next.id && shown.revisions.length > next.revisions.length) return shown;
  return next;
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
    if (r.ok) set({ article: newer(get().article, r.value), loading: false });
    else set({ article: null, loading: false, error: r.error.message });
  },

  replace(view) {
    if (get().openId === view.id) set({ article: newer(get().article, view), error: null });
  },

  async refresh() {
    const id = get().openId;
    if (id) await get().open(id);
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
