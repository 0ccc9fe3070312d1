import { create } from 'zustand';
import type { ArticleView } from '../../electron/core/api';
import type { Status } from '../../electron/core/statuses';
import type { Result } from '../../electron/core/result';
import { deskApi } from '../api';
import { parseField } from '../../electron/core/revisions';
import { NULLABLE_FIELDS, fieldText, originalOf, reapplyText } from '../lib/fields';
import { useReader } from './reader-store';
import { useSave } from './save-store';

/** What the inline editor is open on: a field (headline, paragraph:3…), a new paragraph, or a removal. */
export type Editing =
  | { kind: 'field'; field: string; label: string; original: string }
  | { kind: 'insert'; position: number }
  | { kind: 'remove'; index: number };

interface EditorState {
  editing: Editing | null;
  draft: string;
  reason: string;
  busy: boolean;
  /** Why the last save failed; the typed text stays in the editor. */
  error: string | null;
  start(editing: Editing, initial?: string): void;
  setDraft(text: string): void;
  setReason(text: string): void;
  cancel(): void;
  save(): Promise<boolean>;
  revertField(field: string): Promise<boolean>;
  revertArticle(): Promise<boolean>;
  undo(): Promise<boolean>;
  redo(): Promise<boolean>;
  setStatus(status: Status, note: string): Promise<boolean>;
  acknowledge(revision: string): Promise<boolean>;
  reapply(revision: string): Promise<boolean>;
}

const openArticle = (): ArticleView | null => useReader.getState().article;

/** Sends one change for the open article; the article the desk answers with replaces the one on screen. */
async function change(call: (id: string) => Promise<Result<ArticleView>>): Promise<Result<ArticleView> | null> {
  const a = openArticle();
  if (!deskApi || !a) return null;
  const r = await useSave.getState().track(() => call(a.id));
  if (r.ok) useReader.getState().replace(r.value);
  return r;
}

const reasonOf = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export const useEditor = create<EditorState>((set, get) => ({
  editing: null,
  draft: '',
  reason: '',
  busy: false,
  error: null,

  start(editing, initial = '') {
    set({ editing, draft: editing.kind === 'field' ? editing.original : initial, reason: '', error: null, busy: false });
  },

  setDraft(text) {
    set({ draft: text });
  },

  setReason(text) {
    set({ reason: text });
  },

  cancel() {
    set({ editing: null, draft: '', reason: '', error: null, busy: false });
  },

  async save() {
    const { editing, draft, reason, busy } = get();
    if (!editing || busy || !deskApi) return false;
    const client = deskApi.client;
    const why = reasonOf(reason);
    if (editing.kind === 'field' && draft === editing.original) {
      get().cancel();
      return true;
    }
    set({ busy: true, error: null });
    const r = await change((id) => {
      if (editing.kind === 'insert') return client.insertParagraph({ id, position: editing.position, text: draft, reason: why });
      if (editing.kind === 'remove') return client.removeParagraph({ id, index: editing.index, reason: why });
      const text = draft.trim() === '' && NULLABLE_FIELDS.has(editing.field) ? null : draft;
      return client.correctField({ id, field: editing.field, text, reason: why });
    });
    if (!r) return false;
    // Only an answer about the same edit may close the editor; the typed text stays on any failure.
    if (get().editing !== editing) return r.ok;
    if (r.ok) get().cancel();
    else set({ busy: false, error: r.error.message });
    return r.ok;
  },

  async revertField(field) {
    const a = openArticle();
    const f = parseField(field);
    if (!a || !f) return false;
    // revertField takes content fields; the date and the notes go back through correctField.
    const r = await change((id) =>
      f.kind === 'other'
        ? deskApi!.client.correctField({ id, field, text: fieldText(originalOf(a), field) || null, reason: 'reverted to the original' })
        : deskApi!.client.revertField({ id, field }),
    );
    if (r?.ok) get().cancel();
    return r?.ok ?? false;
  },

  async revertArticle() {
    const r = await change((id) => deskApi!.client.revertArticle({ id }));
    return r?.ok ?? false;
  },

  async undo() {
    const r = await change((id) => deskApi!.client.undo({ id }));
    return r?.ok ?? false;
  },

  async redo() {
    const r = await change((id) => deskApi!.client.redo({ id }));
    return r?.ok ?? false;
  },

  async setStatus(status, note) {
    const a = openArticle();
    if (!deskApi || !a) return false;
    const r = await useSave.getState().track(() => deskApi!.client.setStatus({ ids: [a.id], status, note: reasonOf(note) }));
    if (r.ok) await useReader.getState().refresh();
    return r.ok;
  },

  async acknowledge(revision) {
    const r = await change((id) => deskApi!.client.acknowledgeRevision({ id, revision }));
    return r?.ok ?? false;
  },

  /** Puts a held correction's text back, then marks it reviewed so the banner lets it go. */
  async reapply(revision) {
    const rev = openArticle()?.revisions.find((v) => v.id === revision);
    const text = rev ? reapplyText(rev) : undefined;
    if (!rev || text === undefined) return false;
    const put = await change((id) => deskApi!.client.correctField({ id, field: rev.field, text, reason: rev.reason ?? `re-applied ${rev.id} after the source changed` }));
    if (!put?.ok) return false;
    return get().acknowledge(revision);
  },
}));

/** A different article, or none: whatever was being edited, and any failure to save it, belonged to the last one. */
useReader.subscribe((s, prev) => {
  if (s.openId === prev.openId) return;
  useEditor.getState().cancel();
  if (useSave.getState().error) useSave.setState({ error: null });
});
