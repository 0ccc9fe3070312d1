import { useId, useState } from 'react';
import { tagKey } from '../../../electron/core/editorial/tags';
import { useList } from '../../state/list-store';

type Action = { label: string; run(raw: string): Promise<boolean> };

type Props = {
  /** The input's accessible name. */
  label: string;
  /** Enter runs the first action; the text is cleared only when the desk accepted it. */
  actions: Action[];
  /** Tags not to suggest (already on the article). */
  exclude?: readonly string[];
  error?: string | null;
  onType?(): void;
  placeholder?: string;
};

/** A tag box that suggests the desk's tags (with counts) as you type; the desk's own message shows if it refuses. */
export function TagInput({ label, actions, exclude = [], error = null, onType, placeholder = 'Add a tag…' }: Props) {
  const [text, setText] = useState('');
  const tags = useList((s) => s.facets?.tags);
  const listId = useId();
  const errorId = useId();
  const taken = new Set(exclude.map(tagKey));
  const suggestions = (tags ?? []).filter((t) => !taken.has(tagKey(t.name)));

  // The box empties at once, so the next tag can be typed while this one is saved; if the desk refuses it,
  // the text comes back (unless something new was typed meanwhile) beside the desk's message.
  const run = async (action: Action | undefined): Promise<void> => {
    if (!action) return;
    const submitted = text;
    setText('');
    if (!(await action.run(submitted))) setText((now) => (now === '' ? submitted : now));
  };

  return (
    <div className="tag-input">
      <input
        list={listId}
        aria-label={label}
        placeholder={placeholder}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          onType?.();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void run(actions[0]);
          }
        }}
      />
      <datalist id={listId}>
        {suggestions.map((t) => (
          <option key={t.name} value={t.name}>
            {`${t.count} article${t.count === 1 ? '' : 's'}`}
          </option>
        ))}
      </datalist>
      {actions.map((a) => (
        <button key={a.label} onClick={() => void run(a)}>
          {a.label}
        </button>
      ))}
      {error && (
        <p id={errorId} className="error tag-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
