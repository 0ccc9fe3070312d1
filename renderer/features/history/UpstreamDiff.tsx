import { useMemo } from 'react';
import type { ArticleView } from '../../../electron/core/api';
import { initialState } from '../../../electron/core/revisions';
import { formatTime } from '../../lib/fields';
import { DiffText } from './DiffText';
import { diffSections } from './diff';

/** After a re-import: the source as it was before against the source as it is now, corrections aside. */
export function UpstreamDiff({ article }: { article: ArticleView }) {
  const prior = article.priorOriginals.at(-1);
  const sections = useMemo(
    () => (prior ? diffSections(initialState(prior.content), initialState(article.original)).filter((s) => s.changed) : []),
    [prior, article.original],
  );
  if (!prior) return null;
  return (
    <details className="upstream" open>
      <summary>
        What changed upstream <span className="muted">· source replaced {formatTime(prior.replacedAt)}</span>
      </summary>
      <p className="muted">The previous source text against the one imported since; corrections are not part of this view.</p>
      {sections.map((s) => (
        <section key={s.key} className="diff-section changed" aria-label={`Upstream: ${s.label}`}>
          <h3>{s.label}</h3>
          <DiffText parts={s.parts} />
        </section>
      ))}
      {sections.length === 0 && <p className="muted">The text is the same; only its place in the file changed.</p>}
    </details>
  );
}
