import { StateMessage } from '../../components/StateMessage';
import { useBundles } from '../../state/bundles-store';
import { BundleDetail } from './BundleDetail';
import { BundleList } from './BundleList';

const typing = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);

/**
 * The bundles, in place of the reader: the list on one side, the open bundle on the other. Keys pressed here stay
 * here (the desk's j/k and Enter would act on the article list behind), except / to search; Ctrl/⌘+Z and
 * Ctrl/⌘+Shift+Z undo and redo the bundle, never a hidden article.
 */
export function BundlesPanel() {
  const { bundle, openId, loading, announcement, undo, redo } = useBundles();
  return (
    <div
      className="bundles-panel"
      role="region"
      aria-labelledby="bundles-title"
      onKeyDown={(e) => {
        if (e.key === '/' && !typing(e.target) && !e.ctrlKey && !e.metaKey && !e.altKey) return;
        e.stopPropagation();
        if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'z' && !typing(e.target)) {
          e.preventDefault();
          void (e.shiftKey ? redo() : undo());
        }
      }}
    >
      <BundleList />
      <div className="bundle-main">
        {bundle ? (
          <BundleDetail bundle={bundle} />
        ) : openId && loading ? (
          <StateMessage kind="loading" title="Opening the bundle…" />
        ) : (
          <StateMessage kind="empty" title="Choose a bundle">
            A bundle is an ordered set of articles to export together. Select articles in the list and choose “New bundle from selection”, or start one
            from the list’s current filter.
          </StateMessage>
        )}
      </div>
      <div className="sr-only" role="status" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
