import { useState } from 'react';
import type { BundleView } from '../../../electron/core/api';
import { useBundles } from '../../state/bundles-store';
import { BundleFields } from './BundleFields';

/** Renaming and describing the open bundle, in place; one save is one step Undo takes back. */
export function BundleDetailsForm({ bundle, onDone }: { bundle: BundleView; onDone(): void }) {
  const update = useBundles((s) => s.update);
  const [name, setName] = useState(bundle.name);
  const [description, setDescription] = useState(bundle.description);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="bundle-details-form"
      aria-label="Bundle details"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        void update({ name, description }).then((err) => {
          setBusy(false);
          if (err) setError(err);
          else onDone();
        });
      }}
    >
      <BundleFields name={name} description={description} onName={setName} onDescription={setDescription} error={error} autoFocus />
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save details'}
        </button>
        <button type="button" onClick={onDone} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
