import { selectedInOrder, useBundles } from '../../state/bundles-store';
import { useExport } from '../../state/export-store';
import { useSelection } from '../../state/selection-store';

/**
 * In the top bar: exports what is in front of the editor — the open bundle when the bundles are shown, else the
 * selection, else a bundle or the whole desk; the dialog lets them choose otherwise.
 */
export function ExportButton() {
  return (
    <button
      className="export-button"
      onClick={() => {
        const b = useBundles.getState();
        const ids = useSelection.getState().ids.size > 0 ? selectedInOrder() : [];
        const open = b.view === 'bundles' && b.bundle ? b.bundle.id : null;
        const first = b.bundle?.id ?? b.bundles?.[0]?.id ?? null;
        const target = open
          ? ({ kind: 'bundle', id: open } as const)
          : ids.length > 0
            ? ({ kind: 'selection', ids } as const)
            : first
              ? ({ kind: 'bundle', id: first } as const)
              : ({ kind: 'all' } as const);
        useExport.getState().openDialog(target, ids);
      }}
      title="Export a bundle, the selection or the desk"
    >
      Export…
    </button>
  );
}
