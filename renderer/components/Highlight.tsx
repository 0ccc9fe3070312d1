import { Fragment, type ReactNode } from 'react';
import { WORD, normalizeTerm } from '../../electron/core/search/normalize-term';

/**
 * Marks the words of `text` that the search matched. Article text is untrusted, so it is only ever placed in
 * React text nodes; this component never builds HTML.
 */
export function Highlight({ text, terms }: { text: string; terms: ReadonlySet<string> }): ReactNode {
  if (terms.size === 0) return text;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const norm = normalizeTerm(m[0]);
    if (!norm || !terms.has(norm)) continue;
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(<mark key={m.index}>{m[0]}</mark>);
    last = m.index + m[0].length;
  }
  if (last === 0) return text;
  parts.push(text.slice(last));
  return parts.map((p, i) => <Fragment key={i}>{p}</Fragment>);
}
