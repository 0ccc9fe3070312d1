import { STATUSES, type Status } from '../../../electron/core/statuses';
import { statusLabel } from '../../components/StatusBadge';
import { useList } from '../../state/list-store';
import { TagManagerButton } from '../tags/TagManager';
import { ClaimsFilterSelect, MentionsChip } from './ClaimsFilters';

/** Status counts double as filters; spiked copy stays hidden until its chip is chosen. */
export function FilterBar() {
  const { facets, statuses, tag, file, hasWarnings, sort, order, query, total, setFilters } = useList();
  const toggle = (s: Status): void =>
    setFilters({ statuses: statuses.includes(s) ? statuses.filter((x) => x !== s) : [...statuses, s] });

  return (
    <div className="filters">
      <div className="chips" role="group" aria-label="Filter by status">
        {STATUSES.map((s) => (
          <button key={s} className={`chip status-${s}`} aria-pressed={statuses.includes(s)} onClick={() => toggle(s)}>
            {statusLabel(s)} <span className="count">{facets?.statuses[s] ?? 0}</span>
          </button>
        ))}
      </div>
      <div className="filter-row">
        <label>
          <span>Tag</span>
          <select value={tag} onChange={(e) => setFilters({ tag: e.target.value })}>
            <option value="">Any tag</option>
            {facets?.tags.map((t) => (
              <option key={t.name} value={t.name}>
                {isolate(t.name)} ({t.count})
              </option>
            ))}
          </select>
        </label>
        <TagManagerButton />
        <label>
          <span>Source</span>
          <select value={file} onChange={(e) => setFilters({ file: e.target.value })}>
            <option value="">Any file</option>
            {facets?.files.map((f) => (
              <option key={f.name} value={f.name}>
                {isolate(f.name)} ({f.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Warnings</span>
          <select
            value={hasWarnings === null ? '' : hasWarnings ? 'yes' : 'no'}
            onChange={(e) => setFilters({ hasWarnings: e.target.value === '' ? null : e.target.value === 'yes' })}
          >
            <option value="">Any</option>
            <option value="yes">With warnings ({facets?.withWarnings ?? 0})</option>
            <option value="no">Without warnings</option>
          </select>
        </label>
        <ClaimsFilterSelect />
        <label>
          <span>Sort</span>
          <select value={sort} onChange={(e) => setFilters({ sort: e.target.value as typeof sort })}>
            {query.trim() && <option value="relevance">Relevance</option>}
            <option value="import">Import order</option>
            <option value="date">Date</option>
            <option value="headline">Headline</option>
          </select>
        </label>
        <button
          className="icon"
          disabled={sort === 'relevance'}
          aria-label={order === 'asc' ? 'Ascending; switch to descending' : 'Descending; switch to ascending'}
          onClick={() => setFilters({ order: order === 'asc' ? 'desc' : 'asc' })}
        >
          {order === 'asc' ? '↑' : '↓'}
        </button>
      </div>
      <MentionsChip />
      <div className="count-line" aria-live="polite">
        {total === null ? '' : `${total} article${total === 1 ? '' : 's'}`}
      </div>
    </div>
  );
}

/**
 * An <option> holds plain text only (no <bdi>), so a name is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL
 * ISOLATE: a right-to-left override inside a tag or file name then cannot run on and reverse the count after it.
 */
const isolate = (name: string): string => `\u2068${name}\u2069`;
