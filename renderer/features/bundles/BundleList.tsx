import { useList } from '../../state/list-store';
import { useBundles } from '../../state/bundles-store';
import { shortTime } from './format-date';

/** The desk's bundles, most recently changed first, and the ways to start a new one. */
export function BundleList() {
  const { bundles, listError, openId, deleted, open, openDialog, restoreDeleted, loadList } = useBundles();
  const inFilter = useList((s) => s.total);
  return (
    <div className="bundle-side">
      <div className="bundle-side-head">
        <h2 id="bundles-title">Bundles</h2>
        <button onClick={() => openDialog({ kind: 'create', source: 'empty' })}>New bundle…</button>
      </div>
      <button
        className="link from-filter"
        disabled={!inFilter}
        onClick={() => openDialog({ kind: 'create', source: 'filter' })}
        title="Every article the list shows with its current search and filters, in its order"
      >
        New bundle from this filter ({inFilter ?? 0})
      </button>
      {deleted && (
        <div className="batch-notice" role="status">
          <span>
            Deleted “<bdi>{deleted.name}</bdi>”.
          </span>
          <button onClick={() => void restoreDeleted()}>Undo</button>
          <button className="icon" aria-label="Dismiss" onClick={() => useBundles.setState({ deleted: null })}>
            ×
          </button>
        </div>
      )}
      {listError && (
        <p className="error" role="alert">
          {listError} <button className="link" onClick={() => void loadList()}>Try again</button>
        </p>
      )}
      {bundles?.length === 0 && <p className="muted bundle-none">No bundles yet. Select articles in the list, then “New bundle from selection”.</p>}
      {bundles && bundles.length > 0 && (
        <ul className="bundle-list" aria-label="Bundles on the desk">
          {bundles.map((b) => (
            <li key={b.id}>
              <button className="bundle-pick" aria-current={b.id === openId ? 'true' : undefined} onClick={() => void open(b.id)}>
                <span className="bundle-pick-name" dir="auto">
                  {b.name}
                </span>
                <span className="bundle-pick-meta">
                  {b.count} article{b.count === 1 ? '' : 's'} · <time dateTime={b.modifiedAt}>{shortTime(b.modifiedAt)}</time>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
