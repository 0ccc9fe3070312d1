import { selectedInOrder, useBundles } from '../../state/bundles-store';
import { useExport } from '../../state/export-store';

/** In the bulk bar, once articles are selected: put them in a bundle, or export them as they are. */
export function SelectionBundleActions() {
  const openDialog = useBundles((s) => s.openDialog);
  return (
    <div className="bulk-row bundle-bulk" role="group" aria-label="Bundle or export the selection">
      <button onClick={() => openDialog({ kind: 'add' })}>Add to bundle…</button>
      <button onClick={() => openDialog({ kind: 'create', source: 'selection' })}>New bundle from selection</button>
      <button
        onClick={() => {
          const ids = selectedInOrder();
          useExport.getState().openDialog({ kind: 'selection', ids }, ids);
        }}
      >
        Export…
      </button>
    </div>
  );
}
