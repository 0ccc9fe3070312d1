import { useBatch } from '../../state/batch-store';

/** After a change to several articles at once: what happened, and one Undo for all of it. */
export function BatchNotice() {
  const { last, busy, error, undo, dismiss } = useBatch();
  if (!last && !error) return null;
  return (
    <div className="batch-notice" role="status">
      {last && <span>{last.message}.</span>}
      {error && <span className="error">{error}</span>}
      {last && (
        <button onClick={() => void undo()} disabled={busy}>
          {busy ? 'Undoing…' : 'Undo'}
        </button>
      )}
      <button className="icon" onClick={dismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
