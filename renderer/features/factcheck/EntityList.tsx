import { useState } from 'react';
import type { EntityType, FactcheckView } from '../../../electron/core/factcheck/types';
import { useFactcheck } from '../../state/factcheck-store';
import { useList } from '../../state/list-store';
import { useReader } from '../../state/reader-store';

type EntityItem = FactcheckView['entities'][number];

const TYPE_LABELS = { person: 'People', organization: 'Organizations', place: 'Places' } as const;
const TYPE_CHOICES: { value: EntityType | 'none'; label: string }[] = [
  { value: 'person', label: 'Person' },
  { value: 'organization', label: 'Organization' },
  { value: 'place', label: 'Place' },
  { value: 'none', label: 'Not a name (remove)' },
];

/**
 * The article's names by type. Choosing a name shows, in the list, every article on the desk whose text names
 * it (or one of its other names here); Fix retypes, renames or removes it, and the fix is kept with the article.
 */
export function EntityList({ entities, removed }: { entities: EntityItem[]; removed: FactcheckView['removedEntities'] }) {
  const [fixing, setFixing] = useState<string | null>(null);
  const mentions = useList((s) => s.mentions);
  return (
    <section className="fc-section" aria-labelledby="fc-entities">
      <h2 id="fc-entities">
        Names <span className="count">{entities.length}</span>
      </h2>
      {entities.length === 0 && <p className="muted">No names found.</p>}
      {(['person', 'organization', 'place'] as const).map((type) => {
        const of = entities.filter((e) => e.type === type);
        if (of.length === 0) return null;
        return (
          <div key={type} className="fc-entity-group">
            <h3>{TYPE_LABELS[type]}</h3>
            <ul className="fc-entities" aria-label={TYPE_LABELS[type]}>
              {of.map((e) => (
                <li key={e.name} className={fixing === e.name ? 'fixing' : undefined}>
                  <EntityButton entity={e} active={mentions?.name === e.name} />
                  <button
                    className="tool"
                    aria-label={`Fix ${e.name}`}
                    aria-expanded={fixing === e.name}
                    title="Wrong type, wrong name, or not a name at all?"
                    onClick={() => setFixing(fixing === e.name ? null : e.name)}
                  >
                    ✎
                  </button>
                  {fixing === e.name && <EntityFixForm entity={e} onDone={() => setFixing(null)} />}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {removed.length > 0 && <RemovedNames removed={removed} />}
    </section>
  );
}

function EntityButton({ entity: e, active }: { entity: EntityItem; active: boolean }) {
  const show = (): void => {
    useList.getState().setFilters({ mentions: active ? null : { name: e.name, aliases: e.aliases } });
    // On a narrow window the list hides behind the reader; come back to it to see the articles.
    if (!active && window.matchMedia('(max-width: 900px)').matches) useReader.getState().close();
  };
  const also = e.aliases.length ? ` (also ${e.aliases.join(', ')})` : '';
  return (
    <button
      className="link fc-entity"
      aria-pressed={active}
      aria-label={`${e.name}, ${e.count} mention${e.count === 1 ? '' : 's'}: show every article that names it`}
      title={`${e.count} mention${e.count === 1 ? '' : 's'} here${also}. Show every article on the desk that names ${e.name}.`}
      onClick={show}
    >
      <span dir="auto">{e.name}</span> <span className="count">×{e.count}</span>
    </button>
  );
}

function EntityFixForm({ entity, onDone }: { entity: EntityItem; onDone(): void }) {
  const fixEntity = useFactcheck((s) => s.fixEntity);
  const [type, setType] = useState<EntityType | 'none'>(entity.type);
  const [name, setName] = useState(entity.name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    const rename = name.trim() !== '' && name.trim() !== entity.name ? name.trim() : undefined;
    setBusy(true);
    const refusal = await fixEntity(type === 'none' ? { name: entity.name, type: null } : { name: entity.name, type, ...(rename ? { rename } : {}) });
    setBusy(false);
    setError(refusal);
    if (!refusal) onDone();
  };

  return (
    <form className="fc-entity-fix" onSubmit={(e) => void submit(e)} aria-label={`Fix ${entity.name}`}>
      <label>
        Type
        <select value={type} onChange={(e) => setType(e.target.value as EntityType | 'none')} autoFocus>
          {TYPE_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} disabled={type === 'none'} dir="auto" />
      </label>
      <div className="fc-entity-fix-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : type === 'none' ? 'Remove' : 'Save'}
        </button>
        <button type="button" onClick={onDone} disabled={busy}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** Names an editor removed as false positives, with the way back. */
function RemovedNames({ removed }: { removed: FactcheckView['removedEntities'] }) {
  const fixEntity = useFactcheck((s) => s.fixEntity);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="fc-removed">
      <h3>Removed as not names</h3>
      <ul className="fc-entities" aria-label="Removed as not names">
        {removed.map((e) => (
          <li key={e.name}>
            <span dir="auto" className="muted">
              {e.name}
            </span>{' '}
            <button className="link" onClick={() => void fixEntity({ name: e.name, type: e.type }).then(setError)} aria-label={`Restore ${e.name}`}>
              Restore
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
