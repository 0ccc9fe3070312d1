import { useEffect, useRef } from 'react';
import type { ArticleView } from '../../../electron/core/api';
import { currentOf, fieldText, isCorrected } from '../../lib/fields';
import { useEditor } from '../../state/editor-store';
import type { FieldRef } from '../../state/reader-store';
import { Field } from '../reader/Field';
import { FieldEditor } from './FieldEditor';

/** Starts editing `path` (headline, paragraph:3…) from the text as it stands now. */
export function startEditing(article: ArticleView, path: string, label: string): void {
  useEditor.getState().start({ kind: 'field', field: path, label, original: fieldText(currentOf(article), path) });
}

const useEditingField = (path: string): boolean => useEditor((s) => s.editing?.kind === 'field' && s.editing.field === path);

type Props = {
  article: ArticleView;
  /** The core's name for the field: headline, caption, highlight:2, paragraph:3, notes… */
  path: string;
  label: string;
  at: FieldRef | null;
  as?: 'h1' | 'p' | 'div';
  className?: string;
  /** More buttons beside Edit (add or remove a paragraph). */
  tools?: React.ReactNode;
  children: React.ReactNode;
};

/** A field that reads as text and becomes an editor in place; focus comes back to it when editing ends. */
export function EditableField({ article, path, label, at, as, className, tools, children }: Props) {
  const editing = useEditingField(path);
  const fieldRef = useRef<HTMLElement | null>(null);
  const wasEditing = useRef(false);
  const corrected = isCorrected(article, path);

  useEffect(() => {
    if (wasEditing.current && !editing) fieldRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (editing) return <FieldEditor label={label} extra={<RevertButton article={article} path={path} label={label} />} />;
  const edit = (): void => startEditing(article, path, label);
  return (
    <div className={`field-row${corrected ? ' corrected' : ''}`}>
      <Field at={at} label={label} as={as} className={className} ref={fieldRef} onEdit={edit}>
        {children}
      </Field>
      <div className="field-tools">
        {corrected && <span className="sr-only">corrected</span>}
        <button className="tool" onClick={edit} aria-label={`Edit ${label.toLowerCase()}`} title={`Edit ${label.toLowerCase()} (E)`}>
          ✎
        </button>
        {tools}
      </div>
    </div>
  );
}

/** A text button that opens the editor on a field shown elsewhere (the date in the meta line, a missing caption). */
export function EditButton({ article, path, label, children, className = 'tool' }: { article: ArticleView; path: string; label: string; children?: React.ReactNode; className?: string }) {
  return (
    <button className={className} onClick={() => startEditing(article, path, label)} aria-label={children ? undefined : `Edit ${label.toLowerCase()}`} title={`Edit ${label.toLowerCase()}`}>
      {children ?? '✎'}
    </button>
  );
}

/** Where the editor opens for fields whose text is shown in a compact line (dateline, date, caption, credit). */
export function EditorSlot({ article, paths, labels }: { article: ArticleView; paths: string[]; labels: Record<string, string> }) {
  const field = useEditor((s) => (s.editing?.kind === 'field' && paths.includes(s.editing.field) ? s.editing.field : null));
  if (!field) return null;
  const label = labels[field] ?? field;
  return (
    <FieldEditor
      label={label}
      placeholder={field === 'updated' ? 'e.g. 13 August 2025' : undefined}
      extra={<RevertButton article={article} path={field} label={label} />}
    />
  );
}

function RevertButton({ article, path, label }: { article: ArticleView; path: string; label: string }) {
  const revert = useEditor((s) => s.revertField);
  const busy = useEditor((s) => s.busy);
  if (!isCorrected(article, path)) return null;
  return (
    <button onClick={() => void revert(path)} disabled={busy} title={`Put the ${label.toLowerCase()} back as it was imported`}>
      Revert to original
    </button>
  );
}
