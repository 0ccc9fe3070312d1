import { create } from 'zustand';
import type { Settings } from '../../electron/core/model';
import { deskApi } from '../api';
import { useList } from './list-store';

interface SettingsState {
  settings: Settings | null;
  open: boolean;
  busy: boolean;
  error: string | null;
  load(): Promise<void>;
  save(patch: Partial<Settings>): Promise<boolean>;
  setOpen(open: boolean): void;
}

/** Who signs the revisions made from this window, and the verdict scale, kept with the desk. */
export const useSettings = create<SettingsState>((set) => ({
  settings: null,
  open: false,
  busy: false,
  error: null,

  async load() {
    if (!deskApi) return;
    const r = await deskApi.client.getSettings({});
    if (r.ok) set({ settings: r.value });
    else set({ error: r.error.message });
  },

  async save(patch) {
    if (!deskApi) return false;
    set({ busy: true, error: null });
    const r = await deskApi.client.updateSettings(patch);
    if (!r.ok) {
      set({ busy: false, error: r.error.message });
      return false;
    }
    set({ settings: r.value, busy: false, open: false });
    // The list's claims filters read ratings from the scale.
    if (patch.verdicts) void useList.getState().reload();
    return true;
  },

  setOpen(open) {
    set({ open, error: null });
  },
}));
