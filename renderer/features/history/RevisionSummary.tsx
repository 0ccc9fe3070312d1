import type { Revision } from '../../../electron/core/model';
import { valueText } from '../../lib/fields';
import { DiffText } from './DiffText';
import { compact, wordDiff } from './diff';

const quote = (s: string, n = 70): string => `“${s.length > n ? `${s.slice(0, n).trimEnd()}…` : s}”`;

/** One line saying what a revision did: a shortened word diff for text, plain words for everything else. */
export function RevisionSummary({ rev }: { rev: Revision }) {
  if (rev.op === 'ack') return <span>Held correction {rev.target} dismissed</span>;
  if (rev.field === 'article') return <span>Whole article set back to {rev.op === 'edit' ? 'the original' : 'an earlier state'}</span>;
  if (rev.field === 'tags') return <TagChange before={asList(rev.before)} after={asList(rev.after)} />;
  if (rev.field === 'paragraphs' || rev.field === 'highlights') return <ListChange field={rev.field} before={asList(rev.before)} after={asList(rev.after)} />;
  const before = valueText(rev.field, rev.before);
  const after = valueText(rev.field, rev.after);
  if (rev.field === 'status') return <span>{before || '—'} → {after || '—'}</span>;
  if (!before) return <span>Added {quote(after)}</span>;
  if (!after) return <span>Cleared {quote(before)}</span>;
  return <DiffText as="span" className="compact" parts={compact(wordDiff(before, after))} />;
}

const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

function TagChange({ before, after }: { before: string[]; after: string[] }) {
  const added = after.filter((t) => !before.includes(t));
  const removed = before.filter((t) => !after.includes(t));
  if (added.length === 0 && removed.length === 0) return <span>Tags reordered</span>;
  return (
    <span className="tag-change">
      {added.map((t) => (
        <ins key={`+${t}`}>+{t}</ins>
      ))}
      {removed.map((t) => (
        <del key={`-${t}`}>−{t}</del>
      ))}
    </span>
  );
}

/** A paragraph inserted or removed shows as that paragraph; anything else as a count. */
function ListChange({ field, before, after }: { field: string; before: string[]; after: string[] }) {
  const noun = field === 'paragraphs' ? 'paragraph' : 'highlight';
  if (after.length === before.length + 1) {
    const i = after.findIndex((p, k) => p !== before[k]);
    return <span>Inserted {noun} {i + 1}: <ins>{quote(after[i] ?? '')}</ins></span>;
  }
  if (after.length === before.length - 1) {
    const i = before.findIndex((p, k) => p !== after[k]);
    return <span>Removed {noun} {i + 1}: <del>{quote(before[i] ?? '')}</del></span>;
  }
  return <span>{before.length} → {after.length} {noun}s</span>;
}
