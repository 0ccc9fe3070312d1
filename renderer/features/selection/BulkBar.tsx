import { useEffect, useRef } from 'react';
import { STATUSES, type Status } from '../../../electron/core/statuses';
import { statusLabel } from '../../components/StatusBadge';
import { useList } from '../../state/list-store';
import { useSelection } from '../../state/selection-store';
import { SelectionBundleActions } from '../bundles/SelectionBundleActions';
import { TagInput } from '../tags/TagInput';
import { BatchNotice } from './BatchNotice';

/**
 * Above the list: select all in view, and once anything is selected, set its status or add and remove a tag on
 * all of it at once. Rows are chosen with their check box, Space, Ctrl/⌘+click, or Shift+click for a range.
 */
export function BulkBar() {
  const { ids, busy, error, selectAll, clear, setStatus, addTags, removeTags } = useSelection();
  const total = useList((s) => s.total) ?? 0;
  const n = ids.size;
  const all = n > 0 && n >= total;
  const box = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    if (box.current) box.current.indeterminate = n > 0 && !all;
  }, [n, all]);

  return (
    <div className={`bulk${n > 0 ? ' active' : ''}`} role="group" aria-label="Selected articles">
      <div className="bulk-row">
        <label className="select-all">
          <input
            ref={box}
            type="checkbox"
            checked={all}
            disabled={total === 0}
            aria-label="Select all in view"
            onChange={() => (all ? clear() : void selectAll())}
          />
          <span aria-hidden="true">{n > 0 ? `${n} selected` : 'Select all'}</span>
        </label>
        {n > 0 && (
          <>
            <select
              aria-label="Set the status of the selected articles"
              value=""
              disabled={busy}
              onChange={(e) => e.target.value && void setStatus(e.target.value as Status)}
            >
              <option value="">Set status…</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
            <button className="link" onClick={clear}>
              Clear selection
            </button>
          </>
        )}
        {n === 0 && <span className="muted hint">Space or ☐ selects; Shift+click a range</span>}
      </div>
      {n > 0 && <SelectionBundleActions />}
      {n > 0 && (
        <TagInput
          label="Tag for the selected articles"
          placeholder="Tag the selection…"
          actions={[
            { label: 'Add tag', run: addTags },
            { label: 'Remove tag', run: removeTags },
          ]}
            error={error}
          onType={() => error && useSelection.setState({ error: null })}
        />
      )}
      <BatchNotice />
    </div>
  );
}
