import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPageFetcher, nearestFirst } from '../../../renderer/state/page-fetcher.js';

/** A fetcher over a fake desk whose answers the test releases by hand. */
function setup(settleMs = 100, maxInFlight = 2) {
  const loaded = new Set<number>();
  const asked: number[] = [];
  const pending = new Map<number, (ok: boolean) => void>();
  const fetcher = createPageFetcher({
    pageSize: 100,
    maxInFlight,
    settleMs,
    loaded: (p) => loaded.has(p),
    load: (p) => {
      asked.push(p);
      return new Promise<boolean>((resolve) =>
        pending.set(p, (ok) => {
          if (ok) loaded.add(p);
          pending.delete(p);
          resolve(ok);
        }),
      );
    },
  });
  /** Answers page `p` and lets the fetcher react. */
  const answer = async (p: number, ok = true): Promise<void> => {
    pending.get(p)!(ok);
    await vi.advanceTimersByTimeAsync(0);
  };
  return { fetcher, asked, pending, answer };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('fetching list pages for the rows in view', () => {
  it('asks for the first page of a new query at once, and for a page scrolled to once the view has settled on it', async () => {
    const { fetcher, asked, answer } = setup();
    fetcher.want(0, 0, true);
    expect(asked).toEqual([0]);
    await answer(0);
    fetcher.want(480, 520);
    expect(asked).toEqual([0]);
    await vi.advanceTimersByTimeAsync(100);
    expect(asked).toEqual([0, 5, 4]);
  });

  it('asks for none of the pages a fast scroll only passes, and then for the pages where it stops', async () => {
    const { fetcher, asked } = setup();
    for (let row = 0; row < 50_000; row += 300) {
      fetcher.want(row, row + 35);
      await vi.advanceTimersByTimeAsync(16);
    }
    expect(asked).toEqual([]);
    fetcher.want(99_950, 99_999);
    await vi.advanceTimersByTimeAsync(100);
    expect(asked).toEqual([999]);
  });

  it('keeps no more than two requests out, and once one answers asks only for what is in view by then', async () => {
    const { fetcher, asked, answer } = setup(0);
    fetcher.want(0, 450);
    expect(asked).toEqual([2, 1]);
    fetcher.want(9_000, 9_050);
    expect(asked).toEqual([2, 1]);
    await answer(2);
    expect(asked).toEqual([2, 1, 90]);
    await answer(1);
    await answer(90);
    expect(asked).toEqual([2, 1, 90]);
  });

  it('does not ask again for a page that is loaded or on its way, however often the view moves within it', async () => {
    const { fetcher, asked, answer } = setup(0);
    fetcher.want(0, 30);
    fetcher.want(5, 35);
    expect(asked).toEqual([0]);
    await answer(0);
    fetcher.want(10, 40);
    expect(asked).toEqual([0]);
  });

  it('does not ask again for a page that failed, until a new query', async () => {
    const { fetcher, asked, answer } = setup(0);
    fetcher.want(0, 30);
    await answer(0, false);
    fetcher.want(1, 31);
    expect(asked).toEqual([0]);
    fetcher.reset();
    fetcher.want(0, 30, true);
    expect(asked).toEqual([0, 0]);
  });

  it('forgets a wait and the requests of the last query on reset, so a new query is never held behind them', async () => {
    const { fetcher, asked, answer } = setup();
    fetcher.want(0, 250, true);
    expect(asked).toEqual([1, 0]);
    fetcher.want(5_000, 5_030);
    fetcher.reset();
    fetcher.want(0, 0, true);
    expect(asked).toEqual([1, 0, 0]);
    await vi.advanceTimersByTimeAsync(500);
    // The old query's answers arriving late ask for nothing of their own.
    await answer(1);
    expect(asked).toEqual([1, 0, 0]);
  });

  it('orders the pages of a view from its middle outwards', () => {
    expect(nearestFirst(0, 99, 100)).toEqual([0]);
    expect(nearestFirst(150, 550, 100)).toEqual([3, 2, 4, 1, 5]);
    expect(nearestFirst(90, 110, 100)).toEqual([1, 0]);
  });
});
