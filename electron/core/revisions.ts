import type { ArticleContent, ArticleRecord, Revision, Updated } from './model.js';
import type { Status } from './statuses.js';

/**
 * The editorial state of an article is never stored: it is the original parse with every revision folded over
 * it, in order. A revision records a field's value before and after; undo and redo are revisions too (they put
 * back a `before` or an `after`), so history only ever grows and survives restarts.
 *
 * On re-import the original can change under a correction. A revision whose `before` no longer matches the
 * field is then neither applied nor dropped: it is held as a conflict for an editor to review.
 *
 * Node-free: the renderer folds revisions itself to show diffs between any two points in history.
 */
export interface EditorialState {
  content: ArticleContent;
  status: Status;
  tags: string[];
  correctionNotice: string | null;
  notes: string | null;
}

export interface Folded {
  state: EditorialState;
  /** Revisions that could not be applied because their `before` no longer matches, still awaiting review. */
  needsReview: string[];
  /** Edits that undo would step back, oldest first; the last is next. */
  undoable: string[];
  /** Undone edits that redo would re-apply; the last is next. */
  redoable: string[];
}

export type FieldPath =
  | 'headline' | 'caption' | 'credit' | 'byline' | 'dateline' | 'datelineText' | 'updated'
  | `highlight:${number}` | `paragraph:${number}` | 'highlights' | 'paragraphs' | 'article'
  | 'status' | 'tags' | 'correctionNotice' | 'notes';

const TEXT_FIELDS = ['headline', 'caption', 'credit', 'byline', 'dateline', 'datelineText'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

export function initialState(original: ArticleContent): EditorialState {
  return { content: original, status: 'new', tags: [], correctionNotice: null, notes: null };
}

export function fold(original: ArticleContent, revisions: readonly Revision[], upTo = revisions.length): Folded {
  let state = initialState(original);
  const held = new Set<string>();
  const undoable: string[] = [];
  let redoable: string[] = [];
  for (const rev of revisions.slice(0, upTo)) {
    if (rev.op === 'ack') {
      held.delete(rev.target ?? '');
      continue;
    }
    if (rev.op === 'undo') {
      const i = undoable.lastIndexOf(rev.target ?? '');
      if (i !== -1) undoable.splice(i, 1);
      redoable.push(rev.target ?? '');
      held.delete(rev.target ?? '');
    } else if (rev.op === 'redo') {
      const i = redoable.lastIndexOf(rev.target ?? '');
      if (i !== -1) redoable.splice(i, 1);
      undoable.push(rev.target ?? '');
    } else {
      undoable.push(rev.id);
      redoable = [];
    }
    if (!sameValue(getField(state, rev.field), rev.before)) {
      if (rev.op === 'edit') held.add(rev.id);
      continue;
    }
    state = setField(state, rev.field, rev.after);
  }
  return { state, needsReview: [...held], undoable, redoable };
}

export function currentState(record: Pick<ArticleRecord, 'original' | 'revisions'>): EditorialState {
  return fold(record.original, record.revisions).state;
}

/** The text an editor sees: the original with the corrections applied. */
export function currentContent(record: Pick<ArticleRecord, 'original' | 'revisions'>): ArticleContent {
  return currentState(record).content;
}

/** Reads `paragraph:3` (1-based, as editors count) and the other field paths. */
export function parseField(field: string): { kind: 'text'; name: TextField } | { kind: 'item'; list: 'highlights' | 'paragraphs'; index: number } | { kind: 'other'; name: string } | null {
  if ((TEXT_FIELDS as readonly string[]).includes(field)) return { kind: 'text', name: field as TextField };
  const m = /^(highlight|paragraph):([1-9]\d{0,5})$/.exec(field);
  if (m) return { kind: 'item', list: m[1] === 'highlight' ? 'highlights' : 'paragraphs', index: Number(m[2]) - 1 };
  if (['updated', 'highlights', 'paragraphs', 'article', 'status', 'tags', 'correctionNotice', 'notes'].includes(field)) return { kind: 'other', name: field };
  return null;
}

export function getField(state: EditorialState, field: string): unknown {
  const f = parseField(field);
  if (!f) return undefined;
  if (f.kind === 'text') return state.content[f.name];
  if (f.kind === 'item') return state.content[f.list][f.index];
  switch (f.name) {
    case 'updated': return state.content.updated;
    case 'highlights': return state.content.highlights;
    case 'paragraphs': return state.content.paragraphs;
    case 'article': return state.content;
    case 'status': return state.status;
    case 'tags': return state.tags;
    case 'correctionNotice': return state.correctionNotice;
    case 'notes': return state.notes;
  }
  return undefined;
}

export function setField(state: EditorialState, field: string, value: unknown): EditorialState {
  const f = parseField(field);
  if (!f) return state;
  const content = state.content;
  if (f.kind === 'text') return { ...state, content: { ...content, [f.name]: value as string | null } };
  if (f.kind === 'item') {
    const list = [...content[f.list]];
    list[f.index] = value as string;
    return { ...state, content: { ...content, [f.list]: list } };
  }
  switch (f.name) {
    case 'updated': return { ...state, content: { ...content, updated: value as Updated | null } };
    case 'highlights': return { ...state, content: { ...content, highlights: value as string[] } };
    case 'paragraphs': return { ...state, content: { ...content, paragraphs: value as string[] } };
    case 'article': return { ...state, content: value as ArticleContent };
    case 'status': return { ...state, status: value as Status };
    case 'tags': return { ...state, tags: value as string[] };
    case 'correctionNotice': return { ...state, correctionNotice: value as string | null };
    case 'notes': return { ...state, notes: value as string | null };
  }
  return state;
}

/** Structural equality of JSON values, for comparing a revision's `before` with what stands now. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Whether any revision changed the article's text (not just its status, tags or notes). */
export function hasCorrections(record: Pick<ArticleRecord, 'revisions'>): boolean {
  return record.revisions.some((r) => r.op === 'edit' && !['status', 'tags', 'correctionNotice', 'notes'].includes(r.field));
}
