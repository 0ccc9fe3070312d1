import { StatusBadge } from '../../components/StatusBadge';
import type { BundleEntry } from './bundle-order';

/** Which control in an item had focus, so it can have it again once the item has moved. */
export type ItemControl = 'open' | 'up' | 'down' | 'remove';

type Props = {
  entry: BundleEntry;
  index: number;
  count: number;
  dragging: boolean;
  dropSide: 'before' | 'after' | null;
  onMove(to: number, control: ItemControl): void;
  onRemove(): void;
  onOpen(): void;
  onDragStart(e: React.DragEvent): void;
  onDragOver(e: React.DragEvent, after: boolean): void;
  onDrop(e: React.DragEvent, after: boolean): void;
  onDragEnd(): void;
};

/**
 * One article in a bundle: its place, its headline (which opens it), and Move up / Move down / Remove. Alt+↑ and
 * Alt+↓ move it from any of its controls; dragging the item moves it too.
 */
export function BundleItem({ entry, index, count, dragging, dropSide, onMove, onRemove, onOpen, onDragStart, onDragOver, onDrop, onDragEnd }: Props) {
  const a = entry.article;
  const name = a ? `“${a.headline}”` : `missing article ${entry.id}`;
  return (
    <li
      data-bundle-item={entry.id}
      className={`bundle-item${a ? '' : ' missing'}${dragging ? ' dragging' : ''}${dropSide ? ` drop-${dropSide}` : ''}`}
      draggable
      onDragStart={onDragStart}
      onDragOver={(e) => onDragOver(e, lowerHalf(e))}
      onDrop={(e) => onDrop(e, lowerHalf(e))}
      onDragEnd={onDragEnd}
      onKeyDown={(e) => {
        if (!e.altKey || e.ctrlKey || e.metaKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
        e.preventDefault();
        const control = ((e.target as HTMLElement).closest('[data-control]')?.getAttribute('data-control') ?? 'open') as ItemControl;
        const to = e.key === 'ArrowUp' ? index - 1 : index + 1;
        if (to >= 0 && to < count) onMove(to, control);
      }}
    >
      <span className="drag-handle" aria-hidden="true" title="Drag to reorder">
        ⠿
      </span>
      <span className="bundle-pos" aria-hidden="true">
        {index + 1}
      </span>
      <div className="bundle-item-main">
        {a ? (
          <>
            <button
              className="bundle-open"
              data-control="open"
              onClick={onOpen}
              aria-label={`${index + 1} of ${count}: ${a.headline}`}
              aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
              aria-describedby="bundle-reorder-hint"
            >
              <span dir="auto">{a.headline}</span>
            </button>
            <span className="bundle-item-meta">
              <span className="dateline">{a.dateline ?? 'No dateline'}</span>
              <StatusBadge status={a.status} />
              {a.corrected && <span className="badge corrected-badge">corrected</span>}
            </span>
          </>
        ) : (
          <span className="bundle-missing">
            <strong>Missing article</strong> <code>{entry.id}</code>
            <span className="muted"> — no longer on this desk; it keeps its place and is left out of exports.</span>
          </span>
        )}
      </div>
      <div className="bundle-item-tools">
        <button className="tool" data-control="up" disabled={index === 0} aria-label={`Move ${name} up`} title="Move up (Alt+↑)" onClick={() => onMove(index - 1, 'up')}>
          ↑
        </button>
        <button
          className="tool"
          data-control="down"
          disabled={index === count - 1}
          aria-label={`Move ${name} down`}
          title="Move down (Alt+↓)"
          onClick={() => onMove(index + 1, 'down')}
        >
          ↓
        </button>
        <button className="tool" data-control="remove" aria-label={`Remove ${name} from the bundle`} title="Remove from the bundle" onClick={onRemove}>
          ×
        </button>
      </div>
    </li>
  );
}

/** Over the lower half of an item, a drop lands after it. */
function lowerHalf(e: React.DragEvent): boolean {
  const box = e.currentTarget.getBoundingClientRect();
  return e.clientY > box.top + box.height / 2;
}
