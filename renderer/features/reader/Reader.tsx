import { useRef } from 'react';
import type { ArticleView } from '../../../electron/core/api';
import { StateMessage } from '../../components/StateMessage';
import { useReader } from '../../state/reader-store';
import { NotesFields } from '../editor/NotesFields';
import { ReviewBanner } from '../editor/ReviewBanner';
import { SaveIndicator } from '../editor/SaveIndicator';
import { StatusControl } from '../editor/StatusControl';
import { UndoRedo } from '../editor/UndoRedo';
import { TagEditor } from '../tags/TagEditor';
import { ArticleText } from './ArticleText';
import { SelectionClaim } from './SelectionClaim';
import { SidePanel } from './SidePanel';

/** The article as corrected so far, every field editable in place, beside its source, diff or history. */
export function Reader({ readerRef }: { readerRef: React.RefObject<HTMLElement | null> }) {
  const { article, loading, error } = useReader();
  const fieldsRef = useRef<HTMLElement | null>(null);

  if (error) return <StateMessage kind="error" title="This article could not be opened">{error}</StateMessage>;
  if (!article) return loading ? <StateMessage kind="loading" title="Opening the article…" /> : null;

  return (
    <article className="reader" ref={readerRef} tabIndex={-1} aria-label={`Article: ${article.headline}`}>
      <ReaderBar article={article} />
      <div className="reader-panes">
        <div className="reader-main">
          <div className="workflow">
            <StatusControl article={article} />
            <TagEditor article={article} />
          </div>
          <ReviewBanner article={article} />
          <section className="fields" aria-label="Parsed fields" ref={fieldsRef}>
            <ArticleText article={article} />
            <NotesFields article={article} />
            <Warnings article={article} />
          </section>
          <SelectionClaim article={article} rootRef={fieldsRef} />
        </div>
        <SidePanel article={article} />
      </div>
    </article>
  );
}

function ReaderBar({ article }: { article: ArticleView }) {
  const close = useReader((s) => s.close);
  return (
    <div className="reader-bar">
      <button className="icon" onClick={close} aria-label="Back to the list (Esc)">
        ←
      </button>
      <UndoRedo article={article} />
      <span className="spacer" />
      <SaveIndicator article={article} />
      <span className="muted article-id">id {article.id}</span>
    </div>
  );
}

function Warnings({ article }: { article: ArticleView }) {
  if (article.warnings.length === 0) return null;
  return (
    <section className="warnings" aria-label="Parse warnings">
      <h2>Parse warnings</h2>
      <ul>
        {article.warnings.map((w, i) => (
          <li key={i}>
            <code>{w.code}</code> {w.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
