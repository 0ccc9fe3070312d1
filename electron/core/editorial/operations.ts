import type { ArticleContent, ArticleRecord, Revision } from '../model.js';
import { parseUpdatedLine } from '../parse/updated-line.js';
import { DeskError } from '../result.js';
import { type EditorialState, fold, getField, hasCorrections, parseField, sameValue } from '../revisions.js';
import type { Status } from '../statuses.js';

/**
 * Editorial intents turned into revisions. Each function checks the intent against the article as it stands
 * (its folded state) and returns the record with one more revision, or the record unchanged when the intent
 * changes nothing. Nothing here writes; the service commits.
 */
export interface Actor {
  editor: string;
  now: string;
  batch?: string | null;
}

export const CORRECTABLE = ['headline', 'caption', 'credit', 'byline', 'dateline', 'updated', 'correctionNotice', 'notes'] as const;
const NULLABLE = new Set(['caption', 'credit', 'byline', 'dateline', 'correctionNotice', 'notes']);

function append(record: ArticleRecord, rev: Omit<Revision, 'id' | 'editor' | 'at' | 'batch'>, actor: Actor): ArticleRecord {
  const id = `r${record.revisions.length + 1}`;
  return { ...record, revisions: [...record.revisions, { id, editor: actor.editor, at: actor.now, batch: actor.batch ?? null, ...rev }], modifiedAt: actor.now };
}

function edit(record: ArticleRecord, field: string, after: unknown, reason: string | null, actor: Actor): ArticleRecord {
  const { state } = fold(record.original, record.revisions);
  const before = getField(state, field);
  if (sameValue(before, after)) return record;
  return append(record, { op: 'edit', target: null, field, before: before ?? null, after, reason }, actor);
}

/** `field` as editors name it: headline, caption, credit, byline, dateline, updated, highlight:N, paragraph:N. */
export function correctField(record: ArticleRecord, field: string, text: string | null, reason: string | null, actor: Actor): ArticleRecord {
  const f = parseField(field);
  const { state } = fold(record.original, record.revisions);
  if (!f || (f.kind === 'other' && !(CORRECTABLE as readonly string[]).includes(f.name)) || field === 'datelineText') {
    throw new DeskError('INVALID_INPUT', `cannot correct field "${field}": use headline, caption, credit, byline, dateline, updated, highlight:N, paragraph:N, correctionNotice or notes`);
  }
  if (f.kind === 'item') {
    const list = state.content[f.list];
    if (f.index >= list.length) throw new DeskError('INVALID_INPUT', `${field} does not exist: the article has ${list.length} ${f.list}`);
  }
  const clean = text === null ? null : text.normalize('NFC').trim();
  if (clean === '' || (clean === null && !NULLABLE.has(field))) {
    throw new DeskError('INVALID_INPUT', `the new text for ${field} is empty${NULLABLE.has(field) ? ' (send null to clear it)' : ''}`);
  }
  const value = field === 'updated' && clean !== null ? parseUpdatedLine(/^updated\b/i.test(clean) ? clean : `Updated ${clean}`).value : clean;
  return edit(record, field, value, reason, actor);
}

export function insertParagraph(record: ArticleRecord, position: number, text: string, reason: string | null, actor: Actor): ArticleRecord {
  const { state } = fold(record.original, record.revisions);
  const list = state.content.paragraphs;
  if (position < 1 || position > list.length + 1) throw new DeskError('INVALID_INPUT', `a paragraph can go at positions 1 to ${list.length + 1}`);
  const clean = text.normalize('NFC').trim();
  if (clean === '') throw new DeskError('INVALID_INPUT', 'the new paragraph is empty');
  return edit(record, 'paragraphs', [...list.slice(0, position - 1), clean, ...list.slice(position - 1)], reason, actor);
}

export function removeParagraph(record: ArticleRecord, index: number, reason: string | null, actor: Actor): ArticleRecord {
  const { state } = fold(record.original, record.revisions);
  const list = state.content.paragraphs;
  if (index < 1 || index > list.length) throw new DeskError('INVALID_INPUT', `paragraph:${index} does not exist: the article has ${list.length} paragraphs`);
  return edit(record, 'paragraphs', list.filter((_, i) => i !== index - 1), reason, actor);
}

export function setStatus(record: ArticleRecord, status: Status, note: string | null, actor: Actor): ArticleRecord {
  return edit(record, 'status', status, note, actor);
}

export function setTags(record: ArticleRecord, change: (current: string[]) => string[], actor: Actor): ArticleRecord {
  const { state } = fold(record.original, record.revisions);
  return edit(record, 'tags', change(state.tags), null, actor);
}

/** Putting a field back as parsed is itself a revision, so it can be undone. */
export function revertField(record: ArticleRecord, field: string, actor: Actor): ArticleRecord {
  const f = parseField(field);
  if (!f || f.kind === 'other') throw new DeskError('INVALID_INPUT', `cannot revert field "${field}"`);
  const original = getField({ content: record.original } as EditorialState, field);
  if (original === undefined) throw new DeskError('INVALID_INPUT', `${field} has no original to go back to`);
  return edit(record, field, original, 'reverted to the original', actor);
}

export function revertArticle(record: ArticleRecord, actor: Actor): ArticleRecord {
  return edit(record, 'article', record.original, 'reverted article to the original', actor);
}

export function undo(record: ArticleRecord, actor: Actor): ArticleRecord {
  const folded = fold(record.original, record.revisions);
  const target = record.revisions.find((r) => r.id === folded.undoable.at(-1));
  if (!target) throw new DeskError('INVALID_INPUT', 'nothing to undo');
  return append(record, { op: 'undo', target: target.id, field: target.field, before: getField(folded.state, target.field) ?? null, after: target.before, reason: `undo ${target.id}` }, actor);
}

export function redo(record: ArticleRecord, actor: Actor): ArticleRecord {
  const folded = fold(record.original, record.revisions);
  const target = record.revisions.find((r) => r.id === folded.redoable.at(-1));
  if (!target) throw new DeskError('INVALID_INPUT', 'nothing to redo');
  return append(record, { op: 'redo', target: target.id, field: target.field, before: getField(folded.state, target.field) ?? null, after: target.after, reason: `redo ${target.id}` }, actor);
}

/** An editor has looked at a correction the source changed under, and decided it no longer applies. */
export function acknowledge(record: ArticleRecord, revisionId: string, actor: Actor): ArticleRecord {
  if (!fold(record.original, record.revisions).needsReview.includes(revisionId)) {
    throw new DeskError('INVALID_INPUT', `${revisionId} is not awaiting review`);
  }
  return append(record, { op: 'ack', target: revisionId, field: 'review', before: null, after: null, reason: 'reviewed after the source changed' }, actor);
}

/** The source changed under an article with corrections: keep them, and flag the article for review. */
export function flagChangedUnderCorrections(record: ArticleRecord, previousOriginal: ArticleContent, actor: Actor): ArticleRecord {
  if (sameValue(previousOriginal, record.original) || !hasCorrections(record)) return record;
  const { needsReview } = fold(record.original, record.revisions);
  const why = needsReview.length === 0
    ? 'the source changed under corrections; they still apply'
    : `the source changed under corrections; ${needsReview.length} no longer appl${needsReview.length === 1 ? 'ies' : 'y'} and need${needsReview.length === 1 ? 's' : ''} review`;
  return edit(record, 'status', 'flagged', why, actor);
}
