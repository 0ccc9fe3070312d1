import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../electron/core/model.js';
import { listChanges } from '../../../electron/core/query/list-changes.js';
import { SummaryOrder } from '../../../electron/core/store/summary-order.js';
import { makeRng } from '../../support/seed-corpus.js';
import { generatedDesk, nextState } from '../query/generated-desk.js';

describe('SummaryOrder', () => {
  it('lists in import order through edits and additions, and says what each edit replaced', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rng = makeRng(900 + seed);
      let counter = 0;
      let state = generatedDesk(rng, rng.pick([0, 3, 60]));
      const byId = new Map(state.map((s) => [s.id, s]));
      // Inserted out of order: the order comes from seq, not from the map.
      const order = new SummaryOrder(() => [...byId.values()].reverse());
      let handed = order.list();
      let handedState = state;
      let version = order.version;
      let versionState = state;
      for (let step = 0; step < 120; step++) {
        const next = nextState(rng, state, () => counter++);
        for (let i = 0; i < next.length; i++) {
          if (state[i] === next[i]) continue;
          byId.set(next[i]!.id, next[i]!);
          order.put(next[i]!);
        }
        state = next;
        expect(order.length).toBe(state.length);
        for (let i = 0; i < state.length; i++) expect(order.at(i)).toBe(state[i]);

        // replacedSince: what each replaced position held at the version asked about.
        const replaced = order.replacedSince(version, Infinity);
        if (versionState.length !== state.length) expect(replaced).toBeNull();
        else {
          const changed = state.flatMap((s, i) => (s !== versionState[i] ? [i] : []));
          expect(replaced).not.toBeNull();
          // A position edited back to the very same object would be listed but unchanged; nextState never does it.
          expect([...replaced!.keys()].sort((a, b) => a - b)).toEqual(changed);
          for (const [i, was] of replaced!) expect(was).toBe(versionState[i]);
        }
        if (rng.next() < 0.3) {
          version = order.version;
          versionState = state;
        }

        // list(): a new array only when something changed, and listChanges knows what without comparing.
        if (rng.next() < 0.4) {
          const list = order.list();
          expect(list).toEqual(state);
          if (list === handed) expect(state.every((s, i) => s === handedState[i]) && state.length === handedState.length).toBe(true);
          const changes = listChanges(handed, list, Infinity);
          if (handed.length === list.length) expect(changes).toEqual(list.flatMap((s, i) => (s !== handed[i] ? [i] : [])));
          handed = list;
          handedState = state;
        }
      }
    }
  });

  it('gives no replacements across an addition, or further back than its log', () => {
    const rng = makeRng(7);
    const first = generatedDesk(rng, 10);
    const byId = new Map(first.map((s) => [s.id, s]));
    const order = new SummaryOrder(() => byId.values());
    order.list();
    const v0 = order.version;
    const edited: ArticleSummary = { ...first[3]!, tags: ['edited'] };
    byId.set(edited.id, edited);
    order.put(edited);
    expect([...order.replacedSince(v0, 10)!.entries()]).toEqual([[3, first[3]]]);
    expect(order.replacedSince(v0, 0)).toBeNull();
    for (let k = 0; k < 5000; k++) order.put({ ...first[k % 10]!, headline: `h${k}` });
    expect(order.replacedSince(v0, Infinity)).toBeNull();
    const v1 = order.version;
    const added: ArticleSummary = { ...first[0]!, id: 'new', seq: 1000 };
    byId.set(added.id, added);
    order.put(added);
    expect(order.replacedSince(v1, Infinity)).toBeNull();
    expect(order.list().at(-1)).toBe(added);
  });
});
