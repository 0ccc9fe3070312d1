import { memo } from 'react';
import type { ListItem } from '../../../electron/core/api';
import { Highlight } from '../../components/Highlight';
import { StatusBadge } from '../../components/StatusBadge';

type RowProps = {
  /** Where the row stands in the list, handed back to the handlers so that they can be the same for every row. */
  index: number;
  item: ListItem;
  /** The keyboard cursor (j/k): the row Enter opens. */
  selected: boolean;
  /** Chosen for a bulk change (aria-checked, so the cursor keeps aria-selected). */
  checked: boolean;
  terms: ReadonlySet<string>;
  onClick(index: number, id: string, e: React.MouseEvent): void;
  onCheck(index: number, e: React.MouseEvent): void;
};

/** Memoised: scrolling and page answers render the list often, and most of its rows have not changed. */
export const ListRow = memo(function ListRow({ index, item, selected, checked, terms, onClick, onCheck }: RowProps) {
  const date = item.updated?.date;
  return (
    <div
      id={`row-${item.id}`}
      role="option"
      aria-selected={selected}
      aria-checked={checked}
      className={`row${selected ? ' selected' : ''}${checked ? ' checked' : ''}`}
      onClick={(e) => onClick(index, item.id, e)}
      onMouseDown={(e) => {
        // Shift+click selects rows, not text.
        if (e.shiftKey) e.preventDefault();
      }}
      data-id={item.id}
    >
      {/* A picture of a check box: the row itself is the control (Space, or a click here), so nothing
          focusable sits inside an option. */}
      <span className="row-check" aria-hidden="true" onClick={(e) => onCheck(index, e)} title="Select (Space); Shift+click selects a range" />
      <div className="row-headline" dir="auto">
        <Highlight text={item.headline} terms={terms} />
      </div>
      <div className="row-meta">
        <span className="dateline">{item.dateline ?? 'No dateline'}</span>
        {date ? (
          <time dateTime={date}>{date}</time>
        ) : item.updated?.relative ? (
          <span className="relative" title={`"${item.updated.raw}" cannot be pinned to a day`}>
            ⟳ relative
          </span>
        ) : (
          <span className="muted">undated</span>
        )}
        <StatusBadge status={item.status} />
        {item.needsReview > 0 && (
          <span className="badge review" title={`${item.needsReview} correction${item.needsReview === 1 ? '' : 's'} held after the source changed`}>
            review {item.needsReview}
          </span>
        )}
        {item.corrected && (
          <span className="badge corrected-badge" title="Has corrections">
            ✎<span className="sr-only"> corrected</span>
          </span>
        )}
        {item.warningCount > 0 && (
          <span className="badge warn" title={`${item.warningCount} parse warning${item.warningCount === 1 ? '' : 's'}`}>
            ⚠ {item.warningCount}
          </span>
        )}
        {item.tags.map((t) => (
          <span key={t} className="tag">
            {t}
          </span>
        ))}
      </div>
    </div>
  );
});

export function PlaceholderRow() {
  return (
    <div className="row placeholder" aria-hidden="true">
      <div className="bar wide" />
      <div className="bar" />
    </div>
  );
}
