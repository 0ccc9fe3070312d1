import { useEffect, useState } from 'react';
import { useList } from '../../state/list-store';

/**
 * How long typing must pause before the search runs. A quick typist's keys come 100–150 ms apart, and at
 * 100,000 articles each answer is a large parse on this thread: a query per half-typed word would each cost a
 * pause between keys.
 */
const SEARCH_DELAY_MS = 250;

/** Debounced, so typing a word costs one query, not one per keystroke. */
export function SearchBox({ inputRef }: { inputRef: React.RefObject<HTMLInputElement | null> }) {
  const query = useList((s) => s.query);
  const setFilters = useList((s) => s.setFilters);
  const [text, setText] = useState(query);

  useEffect(() => setText(query), [query]);
  useEffect(() => {
    if (text === query) return;
    const t = setTimeout(() => setFilters({ query: text }), SEARCH_DELAY_MS);
    return () => clearTimeout(t);
  }, [text, query, setFilters]);

  return (
    <div className="search" role="search">
      <input
        ref={inputRef}
        type="search"
        placeholder="Search headlines, highlights, captions, body  ( / )"
        aria-label="Search the desk"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') setFilters({ query: text });
        }}
      />
    </div>
  );
}
