import { useEffect } from 'react';
import { useList } from './state/list-store';
import { useReader } from './state/reader-store';

interface Targets {
  search: React.RefObject<HTMLInputElement | null>;
  list: React.RefObject<HTMLDivElement | null>;
  reader: React.RefObject<HTMLElement | null>;
}

const typing = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);

/**
 * The desk's keys: j/k or arrows move, / searches, Enter opens, Esc goes back. Letters never fire while the
 * editor is typing; Esc always works.
 */
export function useShortcuts(t: Targets): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      const list = useList.getState();
      const reader = useReader.getState();

      if (e.key === 'Escape') {
        if (typing(e.target)) {
          (e.target as HTMLElement).blur();
          t.list.current?.focus();
        } else if (reader.openId) {
          reader.close();
          t.list.current?.focus();
        }
        return;
      }
      if (typing(e.target)) return;
      const inReader = t.reader.current?.contains(e.target as Node) ?? false;

      if (e.key === '/') {
        e.preventDefault();
        t.search.current?.focus();
        t.search.current?.select();
      } else if (e.key === 'j' || (e.key === 'ArrowDown' && !inReader)) {
        e.preventDefault();
        list.move(1);
        followSelection();
      } else if (e.key === 'k' || (e.key === 'ArrowUp' && !inReader)) {
        e.preventDefault();
        list.move(-1);
        followSelection();
      } else if (e.key === 'Enter' && !inReader) {
        const row = list.rows.get(list.selected);
        if (row) {
          e.preventDefault();
          void reader.open(row.id).then(() => t.reader.current?.focus());
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [t.search, t.list, t.reader]);
}

/** With the reader open, moving through the list moves the reader too, as in a mail client's split view. */
function followSelection(): void {
  const { rows, selected } = useList.getState();
  const reader = useReader.getState();
  const row = rows.get(selected);
  if (reader.openId && row && row.id !== reader.openId) void reader.open(row.id);
}
