import { diffWordsWithSpace } from 'diff';
import type { EditorialState } from '../../../electron/core/revisions';
import { valueText } from '../../lib/fields';

export interface Part {
  value: string;
  added: boolean;
  removed: boolean;
}

/** Word-level diff (spaces and line breaks are tokens too, so paragraphs keep their shape). */
export function wordDiff(before: string, after: string): Part[] {
  if (before === after) return before ? [{ value: before, added: false, removed: false }] : [];
  // A pathological pair must not freeze the reader: past the timeout, show it as replaced whole.
  const parts = diffWordsWithSpace(before, after, { timeout: 1500 });
  if (!parts) return [...(before ? [{ value: before, added: false, removed: true }] : []), ...(after ? [{ value: after, added: true, removed: false }] : [])];
  return parts.map((p) => ({ value: p.value, added: p.added, removed: p.removed }));
}

export const hasChange = (parts: readonly Part[]): boolean => parts.some((p) => p.added || p.removed);

/** A diff cut down to its changes and a few words around them, for one line of history. */
export function compact(parts: readonly Part[], context = 48): Part[] {
  return parts.map((p, i) => {
    if (p.added || p.removed) return p;
    const first = i === 0;
    const last = i === parts.length - 1;
    const v = p.value;
    if (first && !last) return { ...p, value: v.length > context ? `…${cutStart(v, context)}` : v };
    if (last && !first) return { ...p, value: v.length > context ? `${cutEnd(v, context)}…` : v };
    if (!first && !last && v.length > context * 2 + 5) return { ...p, value: `${cutEnd(v, context)} … ${cutStart(v, context)}` };
    return p;
  });
}

/** The last `n` characters, from a word boundary. */
function cutStart(v: string, n: number): string {
  const tail = v.slice(-n);
  const space = tail.search(/\s/);
  return space > 0 && space < n / 2 ? tail.slice(space) : tail;
}

/** The first `n` characters, up to a word boundary. */
function cutEnd(v: string, n: number): string {
  const head = v.slice(0, n);
  const space = head.search(/\s\S*$/);
  return space > n / 2 ? head.slice(0, space + 1) : head;
}

export interface SectionDef {
  key: string;
  label: string;
  text(s: EditorialState): string;
}

/** How a whole article reads as text, section by section, for diffing any two states of it. */
export const SECTIONS: SectionDef[] = [
  { key: 'headline', label: 'Headline', text: (s) => s.content.headline },
  { key: 'caption', label: 'Caption', text: (s) => s.content.caption ?? '' },
  { key: 'credit', label: 'Credit', text: (s) => s.content.credit ?? '' },
  { key: 'updated', label: 'Updated date', text: (s) => valueText('updated', s.content.updated) },
  { key: 'dateline', label: 'Dateline', text: (s) => s.content.dateline ?? '' },
  { key: 'highlights', label: 'Highlights', text: (s) => s.content.highlights.join('\n') },
  { key: 'byline', label: 'Byline', text: (s) => s.content.byline ?? '' },
  { key: 'body', label: 'Body', text: (s) => s.content.paragraphs.join('\n\n') },
  { key: 'correctionNotice', label: 'Correction notice', text: (s) => s.correctionNotice ?? '' },
  { key: 'notes', label: 'Editor’s note', text: (s) => s.notes ?? '' },
  { key: 'status', label: 'Status', text: (s) => valueText('status', s.status) },
  { key: 'tags', label: 'Tags', text: (s) => s.tags.join(', ') },
];

export interface Section {
  key: string;
  label: string;
  parts: Part[];
  changed: boolean;
}

export function diffSections(before: EditorialState, after: EditorialState, scope = 'article'): Section[] {
  return SECTIONS.filter((d) => scope === 'article' || d.key === scope).map((d) => {
    const parts = wordDiff(d.text(before), d.text(after));
    return { key: d.key, label: d.label, parts, changed: hasChange(parts) };
  });
}
