import type { ArticleView } from '../../../electron/core/api';
import type { Revision } from '../../../electron/core/model';
import { fieldLabel, formatTime } from '../../lib/fields';
import { useHistory } from '../../state/history-store';
import { RevisionSummary } from './RevisionSummary';

/** Every revision, newest first, with who made it and why; pick any two points to compare them. */
export function HistoryPanel({ article }: { article: ArticleView }) {
  const { from, to, setFrom, setTo, compare } = useHistory();
  const n = article.revisions.length;
  const b = to ?? n;
  const marks = markRevisions(article);

  return (
    <section className="history" aria-label="History">
      <div className="history-head">
        <p className="muted">
          {n === 0 ? 'No changes yet.' : `${n} revision${n === 1 ? '' : 's'}. Choose a “from” and a “to” point to compare any two.`}
        </p>
        <button onClick={() => compare(from, to)} disabled={n === 0}>
          Compare from {from === 0 ? 'original' : `r${from}`} to {b === n ? 'now' : `r${b}`}
        </button>
      </div>
      <ol className="revisions" reversed>
        {[...article.revisions].reverse().map((rev) => {
          const point = article.revisions.indexOf(rev) + 1;
          return (
            <li key={rev.id} className={`rev op-${rev.op}${marks.get(rev.id) === 'undone' ? ' undone' : ''}`}>
              <div className="rev-head">
                <span className="rev-id">{rev.id}</span>
                <strong>{rev.op === 'ack' ? 'Review' : fieldLabel(rev.field)}</strong>
                <OpBadge rev={rev} mark={marks.get(rev.id)} />
              </div>
              <div className="rev-summary">
                <RevisionSummary rev={rev} />
              </div>
              <div className="rev-meta">
                <span className="rev-editor">{rev.editor}</span> · <time dateTime={rev.at}>{formatTime(rev.at)}</time>
                {rev.reason && <span className="rev-reason"> · “{rev.reason}”</span>}
              </div>
              <PointPicker point={point} label={`after ${rev.id}`} from={from} to={b} setFrom={setFrom} setTo={(p) => setTo(p === n ? null : p)}>
                <button className="link" onClick={() => compare(point - 1, point === n ? null : point)}>
                  Show this change
                </button>
              </PointPicker>
            </li>
          );
        })}
        <li className="rev original">
          <div className="rev-head">
            <strong>Original</strong>
            <span className="muted">imported {formatTime(article.importedAt)}</span>
          </div>
          <PointPicker point={0} label="the original" from={from} to={b} setFrom={setFrom} setTo={(p) => setTo(p === n ? null : p)} />
        </li>
      </ol>
    </section>
  );
}

type Mark = 'next-undo' | 'next-redo' | 'undone' | 'held';

/** What undo and redo would act on next, which edits are undone, and which are held after a re-import. */
function markRevisions(a: ArticleView): Map<string, Mark> {
  const marks = new Map<string, Mark>();
  for (const r of a.revisions) {
    if (r.op === 'undo' && r.target) marks.set(r.target, 'undone');
    if (r.op === 'redo' && r.target) marks.delete(r.target);
  }
  for (const id of a.needsReview) marks.set(id, 'held');
  const nextUndo = a.undoable.at(-1);
  const nextRedo = a.redoable.at(-1);
  if (nextUndo) marks.set(nextUndo, 'next-undo');
  if (nextRedo) marks.set(nextRedo, 'next-redo');
  return marks;
}

const MARK_TEXT: Record<Mark, string> = { 'next-undo': 'next undo', 'next-redo': 'undone · next redo', undone: 'undone', held: 'held for review' };

function OpBadge({ rev, mark }: { rev: Revision; mark: Mark | undefined }) {
  return (
    <>
      {rev.op === 'undo' && <span className="op-badge undo">↶ undo of {rev.target}</span>}
      {rev.op === 'redo' && <span className="op-badge redo">↷ redo of {rev.target}</span>}
      {rev.op === 'ack' && <span className="op-badge ack">reviewed</span>}
      {rev.batch && <span className="op-badge batch" title={`Made together with other articles (batch ${rev.batch})`}>bulk</span>}
      {mark && <span className={`op-badge mark-${mark}`}>{MARK_TEXT[mark]}</span>}
    </>
  );
}

type PickerProps = {
  point: number;
  label: string;
  from: number;
  to: number;
  setFrom(p: number): void;
  setTo(p: number): void;
  children?: React.ReactNode;
};

function PointPicker({ point, label, from, to, setFrom, setTo, children }: PickerProps) {
  return (
    <div className="rev-pick">
      <label>
        <input type="radio" name="compare-from" checked={from === point} onChange={() => setFrom(point)} />
        from<span className="sr-only"> {label}</span>
      </label>
      <label>
        <input type="radio" name="compare-to" checked={to === point} onChange={() => setTo(point)} />
        to<span className="sr-only"> {label}</span>
      </label>
      {children}
    </div>
  );
}
