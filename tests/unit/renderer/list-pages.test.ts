import { describe, expect, it } from 'vitest';
import { type Pages, loadedCount, loadedRows, rowAt, withPage } from '../../../renderer/state/list-pages.js';

const page = (n: number, size = 3): string[] => Array.from({ length: size }, (_, i) => `r${n * size + i}`);

describe('the list’s loaded rows, a page at a time', () => {
  it('finds a row by its index in the list, and nothing where no page is loaded', () => {
    const pages = withPage(withPage(new Map(), 0, page(0)), 2, page(2));
    expect(rowAt(pages, 0, 3)).toBe('r0');
    expect(rowAt(pages, 7, 3)).toBe('r7');
    expect(rowAt(pages, 4, 3)).toBeUndefined();
    expect(rowAt(pages, -1, 3)).toBeUndefined();
    expect(rowAt(pages, 9, 3)).toBeUndefined();
  });

  it('adds a page without copying or changing the others: the old map and every other page stay as they were', () => {
    const first = withPage(new Map(), 0, page(0));
    const p0 = first.get(0);
    const second = withPage(first, 1, page(1));
    expect(second).not.toBe(first);
    expect(first.size).toBe(1);
    expect(second.get(0)).toBe(p0);
  });

  it('keeps at most the given number of pages, letting go of those farthest from the page in view', () => {
    let pages: Pages<string> = new Map();
    for (const n of [0, 1, 2, 3, 10]) pages = withPage(pages, n, page(n), n, 3);
    expect([...pages.keys()].sort((a, b) => a - b)).toEqual([2, 3, 10]);
    // A late answer for a page the view has left does not push out the pages around the view.
    pages = withPage(pages, 0, page(0), 10, 3);
    expect([...pages.keys()].sort((a, b) => a - b)).toEqual([2, 3, 10]);
  });

  it('lists every loaded row with its index, and counts them', () => {
    const pages = withPage(withPage(new Map(), 1, page(1)), 0, ['r0']);
    expect([...loadedRows(pages, 3)].sort((a, b) => a[0] - b[0])).toEqual([
      [0, 'r0'],
      [3, 'r3'],
      [4, 'r4'],
      [5, 'r5'],
    ]);
    expect(loadedCount(pages)).toBe(4);
  });
});
