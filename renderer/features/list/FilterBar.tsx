import { STATUSES, type Status } from '../../../electron/core/statuses';
import { statusLabel } from '../../components/StatusBadge';
import { useList } from '../../state/list-store';
import { TagManagerButton } from '../tags/TagManager';
import { ClaimsFilterSelect, MentionsChip } from './ClaimsFilters';
import { FileFilter } from './FileFilter';

/**
 * Status counts double as filters; spiked copy stays hidden until its chip is chosen. Each control below reads
 * only the state it shows, so a page of rows arriving, or a count changing, renders nothing else.
 */
export function FilterBar() {
  return (
    <div className="filters">
      <StatusChips />
      <div className="filter-row">
        <TagFilter />
        <TagManagerButton />
        <FileFilter />
        <WarningsFilter />
        <ClaimsFilterSelect />
        <SortControls />
      </div>
      <MentionsChip />
      <CountLine />
    </div>
  );
}

function StatusChips() {
  const statuses = useList((s) => s.statuses);
  const counts = useList((s) => s.facets?.statuses);
  const toggle = (s: Status): void =>
    useList.getState().setFilters({ statuses: statuses.includes(s) ? statuses.filter((x) => x !== s) : [...statuses, s] });
  return (
    <div className="chips" role="group" aria-label="Filter by status">
      {STATUSES.map((s) => (
        <button key={s} className={`chip status-${s}`} aria-pressed={statuses.includes(s)} onClick={() => toggle(s)}>
          {statusLabel(s)} <span className="count">{counts?.[s] ?? 0}</span>
        </button>
      ))}
    </div>
  );
}

function TagFilter() {
  const tag = useList((s) => s.tag);
  const tags = useList((s) => s.facets?.tags);
  return (
    <label>
      <span>Tag</span>
      <select value={tag} onChange={(e) => useList.getState().setFilters({ tag: e.target.value })}>
        <option value="">Any tag</option>
        {tags?.map((t) => (
          <option key={t.name} value={t.name}>
            {isolate(t.name)} ({t.count})
          </option>
        ))}
      </select>
    </label>
  );
}

function WarningsFilter() {
  const hasWarnings = useList((s) => s.hasWarnings);
  const withWarnings = useList((s) => s.facets?.withWarnings ?? 0);
  return (
    <label>
      <span>Warnings</span>
      <select
        value={hasWarnings === null ? '' : hasWarnings ? 'yes' : 'no'}
        onChange={(e) => useList.getState().setFilters({ hasWarnings: e.target.value === '' ? null : e.target.value === 'yes' })}
      >
        <option value="">Any</option>
        <option value="yes">With warnings ({withWarnings})</option>
        <option value="no">Without warnings</option>
      </select>
    </label>
  );
}

function SortControls() {
  const sort = useList((s) => s.sort);
  const order = useList((s) => s.order);
  const searching = useList((s) => s.query.trim() !== '');
  const { setFilters } = useList.getState();
  return (
    <>
      <label>
        <span>Sort</span>
        <select value={sort} onChange={(e) => setFilters({ sort: e.target.value as typeof sort })}>
          {searching && <option value="relevance">Relevance</option>}
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
    </>
  );
}

function CountLine() {
  const total = useList((s) => s.total);
  return (
    <div className="count-line" aria-live="polite">
      {total === null ? '' : `${total} article${total === 1 ? '' : 's'}`}
    </div>
  );
}

/**
 * An <option> holds plain text only (no <bdi>), so a name is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL
 * ISOLATE: a right-to-left override inside a tag name then cannot run on and reverse the count after it.
 */
const isolate = (name: string): string => `\u2068${name}\u2069`;
