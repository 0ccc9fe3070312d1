import { create } from 'zustand';
import type { Anchor, FactcheckView } from '../../electron/core/factcheck/types';
import { deskApi } from '../api';

export type Verdict = 'unverified' | 'true' | 'mostly-true' | 'misleading' | 'false' | 'unproven';
export const VERDICT_OPTIONS: readonly Verdict[] = ['unverified', 'true', 'mostly-true', 'misleading', 'false', 'unproven'];

interface FactcheckState {
  id: string | null;
  view: FactcheckView | null;
  loading: boolean;
  error: string | null;
  /** The claim, quote or date the editor chose ("claim:3", "quote:0"…); its words are marked in the article. */
  marked: string | null;
  markedAnchor: Anchor | null;
  load(id: string): Promise<void>;
  /** Records a verdict; answers the core's refusal as a message, or null when it was saved. */
  save(input: { text: string; verdict: Verdict; note?: string; sources?: string[] }): Promise<string | null>;
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

  mark(marked, markedAnchor) {
    set({ marked, markedAnchor });
  },
}));
