import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskEvent, InputOf } from '../../../electron/core/api.js';
import * as ops from '../../../electron/core/bundles/bundle-operations.js';
import type { Result } from '../../../electron/core/result.js';
import { DeskService } from '../../../electron/core/service.js';
import type { Desk } from '../../../electron/core/store/desk-store.js';
import { edit, makeRecord } from '../../support/records.js';
import { openDesks } from '../../support/open-desks.js';

const { tmp, open, close, cleanup } = openDesks('copydesk-bundles-');
afterEach(cleanup);

let desk: Desk;
let service: DeskService;
let events: DeskEvent[];
/** a0000…a0005: a0001 and a0003 tagged Asia, a0002 spiked, a0004 approved. */
let ids: [string, string, string, string, string, string];

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const refused = <T>(r: Result<T>) => {
  if (r.ok) throw new Error('expected the call to be refused');
  return r.error;
};

beforeEach(async () => {
  process.env.COPYDESK_EDITOR = 'Bundle Editor';
  desk = await open(join(await tmp.make(), 'desk'));
  const recs = Array.from({ length: 6 }, () => makeRecord(desk.reserveSeq()));
  recs[1]!.revisions = [edit('r1', 'tags', [], ['Asia'])];
  recs[3]!.revisions = [edit('r1', 'tags', [], ['asia', 'Trade'])];
  recs[2]!.revisions = [edit('r1', 'status', 'new', 'spiked')];
  recs[4]!.revisions = [edit('r1', 'status', 'new', 'approved')];
  await desk.commit(recs);
  ids = recs.map((r) => r.id) as typeof ids;
  service = new DeskService(desk);
  events = [];
  service.onEvent((e) => events.push(e));
});

const create = async (input: InputOf<'createBundle'>) => value(await service.call('createBundle', input));

describe('createBundle', () => {
  it('from a selection keeps its order, drops repeats, signs the revision and tells the windows', async () => {
    const t0 = new Date().toISOString();
    const b = await create({ name: '  Morning   picks ', description: ' For the 7 am edition. ', ids: [ids[3], ids[0], ids[3]] });
    expect(b.id).toMatch(/^b[0-9a-f]{10}$/);
    expect(b).toMatchObject({
      name: 'Morning picks', description: 'For the 7 am edition.', articleIds: [ids[3], ids[0]], count: 2, deleted: false,
      missing: [], undoable: true, redoable: false, nextUndo: 'r1', nextRedo: null,
    });
    expect(b.articles.map((a) => [a.id, a.headline])).toEqual([[ids[3], 'Headline number 3'], [ids[0], 'Headline number 0']]);
    expect(b.revisions).toEqual([expect.objectContaining({ id: 'r1', op: 'edit', field: 'bundle', editor: 'Bundle Editor', reason: 'created' })]);
    expect(b.createdAt >= t0 && b.createdAt === b.modifiedAt).toBe(true);
    expect(events).toEqual([{ type: 'bundles-changed', ids: [b.id] }]);
  });

  it('from a filter takes every match in the list order, ignoring paging; with neither it starts empty', async () => {
    expect((await create({ name: 'Asia', query: { tag: 'ASIA', limit: 1, offset: 1 } })).articleIds).toEqual([ids[1], ids[3]]);
    expect((await create({ name: 'Not spiked', query: {} })).articleIds).toEqual([ids[0], ids[1], ids[3], ids[4], ids[5]]);
    expect((await create({ name: 'Spiked', query: { statuses: ['spiked'] } })).articleIds).toEqual([ids[2]]);
    expect((await create({ name: 'Backwards', query: { sort: 'import', order: 'desc', statuses: ['new'] } })).articleIds).toEqual([ids[5], ids[3], ids[1], ids[0]]);
    expect((await create({ name: 'Searched', query: { query: 'number 4' } })).articleIds).toEqual([ids[4]]);
    expect((await create({ name: 'Empty' })).articleIds).toEqual([]);
  });

  it('refuses a taken name (ignoring case and spaces), unknown articles, and malformed input', async () => {
    const first = await create({ name: 'Asia' });
    expect(refused(await service.call('createBundle', { name: ' asia ' }))).toEqual({ code: 'INVALID_INPUT', message: `a bundle named "Asia" already exists (${first.id}); bundle names ignore case` });
    expect(refused(await service.call('createBundle', { name: 'X', ids: [ids[0], 'nope1', 'nope2', 'nope3', 'nope4'] }))).toEqual({ code: 'NOT_FOUND', message: 'no article with id nope1, nope2, nope3 and 1 more' });
    const bad: [object, string][] = [
      [{ name: '   ' }, 'invalid input for createBundle: name: a bundle name cannot be empty'],
      [{ name: 'x'.repeat(201) }, 'invalid input for createBundle: name: a bundle name is at most 200 characters'],
      [{ name: 'X', description: 'd'.repeat(5001) }, 'invalid input for createBundle: description: a bundle description is at most 5000 characters'],
      [{ name: 'X', ids: [ids[0]], query: {} }, 'invalid input for createBundle: give ids or a query, not both'],
      [{ name: 'X', colour: 'red' }, 'invalid input for createBundle: Unrecognized key: "colour"'],
      [{ name: 'X', query: { tag: 7 } }, 'invalid input for createBundle: query.tag: Invalid input: expected string, received number'],
    ];
    for (const [input, message] of bad) expect(refused(await service.call('createBundle', input))).toEqual({ code: 'INVALID_INPUT', message });
    // 200 characters counted as a person counts them, not in UTF-16 units.
    expect((await create({ name: '🗞'.repeat(200) })).name).toHaveLength(400);
    expect(value(await service.call('listBundles', {}))).toHaveLength(2);
  });
});

