import { useEffect, useId, useRef } from 'react';
import { MOD_KEY } from '../../lib/fields';
import { useEditor } from '../../state/editor-store';

type Props = {
  label: string;
  /** Extra actions beside Save and Cancel (revert, add or remove a paragraph). */
  extra?: React.ReactNode;
  placeholder?: string;
};

/**
 * The inline editor: the text, an optional reason, Save and Cancel. Ctrl/⌘+Enter saves, Esc cancels. Nothing is
 * lost on failure: the desk's message appears under the text, which stays as typed.
 */
export function FieldEditor({ label, extra, placeholder }: Props) {
  const { draft, reason, busy, error, setDraft, setReason, save, cancel } = useEditor();
  const id = useId();
  const text = useRef<HTMLTextAreaElement | null>(null);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const t = text.current;
    t?.focus();
    t?.setSelectionRange(t.value.length, t.value.length);
    // Closing the editor hands focus back to whatever opened it, if that is still on screen.
    return () => {
      if ((document.activeElement === null || document.activeElement === document.body) && opener?.isConnected) opener.focus();
    };
  }, []);

  const onKeyDown = (e: React.KeyboardEvent): void => {
    // The editor owns its keys: none of them may move the list or close the reader behind it.
    e.stopPropagation();
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    }
  };

  return (
    <div className="field-editor" role="group" aria-labelledby={`${id}-label`} onKeyDown={onKeyDown}>
      <label id={`${id}-label`} htmlFor={`${id}-text`} className="editor-label">
        {label}
      </label>
      <textarea
        id={`${id}-text`}
        ref={text}
        value={draft}
        dir="auto"
        placeholder={placeholder}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
      />
      <label className="reason">
        <span>Reason</span>
        <input
          value={reason}
          placeholder="Optional: why, or the source of the fix"
          maxLength={5000}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
              e.preventDefault();
              void save();
            }
          }}
        />
      </label>
      <div className="editor-actions">
        <button className="primary" onClick={() => void save()} disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button onClick={cancel} disabled={busy}>
          Cancel
        </button>
        {extra}
        <span id={`${id}-hint`} className="hint">
          {MOD_KEY}+Enter saves · Esc cancels
        </span>
      </div>
      {error && (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
