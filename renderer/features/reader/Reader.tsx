import { useMemo } from 'react';
import type { ArticleView } from '../../../electron/core/api';
import { Highlight } from '../../components/Highlight';
import { StateMessage } from '../../components/StateMessage';
import { StatusBadge } from '../../components/StatusBadge';
import { useList } from '../../state/list-store';
import { type FieldRef, useReader } from '../../state/reader-store';
import { SourcePane } from './SourcePane';

/** Parsed fields beside the source. Choosing any field (click, or Tab then Enter) marks its span in the source. */
export function Reader({ readerRef }: { readerRef: React.RefObject<HTMLElement | null> }) {
  const { article, loading, error, focus, setFocus, close } = useReader();
  const terms = useList((s) => s.terms);
  const termSet = useMemo(() => new Set(terms), [terms]);

  if (error) return <StateMessage kind="error" title="This article could not be opened">{error}</StateMessage>;
  if (!article) return loading ? <StateMessage kind="loading" title="Opening the article…" /> : null;

  return (
    <article className="reader" ref={readerRef} tabIndex={-1} aria-label={`Article: ${article.headline}`}>
      <div className="reader-bar">
        <button className="icon" onClick={close} aria-label="Back to the list (Esc)">
          ←
        </button>
        <StatusBadge status={article.status} />
        <span className="muted">id {article.id}</span>
      </div>
      <div className="reader-panes">
        <section className="fields" aria-label="Parsed fields">
          <Field focus={focus} setFocus={setFocus} at={{ field: 'headline', index: null }} label="Headline" as="h1">
            <Highlight text={article.headline} terms={termSet} />
          </Field>
          <Meta article={article} />
          {(article.caption || article.credit) && (
            <Field focus={focus} setFocus={setFocus} at={{ field: 'caption', index: null }} label="Caption" className="caption">
              {article.caption && <Highlight text={article.caption} terms={termSet} />}
              {article.credit && <span className="credit"> ({article.credit})</span>}
            </Field>
          )}
          {article.highlights.length > 0 && (
            <ul className="highlights" aria-label="Highlights">
              {article.highlights.map((h, i) => (
                <li key={i}>
                  <Field focus={focus} setFocus={setFocus} at={{ field: 'highlights', index: i }} label={`Highlight ${i + 1}`}>
                    <Highlight text={h} terms={termSet} />
                  </Field>
                </li>
              ))}
            </ul>
          )}
          {article.byline && (
            <Field focus={focus} setFocus={setFocus} at={{ field: 'byline', index: null }} label="Byline" className="byline">
              By {article.byline}
            </Field>
          )}
          <div className="body" aria-label="Body">
            {article.paragraphs.map((p, i) => (
              <Field key={i} focus={focus} setFocus={setFocus} at={{ field: 'paragraphs', index: i }} label={`Paragraph ${i + 1}`} as="p">
                {i === 0 && article.dateline && <span className="dateline-mark">{article.datelineText ?? article.dateline} </span>}
                <Highlight text={p} terms={termSet} />
              </Field>
            ))}
          </div>
          {article.warnings.length > 0 && (
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
          )}
        </section>
        <SourcePane article={article} focus={focus} />
      </div>
    </article>
  );
}

function Meta({ article }: { article: ArticleView }) {
  const u = article.updated;
  return (
    <dl className="meta">
      <div>
        <dt>Dateline</dt>
        <dd>{article.dateline ?? '—'}</dd>
      </div>
      <div>
        <dt>Updated</dt>
        <dd>
          {u ? (u.date ?? u.raw) : '—'}
          {u?.relative && <span className="relative"> ⟳ relative: cannot be pinned to a day</span>}
        </dd>
      </div>
      <div>
        <dt>Paragraphs</dt>
        <dd>{article.paragraphs.length}</dd>
      </div>
    </dl>
  );
}

type FieldProps = {
  at: FieldRef;
  focus: FieldRef | null;
  setFocus(ref: FieldRef | null): void;
  label: string;
  as?: 'h1' | 'p' | 'div';
  className?: string;
  children: React.ReactNode;
};

function Field({ at, focus, setFocus, label, as: Tag = 'div', className, children }: FieldProps) {
  const active = focus?.field === at.field && focus.index === at.index;
  const choose = (): void => setFocus(active ? null : at);
  return (
    <Tag
      className={`field${active ? ' active' : ''}${className ? ` ${className}` : ''}`}
      dir="auto"
      tabIndex={0}
      title={`${label}: press Enter to show it in the source`}
      aria-current={active ? 'true' : undefined}
      data-field={at.field}
      data-index={at.index ?? undefined}
      onClick={choose}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          e.stopPropagation();
          choose();
        }
      }}
    >
      {children}
    </Tag>
  );
}
