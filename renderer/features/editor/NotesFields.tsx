import type { ArticleView } from '../../../electron/core/api';
import { EditableField } from './EditableField';

const NOTES = [
  { path: 'correctionNotice', title: 'Correction notice', scope: 'public', hint: 'Published with the article. Empty removes it.' },
  { path: 'notes', title: 'Editor’s note', scope: 'internal', hint: 'For the desk only, never published. Empty removes it.' },
] as const;

/** The public correction notice and the desk's internal note: written like any field, cleared by saving empty. */
export function NotesFields({ article }: { article: ArticleView }) {
  return (
    <section className="notes" aria-label="Notes">
      {NOTES.map((n) => {
        const text = article[n.path];
        return (
          <div key={n.path} className={`note note-${n.path}`}>
            <h2>
              {n.title} <span className={`scope ${n.scope}`}>{n.scope}</span>
            </h2>
            <EditableField article={article} path={n.path} label={n.title} at={null}>
              {text ?? <span className="muted">None. {n.hint}</span>}
            </EditableField>
          </div>
        );
      })}
    </section>
  );
}
