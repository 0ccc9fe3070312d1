import type { ArticleView } from '../../electron/core/api';
import type { Revision } from '../../electron/core/model';
import { type EditorialState, getField, initialState, parseField } from '../../electron/core/revisions';
import type { Status } from '../../electron/core/statuses';
import { statusLabel } from '../components/StatusBadge';

/** The fields an editor corrects with correctField, as the core names them. */
export const NULLABLE_FIELDS = new Set(['caption', 'credit', 'byline', 'dateline', 'correctionNotice', 'notes']);

/** The article as it stands now, in the shape `fold` produces, so current and historical states compare alike. */
export function currentOf(a: ArticleView): EditorialState {
  return {
    content: {
      headline: a.headline,
      caption: a.caption,
      credit: a.credit,
      updated: a.updated,
      highlights: a.highlights,
      byline: a.byline,
      dateline: a.dateline,
      datelineText: a.datelineText,
      paragraphs: a.paragraphs,
    },
    status: a.status,
    tags: a.tags,
    correctionNotice: a.correctionNotice,
    notes: a.notes,
  };
}

export const originalOf = (a: ArticleView): EditorialState => initialState(a.original);

const LABELS: Record<string, string> = {
  headline: 'Headline',
  caption: 'Caption',
  credit: 'Credit',
  byline: 'Byline',
  dateline: 'Dateline',
  datelineText: 'Dateline text',
  updated: 'Updated date',
  highlights: 'Highlights',
  paragraphs: 'Body',
  article: 'Whole article',
  status: 'Status',
  tags: 'Tags',
  correctionNotice: 'Correction notice',
  notes: 'Editor’s note',
  review: 'Review',
};

/** "paragraph:3" → "Paragraph 3"; the core's field paths as an editor reads them. */
export function fieldLabel(field: string): string {
  const m = /^(highlight|paragraph):(\d+)$/.exec(field);
  if (m) return `${m[1] === 'highlight' ? 'Highlight' : 'Paragraph'} ${m[2]}`;
  return LABELS[field] ?? field;
}

/** Any stored field value as plain text: what an editor would type, or read in a diff. */
export function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return field === 'status' ? statusLabel(value as Status) : value;
  if (Array.isArray(value)) return value.map(String).join(field === 'tags' ? ', ' : field === 'highlights' ? '\n' : '\n\n');
  if (typeof value === 'object' && 'raw' in value) return String((value as { raw: unknown }).raw);
  return JSON.stringify(value);
}

/** The text the inline editor starts from. */
export const fieldText = (state: EditorialState, field: string): string => valueText(field, getField(state, field));

/** Whether a content field differs from the parse. Paragraphs and highlights count as corrected when their
 *  text is nowhere in the original, so an inserted paragraph does not mark every paragraph after it. */
export function isCorrected(a: ArticleView, field: string): boolean {
  const f = parseField(field);
  if (!f) return false;
  if (f.kind === 'item') {
    const now = a[f.list][f.index];
    return now !== undefined && !a.original[f.list].includes(now);
  }
  return fieldText(currentOf(a), field) !== fieldText(originalOf(a), field);
}

/** The value a held (conflicted) correction would put back, as correctField text; undefined if it cannot. */
export function reapplyText(rev: Revision): string | null | undefined {
  const f = parseField(rev.field);
  if (!f || (f.kind === 'other' && !['updated', 'correctionNotice', 'notes'].includes(f.name))) return undefined;
  if (rev.after === null) return NULLABLE_FIELDS.has(rev.field) ? null : undefined;
  if (typeof rev.after === 'string') return rev.after;
  if (rev.field === 'updated' && typeof rev.after === 'object' && 'raw' in rev.after) return String((rev.after as { raw: unknown }).raw);
  return undefined;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export const formatTime = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : timeFormat.format(d);
};

/** Ctrl on most keyboards, ⌘ on Apple's. */
export const MOD_KEY = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';
