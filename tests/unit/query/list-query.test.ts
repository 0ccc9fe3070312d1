import { describe, expect, it } from 'vitest';
import { type ArticleSummary, DEFAULT_VERDICT_SCALE, STATUSES, type VerdictDefinition } from '../../../electron/core/model.js';
import { type ListContext, type ListQuery, runListQuery } from '../../../electron/core/query/list-query.js';
import { type Rng, makeRng } from '../../support/seed-corpus.js';
import { type SeqStyle, FILES, generatedDesk, nextState } from './generated-desk.js';
import { referenceListQuery } from './reference-list-query.js';

type Hit = { id: string; terms: string[] };

// 'retired' is a verdict stored on some articles but no longer on this scale; 'unproven' is rated false here.
const OTHER_SCALE: readonly VerdictDefinition[] = [
  { id: 'unverified', label: 'Unverified', rating: null },
  { id: 'true', label: 'True', rating: 5 },
  { id: 'unproven', label: 'Unproven', rating: 1 },
  { id: 'mostly-true', label: 'Mostly true', rating: null },
];

const QUERIES = [undefined, '', '   ', 'budget', 'alpha vote', 'nothing'];

/**
 * What a search answers for each query: some of the desk's ids in a random (relevance) order, ids no longer on
 * the desk, and term lists shared between hits as the index shares them, or each hit's own.
 */
function searchFor(rng: Rng, list: readonly ArticleSummary[]): (query: string) => Hit[] {
  const answers = new Map<string, Hit[]>();
  for (const q of QUERIES) {
    if (!q?.trim() || q === 'nothing') continue;
    const shared = [[q], [q, 'vote'], ['budgets', 'voted']];
    const hits: Hit[] = [];
    for (const a of list) if (rng.next() < 0.4) hits.push({ id: a.id, terms: rng.next() < 0.8 ? rng.pick(shared) : [q, `own${rng.int(0, 3)}`] });
    for (let k = hits.length - 1; k > 0; k--) {
      const j = rng.int(0, k);
      [hits[k], hits[j]] = [hits[j]!, hits[k]!];
    }
    hits.splice(rng.int(0, hits.length), 0, { id: 'gone', terms: ['ghost'] });
    answers.set(q, hits);
  }
  return (q) => answers.get(q) ?? [];
}

type Scale = readonly VerdictDefinition[] | undefined;

function randomQuery(rng: Rng, n: number, scale: Scale): { q: ListQuery; context: ListContext; mentionedOf: (list: readonly ArticleSummary[]) => Set<string> } {
  const maybe = <T>(p: number, value: () => T): T | undefined => (rng.next() < p ? value() : undefined);
  const q: ListQuery = {};
  const set = <K extends keyof ListQuery>(k: K, v: ListQuery[K] | undefined) => {
    if (v !== undefined) q[k] = v;
  };
  set('offset', maybe(0.5, () => rng.pick([0, 1, rng.int(0, n), n + 3])));
  set('limit', maybe(0.7, () => rng.pick([1, 5, 20, rng.int(1, n + 2)])));
  set('sort', maybe(0.6, () => rng.pick(['import', 'date', 'headline'] as const)));
  set('order', maybe(0.5, () => rng.pick(['asc', 'desc'] as const)));
  set('query', rng.pick(QUERIES));
  set('statuses', maybe(0.3, () => STATUSES.filter(() => rng.next() < 0.3)));
  set('tag', maybe(0.25, () => rng.pick(['', ' asia ', 'ASIA', 'économie', 'economie', 'fact check', 'nope'])));
  set('file', maybe(0.15, () => rng.pick(['', ...FILES])));
  set('hasWarnings', maybe(0.2, () => rng.next() < 0.5));
  set('claims', maybe(0.25, () => rng.pick(['unchecked', 'false-or-misleading'] as const)));
  const withMentions = rng.next() < 0.15;
  if (withMentions) set('mentions', 'Someone');
  const context: ListContext = {};
  if (scale) context.verdicts = scale;
  const p = rng.next();
  return { q, context, mentionedOf: (list) => new Set(list.filter(() => rng.next() < p).map((a) => a.id)) };
}

const randomScale = (rng: Rng): Scale => rng.pick([undefined, DEFAULT_VERDICT_SCALE, OTHER_SCALE, [...OTHER_SCALE]]);

/** Both implementations on the same state and query; the pages must serialise to the same bytes. */
function agree(list: readonly ArticleSummary[], rng: Rng, search: (q: string) => Hit[], n: number, scale = randomScale(rng)): void {
  const { q, context, mentionedOf } = randomQuery(rng, n, scale);
  if (q.mentions) context.mentioned = mentionedOf(list);
  const expected = JSON.stringify(referenceListQuery(list, q, search, context));
  const actual = JSON.stringify(runListQuery(list, q, search, context));
  if (actual !== expected) expect({ q, page: JSON.parse(actual) }).toEqual({ q, page: JSON.parse(expected) });
}

describe('runListQuery matches the straightforward implementation', () => {
  const styles: SeqStyle[] = ['import', 'shuffled', 'repeated'];
  for (const style of styles) {
    it(`on a desk with seqs ${style}, for random queries`, () => {
      for (let seed = 1; seed <= 12; seed++) {
        const rng = makeRng(seed * 101 + styles.indexOf(style));
        const n = rng.pick([0, 1, 7, 60, 240]);
        const list = generatedDesk(rng, n, style);
        const search = searchFor(rng, list);
        // Many queries on one array: the later ones are answered from what the first ones worked out.
        for (let k = 0; k < 150; k++) agree(list, rng, search, n);
      }
    });
  }

  it('across commits, each new state derived from the last', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const rng = makeRng(7000 + seed);
      let counter = 0;
      // One scale for the whole run, as on a desk, so that the facets are carried from state to state.
      const scale = randomScale(rng);
      let list: readonly ArticleSummary[] = generatedDesk(rng, rng.pick([30, 200]));
      for (let state = 0; state < 40; state++) {
        const search = searchFor(rng, list);
        for (let k = 0; k < 12; k++) agree(list, rng, search, list.length, scale);
        list = nextState(rng, list, () => counter++);
      }
    }
  });

  it('when an old state is asked again after newer ones', () => {
    const rng = makeRng(99);
    let counter = 0;
    const states = [generatedDesk(rng, 120)];
    for (let s = 0; s < 6; s++) states.push(nextState(rng, states.at(-1)!, () => counter++));
    for (let k = 0; k < 200; k++) {
      const list = rng.pick(states);
      agree(list, rng, searchFor(rng, list), list.length);
    }
  });

  it('still refuses a mentions filter without the ids found for it', () => {
    expect(() => runListQuery([], { mentions: 'X' }, () => [])).toThrow(/needs the ids found/);
  });
});
