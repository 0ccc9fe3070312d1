import type { ListItem } from '../../../electron/core/api';
import { Highlight } from '../../components/Highlight';
import { StatusBadge } from '../../components/StatusBadge';

export function ListRow({ item, selected, terms, onOpen }: { item: ListItem; selected: boolean; terms: ReadonlySet<string>; onOpen(): void }) {
  const date = item.updated?.date;
  return (
    <div
      id={`row-${item.id}`}
      role="option"
      aria-selected={selected}
      className={`row${selected ? ' selected' : ''}`}
      onClick={onOpen}
      data-id={item.id}
    >
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
        {item.tags.map((t) => (
          <span key={t} className="tag">
            {t}
          </span>
        ))}
        {item.warningCount > 0 && (
          <span className="badge warn" title={`${item.warningCount} parse warning${item.warningCount === 1 ? '' : 's'}`}>
            ⚠ {item.warningCount}
          </span>
        )}
      </div>
    </div>
  );
}

export function PlaceholderRow() {
  return (
    <div className="row placeholder" aria-hidden="true">
      <div className="bar wide" />
      <div className="bar" />
    </div>
  );
}
