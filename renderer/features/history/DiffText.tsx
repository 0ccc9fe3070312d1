import { Fragment } from 'react';
import type { Part } from './diff';

/**
 * Track changes: removed words struck through in <del>, added words underlined in <ins>. Article text is
 * untrusted, so every part is a React text node; nothing here builds HTML.
 */
export function DiffText({ parts, as: Tag = 'div', className }: { parts: readonly Part[]; as?: 'div' | 'span'; className?: string }) {
  return (
    <Tag className={`diff-text${className ? ` ${className}` : ''}`} dir="auto">
      {parts.map((p, i) =>
        p.added ? <ins key={i}>{p.value}</ins> : p.removed ? <del key={i}>{p.value}</del> : <Fragment key={i}>{p.value}</Fragment>,
      )}
    </Tag>
  );
}
