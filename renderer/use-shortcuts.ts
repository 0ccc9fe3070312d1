import { useEffect } from 'react';
import { useEditor } from './state/editor-store';
import { listRowAt, useList } from './state/list-store';
import { useReader } from './state/reader-store';
import { useSelection } from './state/selection-store';

interface Targets {
  search: React.RefObject<HTMLInputElement | null>;
  list: React.RefObject<HTMLDivElement | null>;
  reader: React.RefObject<HTMLElement | null>;
}

const typing = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);

/** Buttons, links and tabs answer Enter and Space themselves. */
const control = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.tagName === 'BUTTON' || el.tagName === 'A' || el.tagName === 'SUMMARY' || el.getAttribute('role') === 'tab');

/**
 * The desk's keys: j/k or arrows move, / searches, Enter opens, Esc goes back, Space selects the row for a bulk
 * change, Ctrl/⌘+Z and Ctrl/⌘+Shift+Z (or Ctrl+Y) undo and redo the open article. Letters never fire while
 * the editor is typing, and undo there is the text box's own; Esc always works. A modal dialog keeps its keys.
 */
export function useShortcuts(t: Targets): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.target instanceof Element && e.target.closest('dialog')) return;
      const list = useList.getState();
      const reader = useReader.getState();

      if ((e.ctrlKey || e.metaKey) && !e.altKey) {
        if (!reader.openId || typing(e.target)) return;
        const key = e.key.toLowerCase();
        if (key === 'z' || (key === 'y' && e.ctrlKey && !e.metaKey)) {
          e.preventDefault();
          if (key === 'y' || e.shiftKey) void useEditor.getState().redo();
          else void useEditor.getState().undo();
        }
        return;
      }
      if (e.metaKey || e.ctrlKey || e.altKey) return;

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
      const inList = t.list.current?.contains(e.target as Node) ?? false;

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
      } else if (e.key === ' ' && inList) {
        e.preventDefault();
        if (e.shiftKey) useSelection.getState().extendTo(list.selected);
        else useSelection.getState().toggle(list.selected);
      } else if (e.key === 'Enter' && !inReader && !control(e.target)) {
        const row = listRowAt(list.selected);
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
  const reader = useReader.getState();
  const row = listRowAt(useList.getState().selected);
  if (reader.openId && row && row.id !== reader.openId) void reader.open(row.id);
}
