import { useEffect } from 'react';
import { useBundles } from '../../state/bundles-store';
import { firstPageAnswered } from '../../state/list-store';

/** In the top bar: shows the bundles in place of the reader, and back. */
export function BundlesToggle() {
  const view = useBundles((s) => s.view);
  const count = useBundles((s) => s.bundles?.length ?? null);
  const { toggleView, loadList } = useBundles.getState();
  // The count can wait for the list's first rows, which the desk then answers first.
  useEffect(() => {
    void firstPageAnswered.then(loadList);
  }, [loadList]);
  return (
    <button className="bundles-toggle" aria-pressed={view === 'bundles'} onClick={toggleView} title="Curated bundles: ordered sets of articles to export">
      Bundles{count !== null && <span className="count"> {count}</span>}
    </button>
  );
}
