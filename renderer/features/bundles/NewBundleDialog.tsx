import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { type BundleSource, useBundles } from '../../state/bundles-store';
import { useList } from '../../state/list-store';
import { useSelection } from '../../state/selection-store';
import { BundleFields } from './BundleFields';

/** A new bundle: a name, a description, and where its articles come from (the selection, the filter, or none). */
export function NewBundleDialog({ source: initial }: { source: BundleSource }) {
  const create = useBundles((s) => s.create);
  const selected = useSelection((s) => s.ids.size);
  const inFilter = useList((s) => s.total ?? 0);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [source, setSource] = useState<BundleSource>(initial === 'selection' && selected === 0 ? 'empty' : initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = (): void => useBundles.getState().openDialog(null);

  const choices: { value: BundleSource; label: string; disabled: boolean }[] = [
    { value: 'selection', label: `The ${selected} selected article${selected === 1 ? '' : 's'}, in the list’s order`, disabled: selected === 0 },
    { value: 'filter', label: `Every article the list shows now (${inFilter}), with its search and filters`, disabled: inFilter === 0 },
    { value: 'empty', label: 'None yet: add articles later', disabled: false },
  ];

  return (
    <Dialog title="New bundle" className="bundle-dialog" onClose={close}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void create({ name, description, source }).then((err) => {
            setBusy(false);
            setError(err);
          });
        }}
      >
        <BundleFields name={name} description={description} onName={setName} onDescription={setDescription} error={error} autoFocus />
        <fieldset className="choice-group">
          <legend>Articles</legend>
          {choices.map((c) => (
            <label key={c.value} className={c.disabled ? 'disabled' : undefined}>
              <input type="radio" name="bundle-source" value={c.value} checked={source === c.value} disabled={c.disabled} onChange={() => setSource(c.value)} />
              {c.label}
            </label>
          ))}
        </fieldset>
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create bundle'}
          </button>
          <button type="button" onClick={close} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
