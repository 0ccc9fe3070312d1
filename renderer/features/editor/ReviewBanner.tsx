import type { ArticleView } from '../../../electron/core/api';
import type { Revision } from '../../../electron/core/model';
import { getField } from '../../../electron/core/revisions';
import { currentOf, fieldLabel, formatTime, reapplyText, valueText } from '../../lib/fields';
import { useEditor } from '../../state/editor-store';
import { useHistory } from '../../state/history-store';
import { DiffText } from '../history/DiffText';
import { compact, wordDiff } from '../history/diff';

/**
 * A re-import changed text an editor had corrected. Those corrections are held, not applied; each is shown with
 * what it changed and what the source says now, to be re-applied or dismissed.
 */
export function ReviewBanner({ article }: { article: ArticleView }) {
  const setTab = useHistory((s) => s.setTab);
  const held = article.needsReview.map((id) => article.revisions.find((r) => r.id === id)).filter((r): r is Revision => r !== undefined);
  if (held.length === 0) return null;
  return (
    <section className="review-banner" aria-labelledby="review-title">
      <h2 id="review-title">
        The source changed under {held.length === 1 ? 'a correction' : `${held.length} corrections`}
      </h2>
      <p>
        A re-import replaced text that had been corrected, so {held.length === 1 ? 'this correction is' : 'these corrections are'} held
        back. Re-apply each to the new text, or dismiss it.
        {article.priorOriginals.length > 0 && (
          <>
            {' '}
            <button className="link" onClick={() => setTab('changes')}>
              What changed upstream
            </button>
          </>
        )}
      </p>
      <ul>
        {held.map((rev) => (
          <HeldCorrection key={rev.id} article={article} rev={rev} />
        ))}
      </ul>
    </section>
  );
}

function HeldCorrection({ article, rev }: { article: ArticleView; rev: Revision }) {
  const { reapply, acknowledge } = useEditor();
  const label = fieldLabel(rev.field);
  const before = valueText(rev.field, rev.before);
  const after = valueText(rev.field, rev.after);
  const whole = valueText(rev.field, getField(currentOf(article), rev.field));
  const now = whole.length > 400 ? `${whole.slice(0, 400)}…` : whole;
  const canReapply = reapplyText(rev) !== undefined;
  return (
    <li className="held">
      <div className="held-head">
        <strong>{label}</strong>{' '}
        <span className="muted">
          {rev.id} by {rev.editor}, {formatTime(rev.at)}
          {rev.reason && ` · “${rev.reason}”`}
        </span>
      </div>
      <dl>
        <div>
          <dt>Correction</dt>
          <dd>
            <DiffText as="span" className="compact" parts={compact(wordDiff(before, after), 80)} />
          </dd>
        </div>
        <div>
          <dt>Source now</dt>
          <dd dir="auto">{now || <span className="muted">(empty)</span>}</dd>
        </div>
      </dl>
      <div className="held-actions">
        <button onClick={() => void reapply(rev.id)} disabled={!canReapply} title={canReapply ? `Set the ${label.toLowerCase()} to the corrected text again` : 'Only a text correction can be put back in one step; redo this one by hand'}>
          Re-apply correction
        </button>
        <button onClick={() => void acknowledge(rev.id)}>Dismiss</button>
      </div>
    </li>
  );
}
