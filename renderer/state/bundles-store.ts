import { create } from 'zustand';
import type { BundleSummary, BundleView } from '../../electron/core/api';
import type { Result } from '../../electron/core/result';
import { deskApi } from '../api';
import { applyMove, describeBundleChange, orderSelection } from '../features/bundles/bundle-order';
import { loadedRows } from './list-pages';
import { PAGE_SIZE, toQuery, useList } from './list-store';
import { useReader } from './reader-store';
import { useSelection } from './selection-store';

/** What the right-hand pane shows: the article reader, or the bundles. */
export type PaneView = 'reader' | 'bundles';
/** Where a new bundle's articles come from. */
export type BundleSource = 'selection' | 'filter' | 'empty';
export type BundleDialog = { kind: 'create'; source: BundleSource } | { kind: 'add' } | null;

interface BundlesState {
  view: PaneView;
  /** Live bundles, most recently changed first; null until first loaded. */
  bundles: BundleSummary[] | null;
  listError: string | null;
  openId: string | null;
  bundle: BundleView | null;
  loading: boolean;
  /** Why the last change to the open bundle was refused; the bundle shown is the desk's again. */
  error: string | null;
  /** Changes sent and not yet answered; while any are out, the bundle on screen is ahead of the desk's. */
  pending: number;
  /** Said by the panel's live region: what a move, undo or removal just did. */
  announcement: string;
  /** The bundle just deleted, which Undo brings back. */
  deleted: { id: string; name: string } | null;
  /** The bundle the reader was opened from: Esc in the reader comes back to it. */
  cameFrom: string | null;
  dialog: BundleDialog;

  showBundles(): void;
  showReader(): void;
  toggleView(): void;
  openDialog(dialog: BundleDialog): void;
  loadList(): Promise<void>;
  open(id: string): Promise<void>;
  refresh(): Promise<void>;
  create(input: { name: string; description: string; source: BundleSource }): Promise<string | null>;
  addTo(id: string, ids: string[]): Promise<{ added: number; name: string } | string>;
  update(patch: { name?: string; description?: string }): Promise<string | null>;
  move(articleId: string, to: number): Promise<void>;
  remove(articleId: string): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  deleteOpen(): Promise<void>;
  restoreDeleted(): Promise<void>;
  openArticle(articleId: string): Promise<void>;
  dismissError(): void;
}

/** The selected articles in the list's order, for a bundle or an export made from them. */
export const selectedInOrder = (): string[] => orderSelection(useSelection.getState().ids, loadedRows(useList.getState().pages, PAGE_SIZE));

/** The list's filter as a query the desk runs whole (offset and limit are ignored by createBundle). */
const currentFilter = () => {
  const { offset: _o, limit: _l, ...query } = toQuery(useList.getState(), 0, 1);
  return query;
};

const byModified = (a: BundleSummary, b: BundleSummary): number => b.modifiedAt.localeCompare(a.modifiedAt) || a.name.localeCompare(b.name);
const headlineIn = (b: BundleView | null) => (id: string) => b?.articles.find((a) => a.id === id)?.headline ?? null;
const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * Bundle changes leave one at a time, in order: each keyboard move is computed from the order the one before
 * left, so two moves answered out of order would put articles where nobody asked.
 */
let chain: Promise<unknown> = Promise.resolve();

