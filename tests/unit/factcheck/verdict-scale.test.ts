import { afterEach, describe, expect, it } from 'vitest';
import { hasFalseOrMisleading, hasUncheckedClaims } from '../../../electron/core/factcheck/index.js';
import { DEFAULT_VERDICT_SCALE, VERDICTS, VerdictScaleSchema, type VerdictDefinition } from '../../../electron/core/model.js';
import { refusal, seedDesks, value } from './seed-desk.js';

const desks = seedDesks('copydesk-verdicts-');
afterEach(desks.cleanup);

const PACT = 'The two countries signed a mutual defense pact last year';
const scaleError = (scale: unknown): string | null => {
  const r = VerdictScaleSchema.safeParse(scale);
  return r.success ? null : r.error.issues.map((i) => i.message).join('; ');
};
const withHalfTrue: VerdictDefinition[] = [
  { id: 'unverified', label: 'Not yet checked', rating: null },
  { id: 'true', label: 'True', rating: 5 },
  { id: 'half-true', label: 'Half true', rating: 3 },
  { id: 'pants-on-fire', label: 'Pants on fire', rating: 1 },
];

describe('the verdict scale', () => {
  it('defaults to the six verdicts of the issue, in display order, with ClaimReview ratings (1 false … 5 true)', () => {
    expect(DEFAULT_VERDICT_SCALE.map((v) => [v.id, v.rating])).toEqual([
      ['unverified', null], ['true', 5], ['mostly-true', 4], ['misleading', 2], ['false', 1], ['unproven', 3],
    ]);
    // Code that imports the ids keeps working.
    expect(DEFAULT_VERDICT_SCALE.map((v) => v.id)).toEqual([...VERDICTS]);
    expect(scaleError(DEFAULT_VERDICT_SCALE)).toBeNull();
  });

  it('refuses duplicate ids, ids that are not slugs, a missing or rated "unverified", and sizes outside 2..12', () => {
    const u = { id: 'unverified', label: 'Unverified', rating: null };
    expect(scaleError([u, { id: 'true', label: 'True', rating: 5 }, { id: 'true', label: 'Also true', rating: 4 }])).toMatch(/unique: "true" appears more than once/);
    expect(scaleError([u, { id: 'Half True', label: 'Half', rating: 3 }])).toMatch(/lowercase letters, digits and hyphens/);
    expect(scaleError([u, { id: 'half-', label: 'Half', rating: 3 }])).toMatch(/lowercase letters, digits and hyphens/);
    expect(scaleError([{ id: 'true', label: 'True', rating: 5 }, { id: 'false', label: 'False', rating: 1 }])).toMatch(/must keep "unverified"/);
    expect(scaleError([{ ...u, rating: 3 }, { id: 'false', label: 'False', rating: 1 }])).toMatch(/"unverified" is not a ruling/);
    expect(scaleError([u])).toMatch(/2 to 12 verdicts/);
    expect(scaleError([u, ...Array.from({ length: 12 }, (_, i) => ({ id: `v${i}`, label: `V${i}`, rating: 3 }))])).toMatch(/2 to 12 verdicts/);
    expect(scaleError([u, { id: 'six', label: 'Six', rating: 6 }])).not.toBeNull();
    expect(scaleError([u, { id: 'blank', label: '   ', rating: 2 }])).not.toBeNull();
  });

  it('decides "unchecked" and "false or misleading" by rating, not by name', () => {
    expect(hasUncheckedClaims({}, DEFAULT_VERDICT_SCALE)).toBe(true); // nothing ruled on yet
    expect(hasUncheckedClaims({ true: 2 }, DEFAULT_VERDICT_SCALE)).toBe(false);
    expect(hasUncheckedClaims({ true: 2, unverified: 1 }, DEFAULT_VERDICT_SCALE)).toBe(true);
    expect(hasUncheckedClaims({ 'since-removed': 1 }, DEFAULT_VERDICT_SCALE)).toBe(false); // ruled, with no rating now
    expect(hasFalseOrMisleading({ misleading: 1 }, DEFAULT_VERDICT_SCALE)).toBe(true);
    expect(hasFalseOrMisleading({ unproven: 1, 'mostly-true': 3 }, DEFAULT_VERDICT_SCALE)).toBe(false);
    expect(hasFalseOrMisleading({ 'pants-on-fire': 1 }, withHalfTrue)).toBe(true);
    expect(hasFalseOrMisleading({ false: 1 }, withHalfTrue)).toBe(false); // "false" is not on this scale
    expect(hasFalseOrMisleading({ misleading: 0 }, DEFAULT_VERDICT_SCALE)).toBe(false);
  });
});

