import { afterEach, describe, expect, it } from 'vitest';
import { ArticleSummarySchema, DEFAULT_VERDICT_SCALE, summarize } from '../../../electron/core/model.js';
import { seedDesks, value } from './seed-desk.js';

const desks = seedDesks('copydesk-claims-filter-');
afterEach(desks.cleanup);

const PACT = 'The two countries signed a mutual defense pact last year';
const CLASHES = 'Dozens were killed in October’s clashes, the worst violence on the border since the Taliban took power in Afghanistan in 2021.';

describe('stored-claim counts in the summary', () => {
  it('counts claims per verdict in `summarize`, and reads summaries written before the field existed as no claims', async () => {
    const d = await desks.make();
    const record = (await d.service.desk.get(d.ids[0]!))!;
    expect(summarize(record).verdictCounts).toEqual({});
    value(await d.service.call('upsertClaim', { id: d.ids[0]!, text: PACT, verdict: 'false' }));
    value(await d.service.call('upsertClaim', { id: d.ids[0]!, text: 'Kim Jong Un', verdict: 'false' }));
    value(await d.service.call('upsertClaim', { id: d.ids[0]!, text: 'Kursk', verdict: 'unverified' }));
    expect(summarize((await d.service.desk.get(d.ids[0]!))!).verdictCounts).toEqual({ false: 2, unverified: 1 });

    const { verdictCounts: _gone, ...old } = d.service.desk.summary(d.ids[0]!)!;
    expect(ArticleSummarySchema.parse(old).verdictCounts).toEqual({});
  });
});

describe('the claims filters of the list, on the real seed and the parser fixtures', () => {
  it('follows verdicts as they are recorded, the scale as it changes, and a restart', async () => {
    const d = await desks.make(['seeds', 'tests/fixtures/seed']);
    const [one, two] = d.ids;
    const all = d.ids.length;
    expect(all).toBeGreaterThan(10);

    // Nothing ruled on: every article is unchecked, none false or misleading.
    let page = await d.list({ claims: 'unchecked' });
    expect(page.total).toBe(all);
    expect(page.facets.claims).toEqual({ unchecked: all, falseOrMisleading: 0 });
    expect(await d.shown({ claims: 'false-or-misleading' })).toEqual([]);

    // Ruling a claim false on article 1: it is no longer unchecked, and is false-or-misleading.
    value(await d.service.call('upsertClaim', { id: one!, text: PACT, verdict: 'false', note: 'The pact was signed in 2024' }));
    expect(await d.shown({ claims: 'false-or-misleading' })).toEqual([one]);
    page = await d.list({ claims: 'unchecked' });
    expect(page.items.map((i) => i.id)).not.toContain(one);
    expect(page.facets.claims).toEqual({ unchecked: all - 1, falseOrMisleading: 1 });
    expect(page.items.find((i) => i.id === two)!.verdictCounts).toEqual({});

    // A second claim there, stored but not yet ruled on, makes it unchecked again.
    value(await d.service.call('upsertClaim', { id: one!, text: 'Kursk', verdict: 'unverified' }));
    expect(await d.shown({ claims: 'unchecked' })).toContain(one);

    // Misleading on article 2; a true verdict elsewhere is neither.
    value(await d.service.call('upsertClaim', { id: two!, text: CLASHES, verdict: 'misleading' }));
    value(await d.service.call('upsertClaim', { id: d.ids[2]!, text: (await d.service.desk.get(d.ids[2]!))!.original.headline, verdict: 'true' }));
    expect(await d.shown({ claims: 'false-or-misleading' })).toEqual([one, two]);
    expect(await d.shown({ claims: 'unchecked' })).not.toContain(d.ids[2]);

    // Filters combine: a spiked article stays hidden unless asked for, as everywhere in the list.
    value(await d.service.call('setStatus', { ids: [two!], status: 'spiked' }));
    expect(await d.shown({ claims: 'false-or-misleading' })).toEqual([one]);
    expect(await d.shown({ claims: 'false-or-misleading', statuses: ['spiked'] })).toEqual([two]);

    // The scale decides: "misleading" re-rated 3 is no longer false-or-misleading; "false" removed keeps its claim
    // (the verdict stays on it) but no longer has a rating.
    const scale = DEFAULT_VERDICT_SCALE.filter((v) => v.id !== 'false').map((v) => (v.id === 'misleading' ? { ...v, rating: 3 } : v));
    value(await d.service.call('updateSettings', { verdicts: scale }));
    expect(await d.shown({ claims: 'false-or-misleading', statuses: ['spiked', 'new'] })).toEqual([]);
    const view = value(await d.service.call('getFactcheck', { id: one! }));
    expect(view.claims.find((c) => c.text === PACT)!.verdict).toBe('false');

    // The counts are in the desk's index files: a restart reads them without opening a body.
    value(await d.service.call('updateSettings', { verdicts: DEFAULT_VERDICT_SCALE.map((v) => ({ ...v })) }));
    await d.reopen();
    expect(d.service.desk.summary(one!)!.verdictCounts).toEqual({ false: 1, unverified: 1 });
    expect(await d.shown({ claims: 'false-or-misleading', statuses: ['new', 'spiked'] })).toEqual([one, two]);
  });
});
