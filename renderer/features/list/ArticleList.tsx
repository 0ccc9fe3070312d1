import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef } from 'react';
import { StateMessage } from '../../components/StateMessage';
import { rowAt } from '../../state/list-pages';
import { PAGE_SIZE, useList } from '../../state/list-store';
import { useReader } from '../../state/reader-store';
import { useSelection } from '../../state/selection-store';
import { ListRow, PlaceholderRow } from './ListRow';

const ROW_HEIGHT = 68;
/**
 * Row slots are keyed by index modulo this (or by the number shown, if more): the slot a row leaves is the one
 * the next row takes, so scrolling moves and refills the same elements instead of creating and dropping dozens
 * of them every frame, which a fast scroll paid for in layout and garbage collection.
 */
const SLOT_KEYS = 128;

/** Virtualised: only the rows in view exist in the DOM, and only their pages are fetched, at any desk size. */
export function ArticleList({ listRef }: { listRef: React.RefObject<HTMLDivElement | null> }) {
  // Each piece of the list's state on its own, so that a filter's count changing does not render the rows.
  const total = useList((s) => s.total);
  const pages = useList((s) => s.pages);
  const terms = useList((s) => s.terms);
  const selected = useList((s) => s.selected);
  const loading = useList((s) => s.loading);
  const error = useList((s) => s.error);
  const query = useList((s) => s.query);
  const generation = useList((s) => s.generation);
  const { ensureRange, reload, setFilters } = useList.getState();
  const checked = useSelection((s) => s.ids);
  // Rows that arrive are rendered in the background, where React can stop for a key press or the next
  // frame of a scroll; until then the rows already shown stay (unchanged rows are not rendered again). Where
  // no row is shown yet (the first page of a query), the rows are rendered at once: there is nothing to keep.
  const deferredPages = useDeferredValue(pages);
  const deferredTerms = useDeferredValue(terms);
  const now = deferredPages.size === 0;
  const shownPages = now ? pages : deferredPages;
  const shownTerms = now ? terms : deferredTerms;
  const termSet = useMemo(() => new Set(shownTerms), [shownTerms]);
  const scrollRef = useRef<HTMLDivElement | null>(null);

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  // Also after a reload (a new query, or the desk changed): the rows in view are fetched again wherever they are.
  useEffect(() => {
    ensureRange(first, last);
  }, [first, last, total, generation, ensureRange]);

  useEffect(() => {
    if (total) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, total, virtualizer]);

  // Stable, so that a row whose article, cursor and check did not change is not rendered again.
  const onRowClick = useCallback((index: number, id: string, e: React.MouseEvent) => {
    const selection = useSelection.getState();
    // As in a mail client: Shift+click selects a range, Ctrl/⌘+click toggles, a plain click opens.
    if (e.shiftKey) selection.extendTo(index);
    else if (e.ctrlKey || e.metaKey) selection.toggle(index);
    else {
      useList.getState().select(index);
      void useReader.getState().open(id);
    }
  }, []);
  const onRowCheck = useCallback((index: number, e: React.MouseEvent) => {
    e.stopPropagation();
    if (e.shiftKey) useSelection.getState().extendTo(index);
    else useSelection.getState().toggle(index);
  }, []);

  if (error) {
    return <StateMessage kind="error" title="The desk could not be read" action={<button onClick={() => reload()}>Try again</button>}>{error}</StateMessage>;
  }
  if (total === null && loading) return <StateMessage kind="loading" title="Opening the desk…" />;
  if (total === 0 && query.trim()) {
    return (
      <StateMessage kind="empty" title={`No articles match “${query.trim()}”`} action={<button onClick={() => setFilters({ query: '' })}>Clear search</button>}>
        Search looks in headlines, highlights, captions and body text.
      </StateMessage>
    );
  }
  if (total === 0) {
    return <StateMessage kind="empty" title="Nothing to show">Import seed files, or loosen the filters.</StateMessage>;
  }

  const activeId = rowAt(shownPages, selected, PAGE_SIZE)?.id;
  return (
    <div
      ref={(el) => {
        scrollRef.current = el;
        listRef.current = el;
      }}
      className="list-scroll"
      role="listbox"
      tabIndex={0}
      aria-label={`Articles, ${total} in view`}
      aria-activedescendant={activeId ? `row-${activeId}` : undefined}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((v, _, shown) => {
          const item = rowAt(shownPages, v.index, PAGE_SIZE);
          return (
            <div key={v.index % Math.max(SLOT_KEYS, shown.length)} className="row-slot" style={{ transform: `translateY(${v.start}px)`, height: v.size }}>
              {item ? (
                <ListRow
                  index={v.index}
                  item={item}
                  selected={v.index === selected}
                  checked={checked.has(item.id)}
                  terms={termSet}
                  onClick={onRowClick}
                  onCheck={onRowCheck}
                />
              ) : (
                <PlaceholderRow />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
