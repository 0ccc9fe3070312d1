import { useEffect, useRef } from 'react';
import type { ArticleView } from '../../../electron/core/api';
import type { FieldRef } from '../../state/reader-store';

/** The article exactly as it stands in the seed file, with the chosen field's span marked. */
export function SourcePane({ article, focus }: { article: ArticleView; focus: FieldRef | null }) {
  const markRef = useRef<HTMLElement | null>(null);
  const span = focus ? article.spans.find((s) => s.field === focus.field && s.index === focus.index) : undefined;
  const text = article.sourceText;

  useEffect(() => {
    markRef.current?.scrollIntoView({ block: 'nearest' });
  }, [span?.start, span?.end]);

  return (
    <section className="source" aria-label="Source text">
      <header>
        <h2>Source</h2>
        <span className="muted" title={article.source.path}>
          {article.source.file} · article {article.source.index + 1} · chars {article.source.start}–{article.source.end}
        </span>
      </header>
      <pre dir="auto" tabIndex={0} aria-label="Original source text">
        {span ? (
          <>
            {text.slice(0, span.start)}
            <mark ref={markRef} className="source-mark">
              {text.slice(span.start, span.end)}
            </mark>
            {text.slice(span.end)}
          </>
        ) : (
          text
        )}
      </pre>
    </section>
  );
}
