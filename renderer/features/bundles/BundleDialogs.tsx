import { useBundles } from '../../state/bundles-store';
import { AddToBundleDialog } from './AddToBundleDialog';
import { NewBundleDialog } from './NewBundleDialog';

/** The bundle dialogs, opened from the bulk bar or the bundles panel; one at a time. */
export function BundleDialogs() {
  const dialog = useBundles((s) => s.dialog);
  if (dialog?.kind === 'create') return <NewBundleDialog key="create" source={dialog.source} />;
  if (dialog?.kind === 'add') return <AddToBundleDialog key="add" />;
  return null;
}
