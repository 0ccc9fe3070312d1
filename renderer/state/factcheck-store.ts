import { create } from 'zustand';
import type { InputOf } from '../../electron/core/api';
import type { Anchor, FactcheckView } from '../../electron/core/factcheck/types';
import { deskApi } from '../api';

type ClaimInput = Omit<InputOf<'upsertClaim'>, 'id'>;
type EntityFix = Omit<InputOf<'fixEntity'>, 'id'>;

interface FactcheckState {
  id: string | null;
  view: FactcheckView | null;
  loading: boolean;
  error: string | null;
  /** The claim, quote or date the editor chose ("claim:c1a2…", "quote:0"…); its words are marked in the article. */
  marked: string | null;
  markedAnchor: Anchor | null;
  load(id: string): Promise<void>;
  /**
   * Records a verdict on the words at `start` (the exact occurrence, not the first one with the same words);
   * answers the core's refusal as a message, or null when it was saved.
   */
  save(input: ClaimInput): Promise<string | null>;
  /** Makes a claim of words the editor selected in article `id`, and marks it; answers a refusal or null. */
  claimSelection(id: string, span: { text: string; start: number }): Promise<string | null>;
  /** Retypes, renames or removes an entity of the open article; the fix is stored with the article. */
  fixEntity(fix: EntityFix): Promise<string | null>;
  mark(key: string | null, anchor: Anchor | null): void;
}

export const useFactcheck = create<FactcheckState>((set, get) => ({
  id: null,
  view: null,
  loading: false,
  error: null,
  marked: null,
  markedAnchor: null,

  async load(id) {
    if (!deskApi) return;
    const same = get().id === id;
    set({ id, loading: true, error: null, ...(same ? {} : { view: null, marked: null, markedAnchor: null }) });
    const r = await deskApi.client.getFactcheck({ id });
    if (get().id !== id) return;
    if (r.ok) set({ view: r.value, loading: false });
    else set({ loading: false, error: r.error.message });
  },

  async save(input) {
    const id = get().id;
    if (!deskApi || !id) return 'No article is open.';
    const r = await deskApi.client.upsertClaim({ id, ...input });
    if (get().id !== id) return null;
    if (!r.ok) return r.error.message;
    set({ view: r.value });
    return null;
  },

  async claimSelection(id, span) {
    if (!deskApi) return 'The desk is not connected.';
    const at = (v: FactcheckView) => v.claims.find((c) => !c.orphaned && c.anchor.start === span.start && c.anchor.exact === span.text);
    const shown = get().id === id ? get().view : null;
    const before = shown ?? (await deskApi.client.getFactcheck({ id }).then((r) => (r.ok ? r.value : null)));
    const existing = before ? at(before) : undefined;
    let view = before;
    // Words a checker already ruled on are only shown: making them a claim again would reset the verdict.
    if (!existing || existing.checker === null) {
      const r = await deskApi.client.upsertClaim({ id, text: span.text, start: span.start, verdict: 'unverified' });
      if (!r.ok) return r.error.message;
      view = r.value;
    }
    const made = view ? at(view) : undefined;
    set({ id, view, loading: false, error: null, marked: made ? `claim:${made.id}` : null, markedAnchor: made?.anchor ?? null });
    return null;
  },

  async fixEntity(fix) {
    const id = get().id;
    if (!deskApi || !id) return 'No article is open.';
    const r = await deskApi.client.fixEntity({ id, ...fix });
    if (get().id !== id) return null;
    if (!r.ok) return r.error.message;
    set({ view: r.value });
    return null;
  },

  mark(marked, markedAnchor) {
    set({ marked, markedAnchor });
  },
}));
