import { describe, expect, it } from 'vitest';
import { foldBundle } from '../../../electron/core/bundles/bundle-fold.js';
import * as ops from '../../../electron/core/bundles/bundle-operations.js';
import { type BundleRecord, BundleRecordSchema } from '../../../electron/core/bundles/bundle-record.js';
import { diffSlice, stateOf } from '../../../electron/core/bundles/bundle-state.js';

const actor = (n: number): ops.BundleActor => ({ editor: 'Ana', now: `2026-02-0${n}T00:00:00.000Z` });
const made = (ids = ['a1', 'a2', 'a3']) => ops.createBundle('b0123456789', { name: 'Asia', description: 'Week 7', articleIds: ids }, actor(1));

/** The record's stored state must always be exactly what its history folds to, and the schema must agree. */
function sound(record: BundleRecord): BundleRecord {
  const folded = foldBundle(record.revisions);
  expect(folded.broken).toBeNull();
  expect(folded.state).toEqual(stateOf(record));
  expect(BundleRecordSchema.parse(JSON.parse(JSON.stringify(record)))).toEqual(record);
  return record;
}

describe('creating a bundle', () => {
  it('is one revision from the empty bundle, and undoing it takes the bundle away again', () => {
    const b = sound(made(['a1', 'a2', 'a1', 'a3']));
    expect(b).toMatchObject({ id: 'b0123456789', name: 'Asia', description: 'Week 7', articleIds: ['a1', 'a2', 'a3'], deleted: false, createdAt: actor(1).now, modifiedAt: actor(1).now });
    expect(b.revisions).toEqual([
      {
        id: 'r1', op: 'edit', target: null, field: 'bundle', reason: 'created', editor: 'Ana', at: actor(1).now, batch: null,
        before: { name: '', description: '', articleIds: [], deleted: true },
        after: { name: 'Asia', description: 'Week 7', articleIds: ['a1', 'a2', 'a3'], deleted: false },
      },
    ]);
    const undone = sound(ops.undoBundle(b, actor(2)));
    expect(undone).toMatchObject({ deleted: true, name: '', articleIds: [], modifiedAt: actor(2).now });
    expect(() => ops.undoBundle(undone, actor(3))).toThrow('nothing to undo in bundle b0123456789');
    const redone = sound(ops.redoBundle(undone, actor(3)));
    expect(stateOf(redone)).toEqual(stateOf(b));
    expect(() => ops.redoBundle(redone, actor(4))).toThrow('nothing to redo');
  });
});

describe('list changes record only the slice they change', () => {
  it('diffSlice trims the common head and tail', () => {
    expect(diffSlice(['a', 'b', 'c', 'd'], ['a', 'c', 'b', 'd'])).toEqual({ before: { at: 1, ids: ['b', 'c'] }, after: { at: 1, ids: ['c', 'b'] } });
    expect(diffSlice(['a', 'b'], ['a', 'x', 'b'])).toEqual({ before: { at: 1, ids: [] }, after: { at: 1, ids: ['x'] } });
    expect(diffSlice(['a', 'a', 'a'], ['a', 'a'])).toEqual({ before: { at: 2, ids: ['a'] }, after: { at: 2, ids: [] } });
    expect(diffSlice([], [])).toEqual({ before: { at: 0, ids: [] }, after: { at: 0, ids: [] } });
  });

  it('adds at a position, ignoring articles already in the bundle', () => {
    const b = made();
    const { record, added } = ops.addToBundle(b, ['a9', 'a2', 'a8', 'a9'], 1, actor(2));
    sound(record);
    expect(added).toBe(2);
    expect(record.articleIds).toEqual(['a1', 'a9', 'a8', 'a2', 'a3']);
    expect(record.revisions.at(-1)).toMatchObject({ field: 'articleIds', before: { at: 1, ids: [] }, after: { at: 1, ids: ['a9', 'a8'] }, reason: 'added 2' });
    expect(ops.addToBundle(b, ['a1'], undefined, actor(2))).toEqual({ record: b, added: 0 });
    expect(ops.addToBundle(b, ['a7'], undefined, actor(2)).record.articleIds).toEqual(['a1', 'a2', 'a3', 'a7']);
    expect(() => ops.addToBundle(b, ['a7'], 4, actor(2))).toThrow('position 4 is past the end of the bundle (it holds 3 articles)');
  });

  it('removes, moves and reorders, and each undoes exactly', () => {
    let b = made(['a1', 'a2', 'a3', 'a4', 'a5']);
    const states = [b.articleIds];
    const removed = ops.removeFromBundle(b, ['a2', 'a4', 'zz'], actor(2));
    expect(removed.removed).toBe(2);
    b = sound(removed.record);
    states.push(b.articleIds);
    expect(b.articleIds).toEqual(['a1', 'a3', 'a5']);
    expect(b.revisions.at(-1)).toMatchObject({ before: { at: 1, ids: ['a2', 'a3', 'a4'] }, after: { at: 1, ids: ['a3'] } });

    b = sound(ops.moveInBundle(b, 'a5', 0, actor(3)));
    states.push(b.articleIds);
    expect(b.articleIds).toEqual(['a5', 'a1', 'a3']);
    b = sound(ops.reorderBundle(b, ['a3', 'a5', 'a1'], actor(4)));
    expect(b.articleIds).toEqual(['a3', 'a5', 'a1']);

    for (const expected of states.reverse()) {
      b = sound(ops.undoBundle(b, actor(5)));
      expect(b.articleIds).toEqual(expected);
    }
    expect(b.articleIds).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    for (let i = 0; i < 3; i++) b = sound(ops.redoBundle(b, actor(6)));
    expect(b.articleIds).toEqual(['a3', 'a5', 'a1']);
  });

  it('refuses moves and orders that do not fit the bundle, and records nothing for no change', () => {
    const b = made();
    expect(() => ops.moveInBundle(b, 'a9', 0, actor(2))).toThrow('article a9 is not in bundle b0123456789');
    expect(() => ops.moveInBundle(b, 'a1', 3, actor(2))).toThrow('position 3 is past the end of the bundle (positions run 0 to 2)');
    expect(ops.moveInBundle(b, 'a2', 1, actor(2))).toBe(b);
    expect(ops.reorderBundle(b, ['a1', 'a2', 'a3'], actor(2))).toBe(b);
    expect(() => ops.reorderBundle(b, ['a1', 'a2'], actor(2))).toThrow(/missing from the order: a3/);
    expect(() => ops.reorderBundle(b, ['a1', 'a2', 'a3', 'a4'], actor(2))).toThrow(/not in the bundle: a4/);
    expect(() => ops.reorderBundle(b, ['a1', 'a1', 'a2', 'a3'], actor(2))).toThrow(/ids repeat/);
    expect(ops.removeFromBundle(b, ['a9'], actor(2))).toEqual({ record: b, removed: 0 });
  });
});