describe('reading bundles', () => {
  it('listBundles gives summaries in creation order, deleted ones only when asked; getBundle reports missing articles', async () => {
    const a = await create({ name: 'A', ids: [ids[0]] });
    const b = await create({ name: 'B', description: 'second', ids: [ids[1], ids[4]] });
    value(await service.call('deleteBundle', { id: a.id }));
    const list = value(await service.call('listBundles', {}));
    expect(list).toEqual([
      { id: b.id, name: 'B', description: 'second', articleIds: [ids[1], ids[4]], count: 2, deleted: false, createdAt: b.createdAt, modifiedAt: b.modifiedAt, undoable: true, redoable: false },
    ]);
    expect(value(await service.call('listBundles', { includeDeleted: true })).map((s) => [s.name, s.deleted])).toEqual([['A', true], ['B', false]]);

    // An id can outlive its article (say, a bundle brought in from another desk): it keeps its place, reported.
    await desk.commit([], { bundles: [ops.createBundle('b00000000ff', { name: 'Imported', description: '', articleIds: [ids[0], 'gone-away', ids[5]] }, { editor: 'X', now: 'now' })] });
    const view = value(await service.call('getBundle', { id: 'b00000000ff' }));
    expect(view.articles.map((x) => x.id)).toEqual([ids[0], ids[5]]);
    expect(view).toMatchObject({ missing: ['gone-away'], count: 3, articleIds: [ids[0], 'gone-away', ids[5]] });

    expect(refused(await service.call('getBundle', { id: 'b-none' }))).toEqual({ code: 'NOT_FOUND', message: 'no bundle with id b-none' });
    expect(value(await service.call('getBundle', { id: a.id }))).toMatchObject({ deleted: true, name: 'A', undoable: true });
    expect(refused(await service.call('listBundles', { includeDeleted: 'yes' })).code).toBe('INVALID_INPUT');
  });
});

