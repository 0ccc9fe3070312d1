import { type DraftVerdict, MAX_VERDICTS, blankVerdict, draftId, slugify } from './scale-draft';

const RATINGS: { value: string; label: string }[] = [
  { value: '', label: 'None (not a ruling)' },
  { value: '5', label: '5 · true' },
  { value: '4', label: '4' },
  { value: '3', label: '3' },
  { value: '2', label: '2' },
  { value: '1', label: '1 · false' },
];

/**
 * The desk's verdict scale as a small table: label and rating of each verdict, new ones added at the end.
 * "unverified" stays (every claim starts there) and has no rating. Ids of existing verdicts are fixed, because
 * claims store the id; a new verdict's id comes from its label unless the editor types one.
 */
export function VerdictScaleEditor({ rows, onChange }: { rows: DraftVerdict[]; onChange(rows: DraftVerdict[]): void }) {
  const update = (key: string, patch: Partial<DraftVerdict>): void => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset className="verdict-scale">
      <legend>Verdict scale</legend>
      <p className="muted" id="verdict-scale-hint">
        The rating is what an exported fact-check publishes (ClaimReview ratingValue): 5 true … 1 false. A verdict without a rating is not a
        ruling, so its claims count as unchecked; rated 2 or lower counts as false or misleading in the list. Removing a verdict does not change
        claims that already have it: they keep it, marked “no longer on the scale”.
      </p>
      <table className="tag-table scale-table" aria-describedby="verdict-scale-hint">
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">Id</th>
            <th scope="col">Rating</th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const id = draftId(row);
            const name = row.label.trim() || (row.isNew ? `new verdict ${i + 1}` : row.id);
            const fixed = row.id === 'unverified' && !row.isNew;
            return (
              <tr key={row.key}>
                <td>
                  <input
                    value={row.label}
                    onChange={(e) => update(row.key, { label: e.target.value })}
                    maxLength={60}
                    required
                    aria-label={`Label of ${row.isNew ? name : row.id}`}
                  />
                </td>
                <td>
                  {row.isNew ? (
                    <input
                      className="scale-id"
                      value={row.id}
                      onChange={(e) => update(row.key, { id: e.target.value })}
                      placeholder={slugify(row.label) || 'id'}
                      maxLength={40}
                      aria-label={`Id of ${name}`}
                    />
                  ) : (
                    <code>{id}</code>
                  )}
                </td>
                <td>
                  <select
                    value={row.rating === null ? '' : String(row.rating)}
                    onChange={(e) => update(row.key, { rating: e.target.value === '' ? null : Number(e.target.value) })}
                    disabled={fixed}
                    aria-label={`Rating of ${name}`}
                    title={fixed ? 'Unverified is the state before a ruling, so it has no rating' : undefined}
                  >
                    {RATINGS.map((r) => (
                      <option key={r.value} value={r.value}>
                        {r.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
                    disabled={fixed}
                    aria-label={`Remove ${name}`}
                    title={fixed ? 'Every claim starts unverified, so it cannot be removed' : 'Remove from the scale; claims that have it keep it'}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="add-verdict" onClick={() => onChange([...rows, blankVerdict()])} disabled={rows.length >= MAX_VERDICTS}>
        Add a verdict
      </button>
    </fieldset>
  );
}
