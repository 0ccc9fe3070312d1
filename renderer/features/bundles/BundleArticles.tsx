import { useLayoutEffect, useRef, useState } from 'react';
import type { BundleView } from '../../../electron/core/api';
import { useBundles } from '../../state/bundles-store';
import { type ItemControl, BundleItem } from './BundleItem';
import { bundleEntries, dropPosition } from './bundle-order';

const DRAG_TYPE = 'application/x-copydesk-bundle-item';

/** The bundle's articles in order, reordered by dragging or from the keyboard, each move announced. */
export function BundleArticles({ bundle }: { bundle: BundleView }) {
  const { move, remove, openArticle } = useBundles.getState();
  const entries = bundleEntries(bundle);
  const listRef = useRef<HTMLOListElement | null>(null);
  const refocus = useRef<{ id: string; control: ItemControl } | null>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  const [drop, setDrop] = useState<{ id: string; after: boolean } | null>(null);

  // A moved item is re-inserted in the DOM, which drops its focus: give it back to the same control, or to the
  // item's other arrow when this one has just become disabled at an end of the list.
  useLayoutEffect(() => {
    const want = refocus.current;
    if (!want || !listRef.current) return;
    refocus.current = null;
    const item = listRef.current.querySelector<HTMLElement>(`[data-bundle-item="${CSS.escape(want.id)}"]`);
    const pick = (c: string) => item?.querySelector<HTMLButtonElement>(`[data-control="${c}"]:not(:disabled)`);
    (pick(want.control) ?? pick(want.control === 'up' ? 'down' : 'up') ?? pick('open'))?.focus();
  }, [bundle.articleIds]);

  const moveTo = (id: string, to: number, control: ItemControl | null): void => {
    if (control) refocus.current = { id, control };
    void move(id, to);
  };

  if (entries.length === 0) {
    return <p className="muted bundle-empty">This bundle is empty. Select articles in the list, then choose “Add to bundle…”.</p>;
  }

  return (
    <>
      <p className="muted bundle-hint" id="bundle-reorder-hint">
        Drag to reorder, or press Alt+↑ and Alt+↓ on an article. Choose a headline to open it.
      </p>
      <ol
        ref={listRef}
        className={`bundle-articles${dragId ? ' dragging' : ''}`}
        aria-label={`Articles in ${bundle.name}, in order`}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDrop(null);
        }}
      >
        {entries.map((entry, index) => (
          <BundleItem
            key={entry.id}
            entry={entry}
            index={index}
            count={entries.length}
            dragging={dragId === entry.id}
            dropSide={drop?.id === entry.id && dragId !== entry.id ? (drop.after ? 'after' : 'before') : null}
            onMove={(to, control) => moveTo(entry.id, to, control)}
            onRemove={() => void remove(entry.id)}
            onOpen={() => void openArticle(entry.id)}
            onDragStart={(e) => {
              e.dataTransfer.setData(DRAG_TYPE, entry.id);
              e.dataTransfer.effectAllowed = 'move';
              setDragId(entry.id);
            }}
            onDragOver={(e, after) => {
              if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              if (drop?.id !== entry.id || drop.after !== after) setDrop({ id: entry.id, after });
            }}
            onDrop={(e, after) => {
              if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
              // Ours, not a file for the window's import.
              e.preventDefault();
              e.stopPropagation();
              const dragged = e.dataTransfer.getData(DRAG_TYPE) || dragId;
              const to = dragged ? dropPosition(bundle.articleIds, dragged, entry.id, after) : null;
              setDrop(null);
              setDragId(null);
              if (dragged && to !== null) moveTo(dragged, to, null);
            }}
            onDragEnd={() => {
              setDragId(null);
              setDrop(null);
            }}
          />
        ))}
      </ol>
    </>
  );
}