describe('changing a bundle', () => {
  it('updateBundle renames and describes in one undoable step, refusing a taken name', async () => {
    const a = await create({ name: 'A' });
    const b = await create({ name: 'B' });
    events = [];
    const changed = value(await service.call('updateBundle', { id: a.id, name: 'Asia', description: 'new' }));
    expect(changed).toMatchObject({ name: 'Asia', description: 'new', nextUndo: 'r2' });
    expect(value(await service.call('updateBundle', { id: a.id, name: 'asia' })).name).toBe('asia');
    expect(refused(await service.call('updateBundle', { id: a.id, name: 'b' }))).toEqual({ code: 'INVALID_INPUT', message: `a bundle named "B" already exists (${b.id}); bundle names ignore case` });
    // The same values again are no change: no revision, no event.
    const same = value(await service.call('updateBundle', { id: a.id, name: 'asia', description: 'new' }));
    expect(same.revisions).toHaveLength(3);
    expect(events).toEqual([{ type: 'bundles-changed', ids: [a.id] }, { type: 'bundles-changed', ids: [a.id] }]);
    expect(value(await service.call('undoBundle', { id: a.id })).name).toBe('Asia');
    expect(value(await service.call('undoBundle', { id: a.id }))).toMatchObject({ name: 'A', description: '' });
  });

  it('addToBundle and removeFromBundle report how many, and refuse unknown articles', async () => {
    const b = await create({ name: 'B', ids: [ids[0], ids[1]] });
    const added = value(await service.call('addToBundle', { id: b.id, ids: [ids[1], ids[4], ids[5]], position: 1 }));
    expect(added.added).toBe(2);
    expect(added.bundle.articleIds).toEqual([ids[0], ids[4], ids[5], ids[1]]);
    expect(value(await service.call('addToBundle', { id: b.id, ids: [ids[0]] })).added).toBe(0);
    expect(refused(await service.call('addToBundle', { id: b.id, ids: ['zzz'] }))).toEqual({ code: 'NOT_FOUND', message: 'no article with id zzz' });
    expect(refused(await service.call('addToBundle', { id: b.id, ids: [ids[2]], position: 9 }))).toEqual({ code: 'INVALID_INPUT', message: 'position 9 is past the end of the bundle (it holds 4 articles)' });
    expect(refused(await service.call('addToBundle', { id: b.id, ids: [] })).message).toMatch(/^invalid input for addToBundle: ids: /);
    expect(refused(await service.call('addToBundle', { id: b.id, ids: [ids[2]], position: -1 })).code).toBe('INVALID_INPUT');

    const removed = value(await service.call('removeFromBundle', { id: b.id, ids: [ids[4], ids[2]] }));
    expect(removed.removed).toBe(1);
    expect(removed.bundle.articleIds).toEqual([ids[0], ids[5], ids[1]]);
    expect(refused(await service.call('removeFromBundle', { id: b.id, ids: ['zzz'] }))).toEqual({ code: 'NOT_FOUND', message: 'no article with id zzz' });
    expect(refused(await service.call('removeFromBundle', { id: 'b-none', ids: [ids[0]] }))).toEqual({ code: 'NOT_FOUND', message: 'no bundle with id b-none' });
  });

  it('an id whose article has left the desk can still be removed', async () => {
    await desk.commit([], { bundles: [ops.createBundle('b00000000aa', { name: 'Old', description: '', articleIds: ['gone-away', ids[0]] }, { editor: 'X', now: 'now' })] });
    const r = value(await service.call('removeFromBundle', { id: 'b00000000aa', ids: ['gone-away'] }));
    expect(r).toMatchObject({ removed: 1, bundle: { articleIds: [ids[0]], missing: [] } });
  });

  it('moveInBundle and reorderBundle reorder, each one undoable step', async () => {
    const b = await create({ name: 'B', ids: [ids[0], ids[1], ids[3]] });
    expect(value(await service.call('moveInBundle', { id: b.id, articleId: ids[3], to: 0 })).articleIds).toEqual([ids[3], ids[0], ids[1]]);
    expect(refused(await service.call('moveInBundle', { id: b.id, articleId: ids[5], to: 0 }))).toEqual({ code: 'NOT_FOUND', message: `article ${ids[5]} is not in bundle ${b.id}` });
    expect(refused(await service.call('moveInBundle', { id: b.id, articleId: ids[0], to: 3 })).code).toBe('INVALID_INPUT');
    expect(value(await service.call('reorderBundle', { id: b.id, ids: [ids[1], ids[0], ids[3]] })).articleIds).toEqual([ids[1], ids[0], ids[3]]);
    expect(refused(await service.call('reorderBundle', { id: b.id, ids: [ids[1], ids[0]] })).message).toBe(
      `the new order must hold each of the bundle's 3 articles once (missing from the order: ${ids[3]})`,
    );
    expect(value(await service.call('undoBundle', { id: b.id })).articleIds).toEqual([ids[3], ids[0], ids[1]]);
    expect(value(await service.call('undoBundle', { id: b.id })).articleIds).toEqual([ids[0], ids[1], ids[3]]);
    expect(value(await service.call('redoBundle', { id: b.id })).articleIds).toEqual([ids[3], ids[0], ids[1]]);
  });

  it('deleteBundle is undone like any change; undo and redo refuse to bring back a name taken since', async () => {
    const b = await create({ name: 'Asia', ids: [ids[0]] });
    const gone = value(await service.call('deleteBundle', { id: b.id }));
    expect(gone).toMatchObject({ deleted: true, nextUndo: 'r2' });
    expect(refused(await service.call('deleteBundle', { id: b.id }))).toEqual({ code: 'NOT_FOUND', message: `bundle ${b.id} ("Asia") is deleted; undoBundle brings it back` });
    expect(refused(await service.call('addToBundle', { id: b.id, ids: [ids[1]] })).code).toBe('NOT_FOUND');

    // The name is free once the bundle is deleted…
    const other = await create({ name: 'ASIA' });
    // …so bringing the deleted one back would make two.
    expect(refused(await service.call('undoBundle', { id: b.id }))).toEqual({
      code: 'INVALID_INPUT',
      message: `cannot undo: it would name this bundle "Asia", which bundle ${other.id} is called now; rename one of them first`,
    });
    value(await service.call('updateBundle', { id: other.id, name: 'Asia 2' }));
    expect(value(await service.call('undoBundle', { id: b.id }))).toMatchObject({ deleted: false, name: 'Asia', articleIds: [ids[0]] });
    expect(value(await service.call('redoBundle', { id: b.id })).deleted).toBe(true);
    expect(refused(await service.call('redoBundle', { id: b.id }))).toEqual({ code: 'INVALID_INPUT', message: `nothing to redo in bundle ${b.id}` });

    // Undoing the creation takes a bundle away too, and redo makes it again under its name.
    const c = await create({ name: 'Fresh' });
    expect(value(await service.call('undoBundle', { id: c.id }))).toMatchObject({ deleted: true, name: '' });
    await create({ name: 'fresh' });
    expect(refused(await service.call('redoBundle', { id: c.id })).message).toMatch(/^cannot redo: it would name this bundle "Fresh"/);
    expect(refused(await service.call('undoBundle', { id: 'b-none' })).code).toBe('NOT_FOUND');
  });
});

describe('bundle changes are serialised, durable and persisted', () => {
  it('concurrent additions all land, and a reopened desk has them with their history', async () => {
    const b = await create({ name: 'B' });
    const results = await Promise.all([0, 1, 3, 4, 5].map((i) => service.call('addToBundle', { id: b.id, ids: [ids[i]!] })));
    expect(results.map((r) => value(r).added)).toEqual([1, 1, 1, 1, 1]);
    const before = value(await service.call('getBundle', { id: b.id }));
    expect(before.articleIds).toEqual([ids[0], ids[1], ids[3], ids[4], ids[5]]);
    const dir = desk.dir;
    await close(desk);

    const again = new DeskService(await open(dir));
    expect(value(await again.call('getBundle', { id: b.id }))).toEqual(before);
    expect(value(await again.call('undoBundle', { id: b.id })).articleIds).toEqual([ids[0], ids[1], ids[3], ids[4]]);
  });
});
