import { afterEach, describe, expect, it } from 'vitest';
import { articleText } from '../../../electron/core/factcheck/index.js';
import { refusal, seedDesks, value } from './seed-desk.js';

const desks = seedDesks('copydesk-claim-start-');
afterEach(desks.cleanup);

// Article 1 says it twice: in highlight 2 and again in paragraph 7, each time running on ", when Putin visited…".
const PACT = 'The two countries signed a mutual defense pact last year';

describe('upsertClaim with `start`', () => {
  it('rules on the occurrence at `start`, not the first one with the same words', async () => {
    const d = await desks.make();
    const one = d.ids[0]!;
    const { text } = articleText(value(await d.service.call('getArticle', { id: one })));
    const first = text.indexOf(PACT);
    const second = text.indexOf(PACT, first + 1);
    expect(second).toBeGreaterThan(first);

    let view = value(await d.service.call('upsertClaim', { id: one, text: PACT, start: second, verdict: 'true', note: 'In the body' }));
    let ruled = view.claims.filter((c) => c.checker !== null);
    expect(ruled).toHaveLength(1);
    expect(ruled[0]!.anchor).toMatchObject({ start: second, end: second + PACT.length, exact: PACT });

    // Without `start` the first occurrence is meant (the CLI's contract): a second, separate claim.
    view = value(await d.service.call('upsertClaim', { id: one, text: PACT, verdict: 'misleading' }));
    ruled = view.claims.filter((c) => c.checker !== null);
    expect(ruled.map((c) => [c.anchor.start, c.verdict])).toEqual([[second, 'true'], [first, 'misleading']]);
    expect(new Set(ruled.map((c) => c.id)).size).toBe(2);

    // The same `start` again updates that claim.
    view = value(await d.service.call('upsertClaim', { id: one, text: PACT, start: second, verdict: 'mostly-true' }));
    expect(view.claims.filter((c) => c.checker !== null).map((c) => [c.anchor.start, c.verdict, c.notes])).toEqual([
      [second, 'mostly-true', ['In the body']],
      [first, 'misleading', []],
    ]);
    expect(refusal(await d.service.call('upsertClaim', { id: one, text: PACT, start: second + 1, verdict: 'true' }))).toMatch(
      /does not stand at offset \d+ of the article as it is now/,
    );
  });

  it('keeps a clause claim as stated, full stop and all, when the panel saves it by its text and start', async () => {
    const d = await desks.make();
    const one = d.ids[0]!;
    const proposed = value(await d.service.call('getFactcheck', { id: one })).claims.find((c) => c.text === `${PACT}.`)!;
    expect(proposed.anchor.exact).toBe(PACT); // the words in the article run on with a comma
    const view = value(await d.service.call('upsertClaim', { id: one, text: proposed.text, start: proposed.anchor.start, verdict: 'true' }));
    const saved = view.claims.find((c) => c.checker !== null)!;
    expect(saved).toMatchObject({ id: proposed.id, text: `${PACT}.`, verdict: 'true', anchor: { start: proposed.anchor.start, exact: PACT } });
    // Saved again the same way after a correction reworded it: still the same claim, not a new one. (Paragraph 7,
    // which repeats the words, goes first: an exact copy elsewhere would otherwise take the anchor.)
    value(await d.service.call('correctField', { id: one, field: 'paragraph:7', text: 'The pact was signed during a state visit.' }));
    value(await d.service.call('correctField', { id: one, field: 'highlight:2', text: 'The two countries signed a mutual-defence pact last year, when Putin visited the reclusive state' }));
    const reworded = value(await d.service.call('getFactcheck', { id: one })).claims.find((c) => c.id === saved.id)!;
    expect(reworded).toMatchObject({ fuzzy: true, orphaned: false });
    const after = value(await d.service.call('upsertClaim', { id: one, text: reworded.text, start: reworded.anchor.start, verdict: 'mostly-true' }));
    expect(after.claims.filter((c) => c.checker !== null).map((c) => [c.id, c.verdict])).toEqual([[saved.id, 'mostly-true']]);
  });
});
