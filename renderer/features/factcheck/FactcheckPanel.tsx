import { useEffect, useId, useState } from 'react';
import type { ArticleView } from '../../../electron/core/api';
import type { Anchor, ClaimView, FactcheckView } from '../../../electron/core/factcheck/types';
import { VERDICT_OPTIONS, type Verdict, useFactcheck } from '../../state/factcheck-store';
import { clearArticleMark, markInArticle } from './mark-in-article';

const VERDICT_LABELS: Record<Verdict, string> = {
  unverified: 'Unverified',
  true: 'True',
  'mostly-true': 'Mostly true',
  misleading: 'Misleading',
  false: 'False',
  unproven: 'Unproven',
};

const verdictLabel = (v: string): string => VERDICT_LABELS[v as Verdict] ?? v;

/** Claims worth checking with their verdicts, then the quotes, names and dates the analysis found. */
export function FactcheckPanel({ article }: { article: ArticleView }) {
  const { view, loading, error, load } = useFactcheck();
  useEffect(() => clearArticleMark, []);
  // Another article, or the open one changed (the reader refetches it on the desk's articles-changed events).
  useEffect(() => {
    void load(article.id);
  }, [article, load]);

  if (error) return <section className="factcheck" aria-label="Fact-check"><p className="error" role="alert">{error}</p></section>;
  if (!view) return <section className="factcheck" aria-label="Fact-check" aria-busy={loading}><p className="muted">{loading ? 'Analysing the article…' : ''}</p></section>;

  return (
    <section className="factcheck" aria-label="Fact-check" aria-busy={loading}>
      <Claims claims={view.claims} />
      <Quotes quotes={view.quotes} />
      <Entities entities={view.entities} />
      <Dates dates={view.dates} />
    </section>
  );
}

/** A list item that marks its words in the article when chosen (click, or Enter / Space). */
function Markable({ markKey, anchor, className, children }: { markKey: string; anchor: Anchor; className?: string; children: React.ReactNode }) {
  const { marked, mark } = useFactcheck();
  const [missing, setMissing] = useState(false);
  const active = marked === markKey;
  const choose = (): void => {
    if (active) {
      mark(null, null);
      clearArticleMark();
      setMissing(false);
      return;
    }
    mark(markKey, anchor);
    setMissing(!markInArticle(anchor));
  };
  return (
    <div
      className={`fc-mark${active ? ' active' : ''}${className ? ` ${className}` : ''}`}
      role="button"
      tabIndex={0}
      aria-pressed={active}
      title="Show it in the article (Enter)"
      onClick={choose}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          choose();
        }
      }}
    >
      {children}
      {active && missing && <span className="muted fc-missing"> (not in the article as it stands)</span>}
    </div>
  );
}

function Claims({ claims }: { claims: ClaimView[] }) {
  return (
    <section className="fc-section" aria-labelledby="fc-claims">
      <h2 id="fc-claims">
        Claims <span className="count">{claims.length}</span>
      </h2>
      {claims.length === 0 ? (
        <p className="muted">No checkable claims found.</p>
      ) : (
        <ol className="fc-claims">
          {claims.map((c, i) => (
            <ClaimItem key={c.id} claim={c} index={i} />
          ))}
        </ol>
      )}
    </section>
  );
}

