import type { ArticleView } from '../../../electron/core/api';
import { formatTime } from '../../lib/fields';
import { useSave } from '../../state/save-store';

/**
 * There is no Save button: every change is committed by the desk before it answers. This says so honestly:
 * "Saving…" while a call is out, "Saved" only after the desk said ok, and the desk's message if it did not.
 */
export function SaveIndicator({ article }: { article: ArticleView }) {
  const { pending, error, savedAt } = useSave();
  const last = article.revisions.at(-1);
  let state: 'saving' | 'error' | 'saved' | 'clean';
  if (pending > 0) state = 'saving';
  else if (error) state = 'error';
  else if (savedAt !== null || last) state = 'saved';
  else state = 'clean';

  return (
    <span className={`save-state ${state}`} role="status" title={last ? `Last change ${formatTime(last.at)} by ${last.editor}` : undefined}>
      {state === 'saving' && 'Saving…'}
      {state === 'error' && `Not saved: ${error}`}
      {state === 'saved' && (
        <>
          ✓ Saved{last && <span className="muted"> · {formatTime(last.at)}</span>}
        </>
      )}
      {state === 'clean' && <span className="muted">Unedited</span>}
    </span>
  );
}
