import { useDeferredValue, useEffect, useId, useMemo, useState } from 'react';
import { useList } from '../../state/list-store';
import { type FileCount, fileIndex } from './file-matches';

/** Suggestions shown at once: enough to pick from, few enough to render in a frame. */
const MAX_SUGGESTIONS = 50;
const NO_FILES: readonly FileCount[] = [];

/**
 * The source-file filter: a text box that suggests the matching files (a native combobox, so the keyboard and
 * screen readers know it), not a menu of every file. The list is filtered by the file whose exact name the box
 * holds (choosing a suggestion puts it there); anything else means any file, and leaving the box puts back the
 * file the list is filtered by.
 */
export function FileFilter() {
  const file = useList((s) => s.file);
  const files = useList((s) => s.facets?.files ?? NO_FILES);
  const [text, setText] = useState(file);
  const listId = useId();
  const hintId = useId();
  const index = useMemo(() => fileIndex(files), [files]);
  // Matching 20,000 names takes a few milliseconds; the key press is shown first.
  const typed = useDeferredValue(text);
  const matches = useMemo(() => index.match(typed, MAX_SUGGESTIONS), [index, typed]);

  // The filter changed elsewhere (or the file left the desk): show it, unless it is what the box already means.
  useEffect(() => {
    setText((t) => (file === (index.has(t) ? t : '') ? t : file));
  }, [file, index]);

  const follow = (value: string): void => {
    setText(value);
    const chosen = index.has(value) ? value : '';
    if (chosen !== useList.getState().file) useList.getState().setFilters({ file: chosen });
  };
  const unmatched = text !== '' && !index.has(text);

  return (
    <label className="file-filter">
      <span>Source</span>
      {/* Text, not search: Esc in a search box empties it, and Esc here only leaves the box (use-shortcuts). */}
      <input
        type="text"
        list={listId}
        dir="auto"
        placeholder="Any file"
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-describedby={hintId}
        className={unmatched ? 'unmatched' : undefined}
        onChange={(e) => follow(e.target.value)}
        onKeyDown={(e) => {
          // Enter takes the one file the text still matches.
          if (e.key === 'Enter' && unmatched && matches.length === 1) follow(matches[0]!.name);
        }}
        onBlur={() => {
          if (unmatched) setText(file);
        }}
      />
      <datalist id={listId}>
        {matches.map((f) => (
          <option key={f.name} value={f.name}>
            {`${f.count} article${f.count === 1 ? '' : 's'}`}
          </option>
        ))}
      </datalist>
      <span id={hintId} className="sr-only">
        {`Type to find one of ${files.length} source files; the list shows only the file chosen.`}
      </span>
    </label>
  );
}
