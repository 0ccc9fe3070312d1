import { useCallback, useEffect, useState } from 'react';
import type { ArticleView } from '../../../electron/core/api';
import { useFactcheck } from '../../state/factcheck-store';
import { useHistory } from '../../state/history-store';
import { markInArticle } from '../factcheck/mark-in-article';
import { type ClaimSpan, claimSpan, readFieldSelection } from './selection-span';

type Pending = { span: ClaimSpan; error: null; top: number; left: number } | { span: null; error: string; top: number; left: number };

const typing = (el: EventTarget | null): boolean =>
  el instanceof HTMLElement && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);

/**
 * Selecting words in the article offers "Check this claim" just below them; C does the same from the keyboard
 * (after selecting with Shift and the arrow keys in caret browsing, for instance). The claim is stored at the
 * exact occurrence selected, then shown, chosen, in the Fact-check tab.
 */
export function SelectionClaim({ article, rootRef }: { article: ArticleView; rootRef: React.RefObject<HTMLElement | null> }) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  useEffect(() => {
    const update = (): void => {
      const root = rootRef.current;
      const selection = window.getSelection();
      const read = root ? readFieldSelection(root, selection) : null;
      const span = read && !('error' in read) ? claimSpan(article, read) : read;
      if (!span || !selection) {
        setPending(null);
        setRefusal(null);
        return;
      }
      const rect = selection.getRangeAt(0).getBoundingClientRect();
      const where = { top: Math.min(rect.bottom + 6, window.innerHeight - 40), left: Math.max(8, Math.min(rect.left, window.innerWidth - 240)) };
      setPending('error' in span ? { span: null, error: span.error, ...where } : { span, error: null, ...where });
    };
    document.addEventListener('selectionchange', update);
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      document.removeEventListener('selectionchange', update);
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [article, rootRef]);

  const make = useCallback(async (): Promise<void> => {
    if (!pending?.span || busy) return;
    setBusy(true);
    const fc = useFactcheck.getState();
    const failed = await fc.claimSelection(article.id, pending.span);
    setBusy(false);
    setRefusal(failed);
    if (failed) return;
    window.getSelection()?.removeAllRanges();
    useHistory.getState().setTab('factcheck');
    const { marked, markedAnchor } = useFactcheck.getState();
    if (markedAnchor) markInArticle(markedAnchor, article);
    if (marked) focusWhenShown(`.fc-claim[data-claim-id="${CSS.escape(marked.slice('claim:'.length))}"] select`);
  }, [pending, busy, article]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'c' || e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || !pending?.span) return;
      e.preventDefault();
      void make();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pending, make]);

  if (!pending) return null;
  const message = refusal ?? pending.error;
  return (
    <div className="selection-claim" style={{ top: pending.top, left: pending.left }}>
      {pending.span && (
        <button
          className="primary"
          // Keep the selection: a mouse-down on a button would otherwise collapse it before the click.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => void make()}
          disabled={busy}
          aria-keyshortcuts="C"
          title="Make the selected words a claim to check (C)"
        >
          {busy ? 'Saving…' : 'Check this claim'}
        </button>
      )}
      {message && (
        <p className="error" role="alert">
          {message}
        </p>
      )}
      {pending.span && !message && (
        <span className="sr-only" role="status">
          Words selected: press C to check this claim.
        </span>
      )}
    </div>
  );
}

/** Focuses an element of the Fact-check tab once it has rendered (it may just have been opened). */
function focusWhenShown(selector: string, tries = 20): void {
  const el = document.querySelector<HTMLElement>(selector);
  // Without scrolling: the panel scrolls itself to the claim, and the article must keep the words in view.
  if (el) el.focus({ preventScroll: true });
  else if (tries > 0) requestAnimationFrame(() => focusWhenShown(selector, tries - 1));
}
