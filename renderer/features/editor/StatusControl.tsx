import { useState } from 'react';
import type { ArticleView } from '../../../electron/core/api';
import { STATUSES, type Status } from '../../../electron/core/statuses';
import { statusLabel } from '../../components/StatusBadge';
import { useEditor } from '../../state/editor-store';

/** The review status, changed in one step; a note typed first goes with the change into the history. */
export function StatusControl({ article }: { article: ArticleView }) {
  const setStatus = useEditor((s) => s.setStatus);
  const [note, setNote] = useState('');
  const [choice, setChoice] = useState<Status | null>(null);
  const shown = choice ?? article.status;

  const change = async (status: Status): Promise<void> => {
    setChoice(status);
    const ok = await setStatus(status, note);
    setChoice(null);
    if (ok) setNote('');
  };

  return (
    <div className="status-control">
      <label className="field-label" htmlFor="reader-status">
        Status
      </label>
      <select id="reader-status" className={`status-select status-${shown}`} value={shown} onChange={(e) => void change(e.target.value as Status)}>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {statusLabel(s)}
          </option>
        ))}
      </select>
      <input
        className="status-note"
        aria-label="Note for the next status change (optional)"
        placeholder="Note (optional)"
        maxLength={5000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
    </div>
  );
}
