import { describe, expect, it } from 'vitest';
import { TagSpellings } from '../../../electron/core/editorial/tag-spellings.js';
import { deskSpelling } from '../../../electron/core/editorial/tags.js';
import type { ArticleSummary } from '../../../electron/core/model.js';
import { SummaryOrder } from '../../../electron/core/store/summary-order.js';
import { makeRng } from '../../support/seed-corpus.js';
import { TAGS, generatedDesk, nextState } from '../query/generated-desk.js';

const ASKED = [...TAGS, 'rare', 'rare 2', 'ÀSIA', 'new tag', 'X', 'Fact Check'];

/** A SummaryOrder fed the way the Desk feeds it: every summary a commit made, in turn. */
function orderOver(first: readonly ArticleSummary[]): { order: SummaryOrder; moveTo: (next: readonly ArticleSummary[]) => void } {
  const byId = new Map(first.map((s) => [s.id, s]));
  const order = new SummaryOrder(() => byId.values());
  let current = first;
  return {
    order,
    moveTo(next) {
      for (let i = 0; i < next.length; i++) {
        if (current[i] === next[i]) continue;
        byId.set(next[i]!.id, next[i]!);
        order.put(next[i]!);
      }
      current = next;
    },
  };
}

describe('TagSpellings', () => {
  it('gives the spelling a scan of every tag on the desk gives, through edits and imports', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const rng = makeRng(500 + seed);
      let counter = 0;
      let state = generatedDesk(rng, rng.pick([0, 5, 80]));
      const { order, moveTo } = orderOver(state);
      let spellings = new TagSpellings();
      for (let step = 0; step < 150; step++) {
        // Sometimes the list is handed out between edits (the list query), or a reader starts afresh.
        const r = rng.next();
        if (r < 0.2) expect(order.list()).toEqual(state);
        else if (r < 0.25) spellings = new TagSpellings();
        if (rng.next() < 0.7) for (const tag of ASKED) expect(spellings.spelling(order, tag)).toBe(deskSpelling(tag, state.flatMap((s) => s.tags)));
        state = nextState(rng, state, () => counter++);
        moveTo(state);
      }
    }
  });

  it('follows the first holder when it drops the tag', () => {
    const a = generatedDesk(makeRng(1), 3).map((s, i) => ({ ...s, tags: [['Asia'], ['ASIA'], ['asia']][i]! }));
    const { order, moveTo } = orderOver(a);
    const spellings = new TagSpellings();
    expect(spellings.spelling(order, 'asia')).toBe('Asia');
    const b = [{ ...a[0]!, tags: [] }, a[1]!, a[2]!];
    moveTo(b);
    expect(spellings.spelling(order, 'asia')).toBe('ASIA');
    const c = [b[0]!, { ...a[1]!, tags: [] }, { ...a[2]!, tags: [] }];
    moveTo(c);
    expect(spellings.spelling(order, 'Asia ')).toBe('Asia ');
    const d = [b[0]!, c[1]!, { ...a[2]!, tags: ['x', 'aSia'] }];
    moveTo(d);
    expect(spellings.spelling(order, 'ASIA')).toBe('aSia');
  });
});
