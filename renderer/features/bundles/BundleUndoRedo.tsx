import type { BundleView } from '../../../electron/core/api';
import { MOD_KEY } from '../../lib/fields';
import { useBundles } from '../../state/bundles-store';
import { describeBundleChange } from './bundle-order';

/** Undo and redo for the bundle, each saying what it would take back or put again. */
export function BundleUndoRedo({ bundle }: { bundle: BundleView }) {
  const { undo, redo, pending } = useBundles();
  const headline = (id: string): string | null => bundle.articles.find((a) => a.id === id)?.headline ?? null;
  const describe = (revId: string | null): string | null => {
    const rev = revId ? bundle.revisions.find((r) => r.id === revId) : undefined;
    return rev ? describeBundleChange(rev, headline) : null;
  };
  const nextUndo = describe(bundle.nextUndo);
  const nextRedo = describe(bundle.nextRedo);
  return (
    <div className="bundle-undo" role="group" aria-label="Undo and redo for this bundle">
      <button onClick={() => void undo()} disabled={!nextUndo || pending > 0} aria-keyshortcuts="Control+Z Meta+Z" title={nextUndo ? `Undo ${nextUndo} (${MOD_KEY}+Z)` : 'Nothing to undo'}>
        ↶ Undo{nextUndo && <span className="undo-what"> {nextUndo}</span>}
      </button>
      <button
        onClick={() => void redo()}
        disabled={!nextRedo || pending > 0}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
        title={nextRedo ? `Redo ${nextRedo} (${MOD_KEY}+Shift+Z)` : 'Nothing to redo'}
      >
        ↷ Redo{nextRedo && <span className="undo-what"> {nextRedo}</span>}
      </button>
    </div>
  );
}
