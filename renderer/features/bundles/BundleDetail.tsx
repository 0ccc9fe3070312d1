import { useState } from 'react';
import type { BundleView } from '../../../electron/core/api';
import { selectedInOrder, useBundles } from '../../state/bundles-store';
import { useExport } from '../../state/export-store';
import { useSelection } from '../../state/selection-store';
import { BundleArticles } from './BundleArticles';
import { BundleDetailsForm } from './BundleDetailsForm';
import { BundleUndoRedo } from './BundleUndoRedo';
import { shortTime } from './format-date';

/** One bundle opened: what it is, what can be done to it, and its articles in order. */
export function BundleDetail({ bundle }: { bundle: BundleView }) {
  const { error, dismissError, deleteOpen, addTo } = useBundles();
  const selected = useSelection((s) => s.ids.size);
  const [editing, setEditing] = useState(false);
  const n = bundle.count;

  return (
    <section className="bundle-detail" aria-labelledby="bundle-name">
      <header className="bundle-head">
        <h2 id="bundle-name" dir="auto">
          {bundle.name}
        </h2>
        <p className="bundle-facts muted">
          {n} article{n === 1 ? '' : 's'}
          {bundle.missing.length > 0 && <span className="warn-text"> ({bundle.missing.length} missing from the desk)</span>} · modified{' '}
          <time dateTime={bundle.modifiedAt}>{shortTime(bundle.modifiedAt)}</time> · created <time dateTime={bundle.createdAt}>{shortTime(bundle.createdAt)}</time>
        </p>
        {!editing &&
          (bundle.description ? (
            <p className="bundle-desc" dir="auto">
              {bundle.description}
            </p>
          ) : (
            <p className="bundle-desc muted">No description.</p>
          ))}
      </header>
      {editing ? (
        <BundleDetailsForm bundle={bundle} onDone={() => setEditing(false)} />
      ) : (
        <div className="bundle-actions" role="group" aria-label="Bundle actions">
          <button className="primary" onClick={() => useExport.getState().openDialog({ kind: 'bundle', id: bundle.id })} disabled={bundle.articles.length === 0}>
            Export…
          </button>
          <button
            disabled={selected === 0}
            onClick={() => void addTo(bundle.id, selectedInOrder())}
            title={selected === 0 ? 'Select articles in the list first' : 'Add the articles selected in the list to the end of this bundle'}
          >
            Add selected ({selected})
          </button>
          <button onClick={() => setEditing(true)}>Rename / describe…</button>
          <span className="spacer" />
          <button className="danger" onClick={() => void deleteOpen()} title="Delete this bundle (Undo brings it back)">
            Delete
          </button>
        </div>
      )}
      {!editing && <BundleUndoRedo bundle={bundle} />}
      {error && (
        <div className="error bundle-error" role="alert">
          {error}{' '}
          <button className="link" onClick={dismissError}>
            Dismiss
          </button>
        </div>
      )}
      <BundleArticles bundle={bundle} />
    </section>
  );
}
