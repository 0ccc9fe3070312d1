import { describe, expect, it } from 'vitest';
import { moveInBundle } from '../../../electron/core/bundles/bundle-operations.js';
import type { BundleRecord } from '../../../electron/core/bundles/bundle-record.js';
import type { ArticleSummary } from '../../../electron/core/model.js';
import { applyMove, bundleEntries, describeBundleChange, dropPosition, movedOrder, orderSelection } from '../../../renderer/features/bundles/bundle-order.js';

const ids = ['a', 'b', 'c', 'd'];
const summary = (id: string): ArticleSummary => ({ id, headline: `Headline ${id}` }) as ArticleSummary;

describe('moving an article in a bundle, as the panel shows it before the desk answers', () => {
  it('computes the order the desk’s moveInBundle does, for every article and every place', () => {
    const record = { id: 'b1', name: 'x', description: '', articleIds: ids, deleted: false, createdAt: '', modifiedAt: '', revisions: [] } as BundleRecord;
    for (const id of ids) {
      for (let to = 0; to < ids.length; to++) {
        const desk = moveInBundle(record, id, to, { editor: 'e', now: 'now' }).articleIds;
        expect(movedOrder(ids, id, to), `${id} to ${to}`).toEqual(desk);
      }
    }
  });

  it('keeps the article summaries in the new order, and a missing article in its place', () => {
    const bundle = { articleIds: ['a', 'gone', 'b'], articles: [summary('a'), summary('b')] };
    const moved = applyMove(bundle, 'a', 2);
    expect(moved.articleIds).toEqual(['gone', 'b', 'a']);
    expect(moved.articles.map((a) => a.id)).toEqual(['b', 'a']);
    expect(bundleEntries(moved).map((e) => [e.id, e.article?.headline ?? null])).toEqual([
      ['gone', null],
      ['b', 'Headline b'],
      ['a', 'Headline a'],
    ]);
  });

  it('turns a drop on the upper or lower half of an item into moveInBundle’s position', () => {
    expect(dropPosition(ids, 'a', 'c', false)).toBe(1); // before c: a b→ b a c d
    expect(dropPosition(ids, 'a', 'c', true)).toBe(2); // after c
    expect(dropPosition(ids, 'd', 'a', false)).toBe(0);
    expect(dropPosition(ids, 'd', 'b', true)).toBe(2);
    // Dropped where it already stands: no move at all.
    expect(dropPosition(ids, 'b', 'b', true)).toBeNull();
    expect(dropPosition(ids, 'b', 'c', false)).toBeNull();
    expect(dropPosition(ids, 'b', 'a', true)).toBeNull();
    expect(dropPosition(ids, 'x', 'a', true)).toBeNull();
    for (const [dragged, over, after] of [['a', 'd', true], ['c', 'a', false], ['b', 'd', false]] as const) {
      const to = dropPosition(ids, dragged, over, after)!;
      const next = movedOrder(ids, dragged, to);
      expect(next.indexOf(dragged) - next.indexOf(over), `${dragged} onto ${over}`).toBe(after ? 1 : -1);
    }
  });
});

describe('the selection, in the order a bundle or an export takes it', () => {
  it('follows the list where the list has shown the article, then the order chosen', () => {
    const rows = new Map([[0, { id: 'a' }], [1, { id: 'b' }], [2, { id: 'c' }]]);
    expect(orderSelection(['c', 'z', 'a', 'y'], rows)).toEqual(['a', 'c', 'z', 'y']);
    expect(orderSelection(new Set<string>(), rows)).toEqual([]);
  });
});

describe('what Undo and Redo would act on, in words', () => {
  const headline = (id: string) => (id === 'a1' ? 'Putin, North Korea’s Kim in phone call ahead of Alaska summit' : null);
  it('names each kind of bundle change', () => {
    const say = (field: string, reason: string | null, after: unknown = null) => describeBundleChange({ field, reason, after }, headline);
    expect(say('bundle', 'created')).toBe('creating the bundle');
    expect(say('deleted', 'deleted', true)).toBe('deleting the bundle');
    expect(say('name', null, 'Morning brief')).toBe('renaming to “Morning brief”');
    expect(say('description', null, 'x')).toBe('the description change');
    expect(say('details', null)).toBe('the name and description change');
    expect(say('articleIds', 'added 1')).toBe('adding 1 article');
    expect(say('articleIds', 'removed 3')).toBe('removing 3 articles');
    expect(say('articleIds', 'moved a1 to 1')).toBe('moving “Putin, North Korea’s Kim in phone call ahead of Alaska summ…” to position 2');
    expect(say('articleIds', 'moved zz to 0')).toBe('moving an article to position 1');
    expect(say('articleIds', 'reordered')).toBe('the new order');
    expect(say('articleIds', null)).toBe('the change to its articles');
  });
});
