import type { ArticleView } from '../../../electron/core/api';
import { useTags } from '../../state/tags-store';
import { TagInput } from './TagInput';

/** The open article's tags: remove one with its ×, add one (or several, with commas) in the box. */
export function TagEditor({ article }: { article: ArticleView }) {
  const { add, remove, error, clearErrors } = useTags();
  return (
    <div className="tag-editor" role="group" aria-labelledby="reader-tags-label">
      <span id="reader-tags-label" className="field-label">
        Tags
      </span>
      {article.tags.length > 0 ? (
        <ul className="tag-list">
          {article.tags.map((t) => (
            <li key={t} className="tag">
              <span dir="auto">{t}</span>
              <button className="tag-remove" onClick={() => void remove([article.id], t)} aria-label={`Remove tag ${t}`} title={`Remove tag ${t}`}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <span className="muted no-tags">none yet</span>
      )}
      <TagInput
        label="Add a tag to this article"
        actions={[{ label: 'Add', run: (raw) => add([article.id], raw) }]}
        exclude={article.tags}
        error={error}
        onType={() => error && clearErrors()}
      />
    </div>
  );
}
