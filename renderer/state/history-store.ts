import { create } from 'zustand';
import { useReader } from './reader-store';

export type SideTab = 'source' | 'changes' | 'history' | 'factcheck';

interface HistoryState {
  /** What stands beside the article: its source, a diff, or its history. */
  tab: SideTab;
  /** Points in history: 0 is the original parse, n is the state after the n-th revision; null `to` is now. */
  from: number;
  to: number | null;
  /** "article" or one diff section's key (headline, body, paragraph…). */
  scope: string;
  showUnchanged: boolean;
  setTab(tab: SideTab): void;
  setFrom(point: number): void;
  setTo(point: number | null): void;
  /** Opens the diff between two points. */
  compare(from: number, to: number | null): void;
  setScope(scope: string): void;
  setShowUnchanged(show: boolean): void;
}

export const useHistory = create<HistoryState>((set) => ({
  tab: 'source',
  from: 0,
  to: null,
  scope: 'article',
  showUnchanged: false,

  setTab(tab) {
    set({ tab });
  },
  setFrom(from) {
    set({ from });
  },
  setTo(to) {
    set({ to });
  },
  compare(from, to) {
    set({ from, to, tab: 'changes' });
  },
  setScope(scope) {
    set({ scope });
  },
  setShowUnchanged(showUnchanged) {
    set({ showUnchanged });
  },
}));

/** Another article: its history has other points, so compare its original with now again. */
useReader.subscribe((s, prev) => {
  if (s.openId !== prev.openId) useHistory.setState({ from: 0, to: null, scope: 'article' });
});
