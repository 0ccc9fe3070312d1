import { useList } from '../../state/list-store';

/** Said once, here and in ARCHITECTURE.md, so the tooltip and the core's filter cannot drift apart. */
const UNCHECKED_HINT =
  'Unchecked: an article with a stored claim still on a verdict without a rating (Unverified), or with no claim ruled on yet.';
const FALSE_HINT = 'False or misleading: an article with a stored claim whose verdict is rated 2 or lower (Misleading, False on the default scale).';

/** Filters by the verdicts stored on each article's claims; the counts are over the whole desk. */
export function ClaimsFilterSelect() {
  const claims = useList((s) => s.claims);
  const counts = useList((s) => s.facets?.claims);
  const setFilters = useList((s) => s.setFilters);
  return (
    <label title={`${UNCHECKED_HINT}\n${FALSE_HINT}`}>
      <span>Claims</span>
      <select
        value={claims ?? ''}
        aria-describedby="claims-filter-hint"
        onChange={(e) => setFilters({ claims: e.target.value === '' ? null : (e.target.value as 'unchecked' | 'false-or-misleading') })}
      >
        <option value="">Any</option>
        <option value="unchecked">Has unchecked claims ({counts?.unchecked ?? 0})</option>
        <option value="false-or-misleading">Has false or misleading claims ({counts?.falseOrMisleading ?? 0})</option>
      </select>
      <span id="claims-filter-hint" className="sr-only">
        {UNCHECKED_HINT} {FALSE_HINT}
      </span>
    </label>
  );
}

/** The desk-wide entity view, started from the fact-check panel: shown as a chip that removes itself. */
export function MentionsChip() {
  const mentions = useList((s) => s.mentions);
  const setFilters = useList((s) => s.setFilters);
  if (!mentions) return null;
  const also = mentions.aliases.length ? ` (or ${mentions.aliases.join(', ')})` : '';
  return (
    <div className="chips active-filters" role="group" aria-label="Active filters">
      <button
        className="chip filter-chip"
        aria-pressed="true"
        aria-label={`Mentions: ${mentions.name}. Remove this filter`}
        title={`Articles whose headline, highlights, caption or body name ${mentions.name}${also}, as a whole word with the same capitals. Click to remove.`}
        onClick={() => setFilters({ mentions: null })}
      >
        <span dir="auto">Mentions: {mentions.name}</span> <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
