import { useEffect, useId, useRef } from 'react';
import { useEditor } from '../../state/editor-store';
import { FieldEditor } from './FieldEditor';

/** Beside paragraph n: add one after it, or remove it. Both open a small form first, for the reason. */
export function ParagraphTools({ n }: { n: number }) {
  const start = useEditor((s) => s.start);
  return (
    <>
      <button className="tool" onClick={() => start({ kind: 'insert', position: n + 1 })} aria-label={`Add a paragraph after paragraph ${n}`} title={`Add a paragraph after paragraph ${n}`}>
        +
      </button>
      <button className="tool" onClick={() => start({ kind: 'remove', index: n })} aria-label={`Remove paragraph ${n}`} title={`Remove paragraph ${n}`}>
        −
      </button>
    </>
  );
}

/** An article without body text can be given its first paragraph. */
export function FirstParagraph() {
  const start = useEditor((s) => s.start);
  const adding = useEditor((s) => s.editing?.kind === 'insert' && s.editing.position === 1);
  if (adding) return <FieldEditor label="First paragraph" placeholder="Text of the paragraph" />;
  return (
    <button className="tool text" onClick={() => start({ kind: 'insert', position: 1 })}>
      + Add a paragraph
    </button>
  );
}

/** Under paragraph n: the editor for a new paragraph after it, or the confirmation to remove it. */
export function ParagraphSlot({ n }: { n: number }) {
  const editing = useEditor((s) => s.editing);
  if (editing?.kind === 'insert' && editing.position === n + 1) {
    return <FieldEditor label={`New paragraph after paragraph ${n}`} placeholder="Text of the new paragraph" />;
  }
  if (editing?.kind === 'remove' && editing.index === n) return <RemoveParagraph n={n} />;
  return null;
}

function RemoveParagraph({ n }: { n: number }) {
  const { reason, busy, error, setReason, save, cancel } = useEditor();
  const id = useId();
  const input = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    input.current?.focus();
    return () => {
      if ((document.activeElement === null || document.activeElement === document.body) && opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <div
      className="field-editor remove"
      role="group"
      aria-labelledby={`${id}-label`}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          cancel();
        }
      }}
    >
      <p id={`${id}-label`} className="editor-label">
        Remove paragraph {n}? It stays in the history, and Undo brings it back.
      </p>
      <label className="reason">
        <span>Reason</span>
        <input
          ref={input}
          value={reason}
          placeholder="Optional: why it goes"
          maxLength={5000}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void save();
            }
          }}
        />
      </label>
      <div className="editor-actions">
        <button className="danger" onClick={() => void save()} disabled={busy}>
          {busy ? 'Removing…' : 'Remove paragraph'}
        </button>
        <button onClick={cancel} disabled={busy}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
