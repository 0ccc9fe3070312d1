import type { ArticleView } from '../../../electron/core/api';
import { sameValue } from '../../../electron/core/revisions';
import { MOD_KEY, currentOf, fieldLabel } from '../../lib/fields';
import { useEditor } from '../../state/editor-store';

/** Undo and redo step through this article's history (they are revisions too), and revert puts back the parse. */
export function UndoRedo({ article }: { article: ArticleView }) {
  const { undo, redo, revertArticle } = useEditor();
  const nextUndo = article.revisions.find((r) => r.id === article.undoable.at(-1));
  const nextRedo = article.revisions.find((r) => r.id === article.redoable.at(-1));
  const edited = !sameValue(currentOf(article).content, article.original);

  return (
    <div className="undo-redo" role="group" aria-label="Undo and redo">
      <button
        onClick={() => void undo()}
        disabled={!nextUndo}
        aria-keyshortcuts="Control+Z Meta+Z"
        title={nextUndo ? `Undo ${describe(nextUndo.field)} (${MOD_KEY}+Z)` : 'Nothing to undo'}
      >
        ↶ Undo
      </button>
      <button
        onClick={() => void redo()}
        disabled={!nextRedo}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        title={nextRedo ? `Redo ${describe(nextRedo.field)} (${MOD_KEY}+Shift+Z)` : 'Nothing to redo'}
      >
        ↷ Redo
      </button>
      <button onClick={() => void revertArticle()} disabled={!edited} title="Put every field back as it was imported (one step, which Undo takes back)">
        Revert article to original
      </button>
    </div>
  );
}

const describe = (field: string): string => fieldLabel(field).toLowerCase();

