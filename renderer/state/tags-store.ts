import { create } from 'zustand';
import { deskApi } from '../api';
import { plural, useBatch } from './batch-store';
import { useReader } from './reader-store';
import { useSave } from './save-store';

interface TagsState {
  busy: boolean;
  /** The desk's answer when a tag could not be added or removed (empty, too long…), shown by the input. */
  error: string | null;
  /** The same for renaming, shown in the tag manager. */
  renameError: string | null;
  add(ids: string[], raw: string): Promise<boolean>;
  remove(ids: string[], raw: string): Promise<boolean>;
  rename(from: string, to: string): Promise<boolean>;
  clearErrors(): void;
}

/** "russia, north korea" is two tags; the desk trims, folds case for matching and rejects what is not a tag. */
export const splitTags = (raw: string): string[] => {
  const parts = raw.split(',');
  const tags = parts.filter((t) => t.trim() !== '');
  // Keep one (empty or blank) entry so the desk, not the page, explains why nothing was added.
  return tags.length > 0 ? tags : [raw];
};

/** Adds or removes tags on any articles; answers with the desk's message when it refused. */
export async function changeTags(kind: 'addTags' | 'removeTags', ids: string[], raw: string): Promise<string | null> {
  if (!deskApi) return 'Not connected to a desk.';
  const tags = splitTags(raw);
  const r = await useSave.getState().track(() => deskApi!.client[kind]({ ids, tags }));
  if (!r.ok) return r.error.message;
  if (ids.length > 1) {
    const what = kind === 'addTags' ? `Tagged ${plural(r.value.changed, 'article')} “${tags.join(', ').trim()}”` : `Removed “${tags.join(', ').trim()}” from ${plural(r.value.changed, 'article')}`;
    useBatch.getState().remember(what, r.value);
  }
  if (ids.includes(useReader.getState().openId ?? '')) await useReader.getState().refresh();
  return null;
}

export const useTags = create<TagsState>((set) => ({
  busy: false,
  error: null,
  renameError: null,

  async add(ids, raw) {
    set({ busy: true, error: null });
    const error = await changeTags('addTags', ids, raw);
    set({ busy: false, error });
    return error === null;
  },

  async remove(ids, raw) {
    set({ busy: true, error: null });
    const error = await changeTags('removeTags', ids, raw);
    set({ busy: false, error });
    return error === null;
  },

  /** One step across the desk; renaming onto an existing tag merges the two. Undone as one batch. */
  async rename(from, to) {
    if (!deskApi) return false;
    set({ busy: true, renameError: null });
    const r = await useSave.getState().track(() => deskApi!.client.renameTag({ from, to }));
    if (!r.ok) {
      set({ busy: false, renameError: r.error.message });
      return false;
    }
    useBatch.getState().remember(`Renamed “${from}” to “${to.trim()}” on ${plural(r.value.changed, 'article')}`, r.value);
    set({ busy: false });
    await useReader.getState().refresh();
    return true;
  },

  clearErrors() {
    set({ error: null, renameError: null });
  },
}));

/** A refusal belongs to the article it was about. */
useReader.subscribe((s, prev) => {
  if (s.openId !== prev.openId && useTags.getState().error) useTags.setState({ error: null });
});
