import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { StateMessage } from '../../components/StateMessage';
import { useList } from '../../state/list-store';
import { useReader } from '../../state/reader-store';
import { useSelection } from '../../state/selection-store';
import { ListRow, PlaceholderRow } from './ListRow';

const ROW_HEIGHT = 68;

/** Virtualised: only the rows in view exist in the DOM, and only their pages are fetched, at any desk size. */
export function ArticleList({ listRef }: { listRef: React.RefObject<HTMLDivElement | null> }) {
  const { total, rows, terms, selected, loading, error, query, select, ensureRange, reload, setFilters } = useList();
  const open = useReader((s) => s.open);
  const checked = useSelection((s) => s.ids);
  const { toggle, extendTo } = useSelection();
  const termSet = useMemo(() => new Set(terms), [terms]);
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

  useEffect(() => {
    ensureRange(first, last);
  }, [first, last, total, ensureRange]);

  useEffect(() => {
    if (total) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, total, virtualizer]);

  if (error) {
    return <StateMessage kind="error" title="The desk could not be read" action={<button onClick={() => void reload()}>Try again</button>}>{error}</StateMessage>;
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

  const activeId = rows.get(selected)?.id;
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
        {items.map((v) => {
          const item = rows.get(v.index);
          return (
            <div key={v.key} className="row-slot" style={{ transform: `translateY(${v.start}px)`, height: v.size }}>
              {item ? (
                <ListRow
                  item={item}
                  selected={v.index === selected}
                  checked={checked.has(item.id)}
                  terms={termSet}
                  onClick={(e) => {
                    // As in a mail client: Shift+click selects a range, Ctrl/⌘+click toggles, a plain click opens.
                    if (e.shiftKey) extendTo(v.index);
                    else if (e.ctrlKey || e.metaKey) toggle(v.index);
                    else {
                      select(v.index);
                      void open(item.id);
                    }
                  }}
                  onCheck={(e) => {
                    e.stopPropagation();
                    if (e.shiftKey) extendTo(v.index);
                    else toggle(v.index);
                  }}
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