describe('name, description and deletion', () => {
  it('one update is one revision, even when it changes both', () => {
    const b = made();
    const both = sound(ops.updateBundle(b, { name: 'Asia weekly', description: 'Week 8' }, actor(2)));
    expect(both.revisions.at(-1)).toMatchObject({ field: 'details', before: { name: 'Asia', description: 'Week 7' }, after: { name: 'Asia weekly', description: 'Week 8' } });
    const back = sound(ops.undoBundle(both, actor(3)));
    expect(back).toMatchObject({ name: 'Asia', description: 'Week 7' });
    const named = sound(ops.updateBundle(b, { name: 'Asia weekly', description: 'Week 7' }, actor(2)));
    expect(named.revisions.at(-1)).toMatchObject({ field: 'name', before: 'Asia', after: 'Asia weekly' });
    expect(ops.updateBundle(b, { name: 'Asia' }, actor(2))).toBe(b);
  });

  it('deleting is undoable, and a deleted bundle refuses every other change', () => {
    const gone = sound(ops.deleteBundle(made(), actor(2)));
    expect(gone.deleted).toBe(true);
    expect(gone.name).toBe('Asia');
    expect(() => ops.addToBundle(gone, ['a9'], undefined, actor(3))).toThrow('bundle b0123456789 ("Asia") is deleted; undoBundle brings it back');
    expect(() => ops.updateBundle(gone, { name: 'X' }, actor(3))).toThrow(/is deleted/);
    expect(() => ops.deleteBundle(gone, actor(3))).toThrow(/is deleted/);
    expect(sound(ops.undoBundle(gone, actor(3))).deleted).toBe(false);
  });

  it('a new edit after an undo clears what could be redone', () => {
    let b = made();
    b = ops.updateBundle(b, { name: 'One' }, actor(2));
    b = ops.undoBundle(b, actor(3));
    expect(foldBundle(b.revisions).redoable).toEqual(['r2']);
    b = sound(ops.updateBundle(b, { name: 'Two' }, actor(4)));
    expect(foldBundle(b.revisions)).toMatchObject({ undoable: ['r1', 'r4'], redoable: [] });
    expect(() => ops.redoBundle(b, actor(5))).toThrow('nothing to redo');
  });
});

describe('a damaged history', () => {
  const revise = (b: BundleRecord, i: number, patch: object): BundleRecord => ({ ...b, revisions: b.revisions.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  it('is reported by the fold at the first revision that does not apply', () => {
    const b = ops.moveInBundle(made(), 'a3', 0, actor(2));
    expect(foldBundle(revise(b, 1, { before: { at: 0, ids: ['a1', 'a9'] } }).revisions).broken).toBe('r2');
    expect(foldBundle(revise(b, 1, { field: 'colour' }).revisions).broken).toBe('r2');
    expect(foldBundle(revise(b, 0, { after: { name: 'X' } }).revisions).broken).toBe('r1');
    const undone = ops.undoBundle(ops.updateBundle(b, { name: 'Z' }, actor(3)), actor(4));
    // An undo may only target the top of the undo stack.
    expect(foldBundle(revise(undone, 3, { target: 'r1' }).revisions).broken).toBe('r4');
  });

  it('or a stored state that disagrees with it fails the schema', () => {
    const b = made();
    expect(BundleRecordSchema.safeParse({ ...b, name: 'Europe' }).error?.issues[0]?.message).toBe('bundle b0123456789 does not match its own history');
    expect(BundleRecordSchema.safeParse({ ...b, articleIds: ['a1'] }).success).toBe(false);
    expect(BundleRecordSchema.safeParse(revise(b, 0, { op: 'ack' })).success).toBe(false);
    expect(BundleRecordSchema.safeParse(revise(b, 0, { before: null })).error?.issues[0]).toMatchObject({ path: ['revisions'], message: 'revision r1 does not apply to the bundle as it stood' });
  });
});
