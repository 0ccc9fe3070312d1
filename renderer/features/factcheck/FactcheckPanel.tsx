import { useEffect } from 'react';
import type { ArticleView } from '../../../electron/core/api';
import type { ClaimView, FactcheckView } from '../../../electron/core/factcheck/types';
import type { VerdictDefinition } from '../../../electron/core/model';
import { useFactcheck } from '../../state/factcheck-store';
import { ClaimItem } from './ClaimItem';
import { EntityList } from './EntityList';
import { Markable } from './Markable';
import { clearArticleMark } from './mark-in-article';
import { useVerdictScale } from './verdicts';

/** Claims worth checking with their verdicts, then the quotes, names and dates the analysis found. */
export function FactcheckPanel({ article }: { article: ArticleView }) {
  const { view, loading, error, load } = useFactcheck();
  const scale = useVerdictScale();
  useEffect(() => clearArticleMark, []);
  // Another article, or the open one changed (the reader refetches it on the desk's articles-changed events).
  useEffect(() => {
    void load(article.id);
  }, [article, load]);

  if (error) return <section className="factcheck" aria-label="Fact-check"><p className="error" role="alert">{error}</p></section>;
  if (!view) return <section className="factcheck" aria-label="Fact-check" aria-busy={loading}><p className="muted">{loading ? 'Analysing the article…' : ''}</p></section>;

  return (
    <section className="factcheck" aria-label="Fact-check" aria-busy={loading}>
      <Claims claims={view.claims} scale={scale} />
      <Quotes quotes={view.quotes} />
      <EntityList entities={view.entities} removed={view.removedEntities} />
      <Dates dates={view.dates} />
    </section>
  );
}

function Claims({ claims, scale }: { claims: ClaimView[]; scale: readonly VerdictDefinition[] | null }) {
  return (
    <section className="fc-section" aria-labelledby="fc-claims">
      <h2 id="fc-claims">
        Claims <span className="count">{claims.length}</span>
      </h2>
      <p className="muted fc-tip">Select words in the article to make them a claim.</p>
      {claims.length === 0 ? (
        <p className="muted">No checkable claims found.</p>
      ) : (
        <ol className="fc-claims">
          {claims.map((c, i) => (
            <ClaimItem key={c.id} claim={c} index={i} scale={scale} />
          ))}
        </ol>
      )}
    </section>
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
