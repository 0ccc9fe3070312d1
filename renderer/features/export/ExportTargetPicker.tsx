import { useBundles } from '../../state/bundles-store';
import { useExport } from '../../state/export-store';
import { useList } from '../../state/list-store';

/** What to export: a bundle, the articles selected when the dialog opened, or everything not spiked. */
export function ExportTargetPicker() {
  const { target, selectionIds, setTarget } = useExport();
  const bundles = useBundles((s) => s.bundles) ?? [];
  const openBundle = useBundles((s) => s.openId);
  const facets = useList((s) => s.facets);
  const notSpiked = facets ? Object.entries(facets.statuses).reduce((n, [s, c]) => n + (s === 'spiked' ? 0 : c), 0) : null;
  const bundleId = target.kind === 'bundle' ? target.id : (openBundle ?? bundles[0]?.id ?? null);
  const n = selectionIds.length;

  return (
    <fieldset className="choice-group export-what">
      <legend>What</legend>
      <div className="choice-line">
        <label>
          <input
            type="radio"
            name="export-what"
            checked={target.kind === 'bundle'}
            disabled={!bundleId}
            onChange={() => bundleId && setTarget({ kind: 'bundle', id: bundleId })}
            data-autofocus={target.kind === 'bundle' ? true : undefined}
          />
          The bundle
        </label>
        <select
          aria-label="Bundle to export"
          value={bundleId ?? ''}
          disabled={bundles.length === 0}
          onChange={(e) => setTarget({ kind: 'bundle', id: e.target.value })}
        >
          {bundles.length === 0 && <option value="">No bundles yet</option>}
          {bundles.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name} ({b.count})
            </option>
          ))}
        </select>
      </div>
      <label className={n === 0 ? 'disabled' : undefined}>
        <input
          type="radio"
          name="export-what"
          checked={target.kind === 'selection'}
          disabled={n === 0}
          onChange={() => setTarget({ kind: 'selection', ids: selectionIds })}
          data-autofocus={target.kind === 'selection' ? true : undefined}
        />
        The {n} selected article{n === 1 ? '' : 's'}
      </label>
      <label>
        <input
          type="radio"
          name="export-what"
          checked={target.kind === 'all'}
          onChange={() => setTarget({ kind: 'all' })}
          data-autofocus={target.kind === 'all' ? true : undefined}
        />
        Every article that is not spiked{notSpiked !== null ? ` (${notSpiked})` : ''}
      </label>
    </fieldset>
  );
}
