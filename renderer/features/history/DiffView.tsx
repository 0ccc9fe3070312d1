import { useMemo } from 'react';
import type { ArticleView } from '../../../electron/core/api';
import { fold } from '../../../electron/core/revisions';
import { fieldLabel } from '../../lib/fields';
import { useHistory } from '../../state/history-store';
import { DiffText } from './DiffText';
import { SECTIONS, type Section, diffSections } from './diff';
import { UpstreamDiff } from './UpstreamDiff';

/** Any two points of an article's history, whole or one field, in track-changes style. */
export function DiffView({ article }: { article: ArticleView }) {
  const { from, to, scope, showUnchanged, setFrom, setTo, setScope, setShowUnchanged } = useHistory();
  const n = article.revisions.length;
  const a = Math.min(from, n);
  const b = to === null ? n : Math.min(to, n);

  const sections = useMemo(() => {
    const at = (point: number) => fold(article.original, article.revisions, point).state;
    return diffSections(at(a), at(b), scope);
  }, [article.original, article.revisions, a, b, scope]);
  const visible = scope === 'article' && !showUnchanged ? sections.filter((s) => s.changed) : sections;

  return (
    <section className="diff-view" aria-label="Changes">
      <UpstreamDiff article={article} />
      <div className="diff-controls">
        <label>
          <span>From</span>
          <select value={a} onChange={(e) => setFrom(Number(e.target.value))}>
            <PointOptions article={article} />
          </select>
        </label>
        <label>
          <span>To</span>
          <select value={b} onChange={(e) => setTo(Number(e.target.value) === n ? null : Number(e.target.value))}>
            <PointOptions article={article} />
          </select>
        </label>
        <label>
          <span>Field</span>
          <select value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="article">Whole article</option>
            {SECTIONS.map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        {scope === 'article' && (
          <label className="check">
            <input type="checkbox" checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} />
            <span>Show unchanged fields</span>
          </label>
        )}
      </div>
      <p className="diff-legend">
        <span className="legend-del">struck through</span> was removed, <span className="legend-ins">underlined</span> was added
      </p>
      {visible.map((s) => (
        <DiffSection key={s.key} section={s} />
      ))}
      {visible.length === 0 && <p className="muted diff-none">No differences between these two points.</p>}
    </section>
  );
}

function DiffSection({ section }: { section: Section }) {
  return (
    <section className={`diff-section${section.changed ? ' changed' : ''}`} aria-label={section.label}>
      <h3>
        {section.label}
        {!section.changed && <span className="muted"> · unchanged</span>}
      </h3>
      {section.parts.length > 0 ? <DiffText parts={section.parts} /> : <p className="muted diff-empty">(empty)</p>}
    </section>
  );
}

/** 0 is the original parse; k is the article after revision k; the last is now. */
function PointOptions({ article }: { article: ArticleView }) {
  const n = article.revisions.length;
  return (
    <>
      <option value={0}>Original, as imported</option>
      {article.revisions.map((r, i) => (
        <option key={r.id} value={i + 1}>
          {i + 1 === n ? 'Now, ' : ''}after {r.id}: {r.op === 'edit' ? fieldLabel(r.field) : `${r.op} ${r.target ?? ''}`}
        </option>
      ))}
    </>
  );
}