describe('updateSettings and upsertClaim with the desk’s scale', () => {
  it('stores a new scale, checks verdicts against it by name, and lets a claim keep a verdict the scale dropped', async () => {
    const d = await desks.make();
    const [one] = d.ids;
    const settings = value(await d.service.call('getSettings', {}));
    expect(settings.verdicts).toEqual(DEFAULT_VERDICT_SCALE);

    value(await d.service.call('upsertClaim', { id: one!, text: PACT, verdict: 'mostly-true' }));
    expect(refusal(await d.service.call('upsertClaim', { id: one!, text: PACT, verdict: 'half-true' }))).toBe(
      'INVALID_INPUT: "half-true" is not a verdict on this desk\'s scale; choose one of unverified, true, mostly-true, misleading, false, unproven',
    );

    value(await d.service.call('updateSettings', { verdicts: withHalfTrue }));
    // Survives a restart: it is kept with the desk.
    await d.reopen();
    expect(value(await d.service.call('getSettings', {})).verdicts).toEqual(withHalfTrue);

    // The new verdicts are accepted, the removed ones refused with the desk's own list…
    value(await d.service.call('upsertClaim', { id: one!, text: 'Kim Jong Un', verdict: 'half-true' }));
    expect(refusal(await d.service.call('upsertClaim', { id: one!, text: 'Kim Jong Un', verdict: 'false' }))).toMatch(
      /"false" is not a verdict on this desk's scale; choose one of unverified, true, half-true, pants-on-fire$/,
    );
    // …but the pact claim keeps "mostly-true", and a note can be added without ruling again.
    let view = value(await d.service.call('upsertClaim', { id: one!, text: PACT, verdict: 'mostly-true', note: 'Checked the treaty text' }));
    expect(view.claims.find((c) => c.text === PACT)).toMatchObject({ verdict: 'mostly-true', notes: ['Checked the treaty text'] });
    view = value(await d.service.call('upsertClaim', { id: one!, text: PACT, verdict: 'pants-on-fire' }));
    expect(view.claims.find((c) => c.text === PACT)!.verdict).toBe('pants-on-fire');
    // Once moved off the retired verdict, the claim cannot go back to it.
    expect(refusal(await d.service.call('upsertClaim', { id: one!, text: PACT, verdict: 'mostly-true' }))).toMatch(/not a verdict on this desk's scale/);
  });

  it('refuses an invalid scale at the contract, naming the problem, and leaves the settings as they were', async () => {
    const d = await desks.make();
    const noUnverified = withHalfTrue.filter((v) => v.id !== 'unverified');
    expect(refusal(await d.service.call('updateSettings', { verdicts: noUnverified }))).toMatch(/^INVALID_INPUT: invalid input for updateSettings: verdicts: the scale must keep "unverified"/);
    expect(refusal(await d.service.call('updateSettings', { verdicts: [...withHalfTrue, withHalfTrue[1]!] }))).toMatch(/"true" appears more than once/);
    expect(refusal(await d.service.call('upsertClaim', { id: d.ids[0]!, text: PACT, verdict: 'Mostly True' }))).toMatch(/verdict: a verdict id is lowercase/);
    expect(value(await d.service.call('getSettings', {})).verdicts).toEqual(DEFAULT_VERDICT_SCALE);
  });
});