function ClaimItem({ claim, index }: { claim: ClaimView; index: number }) {
  const save = useFactcheck((s) => s.save);
  const id = useId();
  const [verdict, setVerdict] = useState<Verdict>((VERDICT_OPTIONS as readonly string[]).includes(claim.verdict) ? (claim.verdict as Verdict) : 'unverified');
  const [note, setNote] = useState('');
  const [source, setSource] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  // The desk's verdict changed (saved here, or elsewhere): show it in the select.
  const [shownVerdict, setShownVerdict] = useState(claim.verdict);
  if (shownVerdict !== claim.verdict) {
    setShownVerdict(claim.verdict);
    setVerdict((VERDICT_OPTIONS as readonly string[]).includes(claim.verdict) ? (claim.verdict as Verdict) : 'unverified');
  }

  const onSave = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    const trimmedNote = note.trim();
    const trimmedSource = source.trim();
    const refusal = await save({
      text: claim.anchor.exact,
      verdict,
      ...(trimmedNote ? { note: trimmedNote } : {}),
      ...(trimmedSource ? { sources: [trimmedSource] } : {}),
    });
    setBusy(false);
    setError(refusal);
    if (!refusal) {
      setNote('');
      setSource('');
      setSaved(true);
    }
  };

  return (
    <li className={`fc-claim${claim.orphaned ? ' orphaned' : ''}`} data-claim-id={claim.id}>
      <Markable markKey={`claim:${claim.id}`} anchor={claim.anchor}>
        <span className="fc-claim-head">
          <span className={`verdict v-${claim.verdict}`}>{verdictLabel(claim.verdict)}</span>
          <span className="fc-score" title="How checkable the sentence looks">
            score {claim.score}
          </span>
          {claim.fuzzy && !claim.orphaned && <span className="badge warn">reworded</span>}
        </span>
        <span className="fc-claim-text" dir="auto">
          {claim.text}
        </span>
        {claim.orphaned && (
          <span className="fc-orphaned" dir="auto">
            orphaned — last quote: “{claim.anchor.exact}”
          </span>
        )}
      </Markable>
      {claim.reasons.length > 0 && (
        <details className="fc-why">
          <summary>Why</summary>
          <ul>
            {claim.reasons.map((r, i) => (
              <li key={i} dir="auto">
                {r}
              </li>
            ))}
          </ul>
        </details>
      )}
      {(claim.notes.length > 0 || claim.sources.length > 0) && (
        <div className="fc-record">
          {claim.notes.length > 0 && (
            <ul className="fc-notes" aria-label="Notes">
              {claim.notes.map((n, i) => (
                <li key={i} dir="auto">
                  {n}
                </li>
              ))}
            </ul>
          )}
          {claim.sources.length > 0 && (
            <ul className="fc-sources" aria-label="Sources">
              {claim.sources.map((s, i) => (
                <li key={i}>
                  <span className="fc-source-label">Source:</span> <span className="fc-source">{s}</span>
                </li>
              ))}
            </ul>
          )}
          {claim.checker && (
            <p className="muted fc-checker">
              {claim.checker}
              {claim.at ? `, ${new Date(claim.at).toLocaleString()}` : ''}
            </p>
          )}
        </div>
      )}
      <form className="fc-form" onSubmit={(e) => void onSave(e)} aria-label={`Verdict on claim ${index + 1}`}>
        <label>
          Verdict
          <select value={verdict} onChange={(e) => setVerdict(e.target.value as Verdict)} id={`${id}-verdict`}>
            {VERDICT_OPTIONS.map((v) => (
              <option key={v} value={v}>
                {VERDICT_LABELS[v]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Note
          <input type="text" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
        </label>
        <label>
          Source URL
          <input type="text" inputMode="url" value={source} onChange={(e) => setSource(e.target.value)} placeholder="https://…" />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        {error && (
          <p className="error fc-error" role="alert">
            {error}
          </p>
        )}
        {saved && !error && (
          <p className="fc-saved" role="status">
            Saved
          </p>
        )}
      </form>
    </li>
  );
}

function Quotes({ quotes }: { quotes: FactcheckView['quotes'] }) {
  return (
    <section className="fc-section" aria-labelledby="fc-quotes">
      <h2 id="fc-quotes">
        Quotes <span className="count">{quotes.length}</span>
      </h2>
      {quotes.length === 0 ? (
        <p className="muted">No quotes.</p>
      ) : (
        <ul className="fc-quotes">
          {quotes.map((q, i) => (
            <li key={i}>
              <Markable markKey={`quote:${i}`} anchor={q.anchor}>
                <span className="fc-quote" dir="auto">
                  “{q.text}”
                </span>{' '}
                — {q.speaker ? <span className="fc-speaker">{q.speaker}</span> : <span className="muted">speaker not named</span>}
              </Markable>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const TYPE_LABELS = { person: 'People', organization: 'Organizations', place: 'Places' } as const;

function Entities({ entities }: { entities: FactcheckView['entities'] }) {
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
                <li key={e.name} dir="auto">
                  {e.name} <span className="count">×{e.count}</span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

function Dates({ dates }: { dates: FactcheckView['dates'] }) {
  return (
    <section className="fc-section" aria-labelledby="fc-dates">
      <h2 id="fc-dates">
        Dates <span className="count">{dates.length}</span>
      </h2>
      {dates.length === 0 ? (
        <p className="muted">No dates.</p>
      ) : (
        <ul className="fc-dates">
          {dates.map((d, i) => (
            <li key={i}>
              <Markable markKey={`date:${i}`} anchor={d.anchor}>
                <span dir="auto">{d.text}</span> →{' '}
                {d.resolved ? (
                  <span className="fc-resolved">{d.resolved}</span>
                ) : (
                  <span className="fc-unresolved">
                    unresolved{d.note ? <span className="muted"> ({d.note})</span> : null}
                  </span>
                )}
                {d.resolved && d.note ? <span className="muted"> ({d.note})</span> : null}
              </Markable>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
