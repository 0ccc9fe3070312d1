import { DeskError } from '../result.js';
import { foldBundle } from './bundle-fold.js';
import { MAX_BUNDLE_ARTICLES, type BundleRecord, type BundleRevision } from './bundle-record.js';
import { type BundleState, applyBundleChange, diffSlice, emptyBundle, getBundleField, stateOf } from './bundle-state.js';

/**
 * Curation intents turned into bundle revisions. Each checks the intent against the bundle as it stands and
 * returns the record with one more revision, or the same record when the intent changes nothing. Nothing here
 * writes, reads the desk or knows other bundles: the handlers check names and article ids, then commit.
 */
export interface BundleActor {
  editor: string;
  now: string;
  batch?: string | null;
}

type Change = Pick<BundleRevision, 'op' | 'target' | 'field' | 'before' | 'after' | 'reason'>;

function append(record: BundleRecord, change: Change, actor: BundleActor): BundleRecord {
  const state = applyBundleChange(stateOf(record), change.field, change.before, change.after);
  if (!state) throw new DeskError('INTERNAL', `bundle ${record.id}: ${change.field} change does not apply`);
  const rev: BundleRevision = { id: `r${record.revisions.length + 1}`, editor: actor.editor, at: actor.now, batch: actor.batch ?? null, ...change };
  return { ...record, ...state, revisions: [...record.revisions, rev], modifiedAt: actor.now };
}

const edit = (record: BundleRecord, field: string, before: unknown, after: unknown, reason: string | null, actor: BundleActor): BundleRecord =>
  append(record, { op: 'edit', target: null, field, before, after, reason }, actor);

function checkSize(count: number): void {
  if (count > MAX_BUNDLE_ARTICLES) throw new DeskError('INVALID_INPUT', `a bundle holds at most ${MAX_BUNDLE_ARTICLES} articles (this one would hold ${count})`);
}

function live(record: BundleRecord): void {
  if (record.deleted) throw new DeskError('NOT_FOUND', `bundle ${record.id} ("${record.name}") is deleted; undoBundle brings it back`);
}

/** `name` and `description` arrive clean (see bundle-names.ts); `articleIds` are known to be on the desk. */
export function createBundle(id: string, init: Omit<BundleState, 'deleted'>, actor: BundleActor): BundleRecord {
  const articleIds = [...new Set(init.articleIds)];
  checkSize(articleIds.length);
  const empty: BundleRecord = { id, ...emptyBundle(), createdAt: actor.now, modifiedAt: actor.now, revisions: [] };
  return edit(empty, 'bundle', emptyBundle(), { name: init.name, description: init.description, articleIds, deleted: false }, 'created', actor);
}

/** Name and description changed in one call are one revision, so one undo puts both back. */
export function updateBundle(record: BundleRecord, patch: { name?: string | undefined; description?: string | undefined }, actor: BundleActor): BundleRecord {
  live(record);
  const name = patch.name !== undefined && patch.name !== record.name ? patch.name : null;
  const description = patch.description !== undefined && patch.description !== record.description ? patch.description : null;
  if (name !== null && description !== null) {
    return edit(record, 'details', getBundleField(record, 'details'), { name, description }, null, actor);
  }
  if (name !== null) return edit(record, 'name', record.name, name, null, actor);
  if (description !== null) return edit(record, 'description', record.description, description, null, actor);
  return record;
}

function setList(record: BundleRecord, next: string[], reason: string, actor: BundleActor): BundleRecord {
  const { before, after } = diffSlice(record.articleIds, next);
  if (before.ids.length === 0 && after.ids.length === 0) return record;
  return edit(record, 'articleIds', before, after, reason, actor);
}