export const useBundles = create<BundlesState>((set, get) => {
  /** Announces even when the same words come twice in a row (a live region ignores an unchanged text). */
  const say = (text: string): void => set({ announcement: get().announcement === text ? `${text}\u00a0` : text });

  /** Sends one change to the open bundle; the desk's answer replaces the bundle once nothing else is out. */
  const change = async (call: () => Promise<Result<BundleView>>, shown = true): Promise<Result<BundleView>> => {
    if (!shown) {
      const run = chain.then(call);
      chain = run.catch(() => undefined);
      return run;
    }
    set({ pending: get().pending + 1, error: null });
    const run = chain.then(call);
    chain = run.catch(() => undefined);
    const r = await run.catch((e: unknown) => ({ ok: false as const, error: { code: 'INTERNAL' as const, message: String(e) } }));
    const pending = get().pending - 1;
    set({ pending });
    if (!r.ok) {
      set({ error: r.error.message });
      // Whatever was shown ahead of the desk is wrong now: show the desk's bundle again.
      if (pending === 0) await get().refresh();
    } else if (pending === 0 && r.value.id === get().openId) set({ bundle: r.value });
    return r;
  };

  return {
    view: 'reader',
    bundles: null,
    listError: null,
    openId: null,
    bundle: null,
    loading: false,
    error: null,
    pending: 0,
    announcement: '',
    deleted: null,
    cameFrom: null,
    dialog: null,

    showBundles() {
      set({ view: 'bundles', cameFrom: null });
      if (get().bundles === null) void get().loadList();
    },

    showReader() {
      set({ view: 'reader' });
    },

    toggleView() {
      if (get().view === 'bundles') get().showReader();
      else get().showBundles();
    },

    openDialog(dialog) {
      set({ dialog });
      if (dialog && get().bundles === null) void get().loadList();
    },

    async loadList() {
      if (!deskApi) return;
      const r = await deskApi.client.listBundles({});
      if (r.ok) set({ bundles: [...r.value].sort(byModified), listError: null });
      else set({ listError: r.error.message });
    },

    async open(id) {
      if (!deskApi) return;
      set({ openId: id, view: 'bundles', loading: get().bundle?.id !== id, error: null, deleted: null });
      const r = await deskApi.client.getBundle({ id });
      if (get().openId !== id) return;
      if (r.ok && !r.value.deleted) set({ bundle: r.value, loading: false });
      else set({ bundle: null, openId: null, loading: false, error: r.ok ? null : r.error.message });
    },

    async refresh() {
      const id = get().openId;
      if (id && get().pending === 0) await get().open(id);
    },

    async create({ name, description, source }) {
      if (!deskApi) return 'Not connected to a desk.';
      const from = source === 'selection' ? { ids: selectedInOrder() } : source === 'filter' ? { query: currentFilter() } : {};
      const r = await deskApi.client.createBundle({ name, description, ...from });
      if (!r.ok) return r.error.message;
      set({ openId: r.value.id, bundle: r.value, view: 'bundles', error: null, deleted: null, dialog: null });
      say(`Created the bundle “${r.value.name}” with ${plural(r.value.count, 'article')}.`);
      await get().loadList();
      return null;
    },

    async addTo(id, ids) {
      if (!deskApi) return 'Not connected to a desk.';
      let added = 0;
      // Through the same queue as the open bundle's own changes, so an add never lands between two moves.
      const r = await change(() =>
        deskApi!.client.addToBundle({ id, ids }).then((res): Result<BundleView> => {
          if (!res.ok) return res;
          added = res.value.added;
          return { ok: true, value: res.value.bundle };
        }),
        id === get().openId,
      );
      if (!r.ok) return r.error.message;
      void get().loadList();
      return { added, name: r.value.name };
    },

    async update(patch) {
      const b = get().bundle;
      if (!deskApi || !b) return 'No bundle is open.';
      const r = await change(() => deskApi!.client.updateBundle({ id: b.id, ...patch }));
      if (!r.ok) return r.error.message;
      say(`Saved the bundle’s details.`);
      void get().loadList();
      return null;
    },

    async move(articleId, to) {
      const b = get().bundle;
      if (!deskApi || !b) return;
      const from = b.articleIds.indexOf(articleId);
      if (from === -1 || to === from || to < 0 || to >= b.articleIds.length) return;
      const name = headlineIn(b)(articleId);
      // Shown at once: the desk's answer follows, and every later move starts from this order.
      set({ bundle: applyMove(b, articleId, to) });
      say(`${name ? `“${name}”` : 'The missing article'} moved to position ${to + 1} of ${b.articleIds.length}.`);
      await change(() => deskApi!.client.moveInBundle({ id: b.id, articleId, to }));
    },

    async remove(articleId) {
      const b = get().bundle;
      if (!deskApi || !b) return;
      const name = headlineIn(b)(articleId);
      const r = await change(() =>
        deskApi!.client.removeFromBundle({ id: b.id, ids: [articleId] }).then((res): Result<BundleView> => (res.ok ? { ok: true, value: res.value.bundle } : res)),
      );
      if (!r.ok) return;
      say(`Removed ${name ? `“${name}”` : 'the missing article'} from the bundle. Undo puts it back.`);
      void get().loadList();
    },

    async undo() {
      const b = get().bundle;
      if (!deskApi || !b?.nextUndo) return;
      const rev = b.revisions.find((x) => x.id === b.nextUndo);
      const r = await change(() => deskApi!.client.undoBundle({ id: b.id }));
      if (!r.ok) return;
      if (r.value.deleted) {
        // Undoing the creation takes the bundle away again, as the history says.
        set({ openId: null, bundle: null, deleted: { id: r.value.id, name: r.value.name } });
      }
      say(`Undid ${rev ? describeBundleChange(rev, headlineIn(b)) : 'the last change'}.`);
      void get().loadList();
    },

    async redo() {
      const b = get().bundle;
      if (!deskApi || !b?.nextRedo) return;
      const rev = b.revisions.find((x) => x.id === b.nextRedo);
      const r = await change(() => deskApi!.client.redoBundle({ id: b.id }));
      if (!r.ok) return;
      say(`Redid ${rev ? describeBundleChange(rev, headlineIn(b)) : 'the change'}.`);
      void get().loadList();
    },

    async deleteOpen() {
      const b = get().bundle;
      if (!deskApi || !b) return;
      const r = await change(() => deskApi!.client.deleteBundle({ id: b.id }));
      if (!r.ok) return;
      set({ openId: null, bundle: null, deleted: { id: b.id, name: b.name } });
      say(`Deleted the bundle “${b.name}”. Undo brings it back.`);
      await get().loadList();
    },

    async restoreDeleted() {
      const d = get().deleted;
      if (!deskApi || !d) return;
      const r = await deskApi.client.undoBundle({ id: d.id });
      if (!r.ok) {
        set({ error: r.error.message });
        return;
      }
      set({ deleted: null });
      say(`Brought back the bundle “${r.value.name}”.`);
      await get().loadList();
      await get().open(d.id);
    },

    async openArticle(articleId) {
      set({ cameFrom: get().openId });
      await useReader.getState().open(articleId);
    },

    dismissError() {
      set({ error: null });
    },
  };
});

/** Opening an article shows the reader; closing one that was opened from a bundle goes back to the bundle. */
useReader.subscribe((s, prev) => {
  if (s.openId === prev.openId) return;
  const bundles = useBundles.getState();
  if (s.openId) useBundles.setState({ view: 'reader' });
  else if (bundles.cameFrom) useBundles.setState({ view: 'bundles', cameFrom: null });
});

/** Another window (or an import) changed bundles, or articles a bundle shows: follow the desk. */
deskApi?.onEvent((e) => {
  const s = useBundles.getState();
  if (e.type === 'bundles-changed') {
    if (s.bundles !== null || s.dialog) void s.loadList();
    if (s.openId && e.ids.includes(s.openId)) void s.refresh();
  } else if (e.type === 'articles-changed' && s.bundle && e.ids.some((id) => s.bundle!.articleIds.includes(id))) {
    void s.refresh();
  }
});
