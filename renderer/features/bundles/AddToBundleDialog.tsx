import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { selectedInOrder, useBundles } from '../../state/bundles-store';
import { shortTime } from './format-date';

/** Adds the selected articles to the end of a bundle; articles already in it keep their place. */
export function AddToBundleDialog() {
  const { bundles, openId, addTo, openDialog, open } = useBundles();
  const [ids] = useState(selectedInOrder);
  const [chosen, setChosen] = useState<string | null>(openId ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ id: string; name: string; added: number } | null>(null);
  const close = (): void => openDialog(null);
  const pick = chosen ?? bundles?.[0]?.id ?? null;
  const n = ids.length;

  if (done) {
    const already = n - done.added;
    return (
      <Dialog title="Added to the bundle" className="bundle-dialog" onClose={close}>
        <p role="status">
          {done.added === 0 ? 'Nothing was added' : `Added ${done.added} article${done.added === 1 ? '' : 's'}`} to “<bdi>{done.name}</bdi>”
          {already > 0 ? `; ${already} ${already === 1 ? 'was' : 'were'} in it already and kept ${already === 1 ? 'its' : 'their'} place` : ''}.
        </p>
        <div className="dialog-actions">
          <button
            className="primary"
            data-autofocus
            onClick={() => {
              close();
              void open(done.id);
            }}
          >
            Open the bundle
          </button>
          <button onClick={close}>Done</button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={`Add ${n} article${n === 1 ? '' : 's'} to a bundle`} className="bundle-dialog" onClose={close}>
      {bundles === null ? (
        <p className="muted">Loading the bundles…</p>
      ) : bundles.length === 0 ? (
        <p>There is no bundle yet.</p>
      ) : (
        <form
          id="add-to-bundle"
          onSubmit={(e) => {
            e.preventDefault();
            if (!pick) return;
            setBusy(true);
            void addTo(pick, ids).then((r) => {
              setBusy(false);
              if (typeof r === 'string') setError(r);
              else setDone({ id: pick, ...r });
            });
          }}
        >
          <fieldset className="choice-group bundle-choices">
            <legend>Bundle</legend>
            {bundles.map((b, i) => (
              <label key={b.id}>
                <input type="radio" name="bundle" value={b.id} checked={pick === b.id} onChange={() => setChosen(b.id)} data-autofocus={pick === b.id || (!pick && i === 0) ? true : undefined} />
                <span dir="auto">{b.name}</span>{' '}
                <span className="muted">
                  {b.count} article{b.count === 1 ? '' : 's'}, modified {shortTime(b.modifiedAt)}
                </span>
              </label>
            ))}
          </fieldset>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
      <div className="dialog-actions">
        <button type="button" className="link" onClick={() => openDialog({ kind: 'create', source: 'selection' })}>
          New bundle from the selection instead…
        </button>
        <span className="spacer" />
        {bundles && bundles.length > 0 && (
          <button type="submit" form="add-to-bundle" className="primary" disabled={busy || n === 0 || !pick}>
            {busy ? 'Adding…' : 'Add'}
          </button>
        )}
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