/** Articles already in the bundle stay where they are; `position` is a 0-based index, the end by default. */
export function addToBundle(record: BundleRecord, ids: readonly string[], position: number | undefined, actor: BundleActor): { record: BundleRecord; added: number } {
  live(record);
  const present = new Set(record.articleIds);
  const adding = [...new Set(ids)].filter((id) => !present.has(id));
  const at = position ?? record.articleIds.length;
  if (at > record.articleIds.length) throw new DeskError('INVALID_INPUT', `position ${at} is past the end of the bundle (it holds ${record.articleIds.length} articles)`);
  if (adding.length === 0) return { record, added: 0 };
  checkSize(record.articleIds.length + adding.length);
  const next = [...record.articleIds.slice(0, at), ...adding, ...record.articleIds.slice(at)];
  return { record: setList(record, next, `added ${adding.length}`, actor), added: adding.length };
}

export function removeFromBundle(record: BundleRecord, ids: readonly string[], actor: BundleActor): { record: BundleRecord; removed: number } {
  live(record);
  const gone = new Set(ids);
  const next = record.articleIds.filter((id) => !gone.has(id));
  const removed = record.articleIds.length - next.length;
  return { record: removed === 0 ? record : setList(record, next, `removed ${removed}`, actor), removed };
}

/** One article to a new 0-based place: a drag, or a keyboard step up or down. */
export function moveInBundle(record: BundleRecord, articleId: string, to: number, actor: BundleActor): BundleRecord {
  live(record);
  const from = record.articleIds.indexOf(articleId);
  if (from === -1) throw new DeskError('NOT_FOUND', `article ${articleId} is not in bundle ${record.id}`);
  if (to >= record.articleIds.length) throw new DeskError('INVALID_INPUT', `position ${to} is past the end of the bundle (positions run 0 to ${record.articleIds.length - 1})`);
  const next = record.articleIds.filter((id) => id !== articleId);
  next.splice(to, 0, articleId);
  return setList(record, next, `moved ${articleId} to ${to}`, actor);
}

/** The whole order at once (several articles dragged together); it must hold exactly the bundle's articles. */
export function reorderBundle(record: BundleRecord, ids: readonly string[], actor: BundleActor): BundleRecord {
  live(record);
  const have = new Set(record.articleIds);
  const given = new Set(ids);
  const extra = [...given].filter((id) => !have.has(id));
  const left = record.articleIds.filter((id) => !given.has(id));
  if (given.size !== ids.length || extra.length > 0 || left.length > 0) {
    const problems = [
      given.size !== ids.length ? 'ids repeat' : '',
      extra.length > 0 ? `not in the bundle: ${listIds(extra)}` : '',
      left.length > 0 ? `missing from the order: ${listIds(left)}` : '',
    ].filter(Boolean);
    throw new DeskError('INVALID_INPUT', `the new order must hold each of the bundle's ${record.articleIds.length} articles once (${problems.join('; ')})`);
  }
  return setList(record, [...ids], 'reordered', actor);
}

/** Deleting is a revision like any other, so undoBundle brings the bundle back. */
export function deleteBundle(record: BundleRecord, actor: BundleActor): BundleRecord {
  live(record);
  return edit(record, 'deleted', false, true, 'deleted', actor);
}

export function undoBundle(record: BundleRecord, actor: BundleActor): BundleRecord {
  const target = record.revisions.find((r) => r.id === foldBundle(record.revisions).undoable.at(-1));
  if (!target) throw new DeskError('INVALID_INPUT', `nothing to undo in bundle ${record.id}`);
  return append(record, { op: 'undo', target: target.id, field: target.field, before: target.after, after: target.before, reason: `undo ${target.id}` }, actor);
}

export function redoBundle(record: BundleRecord, actor: BundleActor): BundleRecord {
  const target = record.revisions.find((r) => r.id === foldBundle(record.revisions).redoable.at(-1));
  if (!target) throw new DeskError('INVALID_INPUT', `nothing to redo in bundle ${record.id}`);
  return append(record, { op: 'redo', target: target.id, field: target.field, before: target.before, after: target.after, reason: `redo ${target.id}` }, actor);
}

/** A few ids and a count of the rest, for error messages. */
export const listIds = (ids: readonly string[]): string => `${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ` and ${ids.length - 3} more` : ''}`;
