import { describe, expect, it } from 'vitest';
import { DEFAULT_VERDICT_SCALE, VerdictScaleSchema } from '../../../electron/core/model.js';
import { blankVerdict, fromDraft, sameScale, slugify, toDraft } from '../../../renderer/features/settings/scale-draft.js';

const ok = (r: ReturnType<typeof fromDraft>) => {
  if ('error' in r) throw new Error(r.error);
  return r.scale;
};

describe('editing the verdict scale in the Settings dialog', () => {
  it('round-trips the desk’s scale unchanged', () => {
    const scale = ok(fromDraft(toDraft(DEFAULT_VERDICT_SCALE)));
    expect(scale).toEqual(DEFAULT_VERDICT_SCALE);
    expect(sameScale(scale, DEFAULT_VERDICT_SCALE)).toBe(true);
  });

  it('gives a new verdict an id from its label unless one is typed, and the core accepts the result', () => {
    expect(slugify('  Half true!')).toBe('half-true');
    expect(slugify('Pants on fire — très faux')).toBe('pants-on-fire-tres-faux');
    const rows = [...toDraft(DEFAULT_VERDICT_SCALE), { ...blankVerdict(), label: 'Half true', rating: 3 }, { ...blankVerdict(), label: 'Satire', id: 'satire-piece', rating: null }];
    const scale = ok(fromDraft(rows));
    expect(scale.slice(-2)).toEqual([{ id: 'half-true', label: 'Half true', rating: 3 }, { id: 'satire-piece', label: 'Satire', rating: null }]);
    expect(VerdictScaleSchema.safeParse(scale).success).toBe(true);
    expect(sameScale(scale, DEFAULT_VERDICT_SCALE)).toBe(false);
  });

  it('names the row at fault instead of sending a scale the core would refuse', () => {
    const base = toDraft(DEFAULT_VERDICT_SCALE);
    expect(fromDraft(base.filter((r) => r.id !== 'unverified'))).toEqual({ error: 'The scale must keep “unverified”: every claim starts there.' });
    expect(fromDraft([...base, { ...blankVerdict(), label: 'True' }])).toEqual({ error: 'Two verdicts have the id “true”; each needs its own.' });
    expect(fromDraft([...base, { ...blankVerdict(), label: '' }])).toEqual({ error: 'Verdict 7 needs a label.' });
    expect(fromDraft([...base, { ...blankVerdict(), label: 'Odd', id: 'Odd One' }])).toEqual({ error: '“Odd”: the id must be lowercase letters, digits and hyphens, like mostly-true.' });
    expect(fromDraft([...base, { ...blankVerdict(), label: '???' }])).toMatchObject({ error: expect.stringContaining('the id must be') });
    expect(fromDraft(base.slice(0, 1))).toEqual({ error: 'A scale has 2 to 12 verdicts.' });
    // Unverified never carries a rating, whatever the row says.
    expect(ok(fromDraft(base.map((r) => (r.id === 'unverified' ? { ...r, rating: 4 } : r))))[0]).toEqual({ id: 'unverified', label: 'Unverified', rating: null });
  });
});
