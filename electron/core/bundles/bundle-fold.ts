import type { Revision } from '../model.js';
import { type BundleState, applyBundleChange, emptyBundle } from './bundle-state.js';

export interface FoldedBundle {
  state: BundleState;
  /** Revisions undo would step back, oldest first; the last is next. */
  undoable: string[];
  /** Undone revisions redo would re-apply; the last is next. */
  redoable: string[];
  /** The first revision that did not apply (the fold stops there), or null for a sound history. */
  broken: string | null;
}

type Change = Pick<Revision, 'id' | 'op' | 'target' | 'field' | 'before' | 'after'>;

/**
 * A bundle's state is never stored on its own authority: it is its revisions folded over the empty bundle, the
 * way an article is its revisions folded over its original. Undo and redo are revisions that put back a `before`
 * or an `after`; they may only target the top of their stack, which is what makes putting the value back exact.
 */
export function foldBundle(revisions: readonly Change[], upTo = revisions.length): FoldedBundle {
  let state: BundleState = emptyBundle();
  const undoable: string[] = [];
  let redoable: string[] = [];
  for (const rev of revisions.slice(0, upTo)) {
    const next = applyBundleChange(state, rev.field, rev.before, rev.after);
    if (!next) return { state, undoable, redoable, broken: rev.id };
    if (rev.op === 'undo') {
      if (rev.target === null || undoable.at(-1) !== rev.target) return { state, undoable, redoable, broken: rev.id };
      redoable.push(undoable.pop()!);
    } else if (rev.op === 'redo') {
      if (rev.target === null || redoable.at(-1) !== rev.target) return { state, undoable, redoable, broken: rev.id };
      undoable.push(redoable.pop()!);
    } else if (rev.op === 'edit') {
      undoable.push(rev.id);
      redoable = [];
    } else {
      return { state, undoable, redoable, broken: rev.id };
    }
    state = next;
  }
  return { state, undoable, redoable, broken: null };
}
