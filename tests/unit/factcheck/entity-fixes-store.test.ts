import { afterEach, describe, expect, it } from 'vitest';
import { ArticleRecordSchema } from '../../../electron/core/model.js';
import { refusal, seedDesks, value } from './seed-desk.js';

const desks = seedDesks('copydesk-entity-fixes-');
afterEach(desks.cleanup);

const names = (v: { entities: { name: string; type: string; count: number }[] }) => v.entities.map((e) => `${e.name} (${e.type}) ×${e.count}`);

describe('fixEntity', () => {
  it('retypes, renames (merging) and removes entities, and the fixes survive a reopen of the desk and a correction', async () => {
    const d = await desks.make();
    const one = d.ids[0]!;
    const before = value(await d.service.call('getFactcheck', { id: one }));
    expect(names(before)).toEqual(expect.arrayContaining(['Korean Central News Agency (organization) ×5', 'Kursk (place) ×2', 'US (place) ×1']));

    value(await d.service.call('fixEntity', { id: one, name: 'Kursk', type: 'organization' }));
    value(await d.service.call('fixEntity', { id: one, name: 'KCNA', type: 'organization', rename: 'KCNA news agency' }));
    let view = value(await d.service.call('fixEntity', { id: one, name: 'US', type: null }));
    expect(names(view)).toEqual(expect.arrayContaining(['Kursk (organization) ×2', 'KCNA news agency (organization) ×5']));
    expect(view.entities.find((e) => e.name === 'KCNA news agency')!.aliases).toEqual(['KCNA', 'Korean Central News Agency']);
    expect(view.entities.find((e) => e.name === 'US')).toBeUndefined();
    expect(view.removedEntities).toEqual([{ name: 'US', type: 'place' }]);

    await d.reopen();
    view = value(await d.service.call('getFactcheck', { id: one }));
    expect(names(view)).toEqual(expect.arrayContaining(['Kursk (organization) ×2', 'KCNA news agency (organization) ×5']));
    expect(view.entities.find((e) => e.name === 'US')).toBeUndefined();
    // The other article is untouched.
    expect(value(await d.service.call('getFactcheck', { id: d.ids[1]! })).removedEntities).toEqual([]);

    // A correction re-runs the analysis; the fixes are replayed over it.
    const article = value(await d.service.call('getArticle', { id: one }));
    value(await d.service.call('correctField', { id: one, field: 'paragraph:8', text: `${article.paragraphs[7]} KCNA gave no date.` }));
    view = value(await d.service.call('getFactcheck', { id: one }));
    expect(names(view)).toContain('KCNA news agency (organization) ×6');

    // Restoring a removed name takes the removal back instead of stacking fixes behind it.
    view = value(await d.service.call('fixEntity', { id: one, name: 'US', type: 'place' }));
    expect(names(view)).toContain('US (place) ×1');
    expect(view.removedEntities).toEqual([]);
    expect((await d.service.desk.get(one))!.entityFixes.map((f) => f.name)).toEqual(['Kursk', 'KCNA', 'US']);
  });

  it('adds a name the tagger missed when its words stand in the article, and refuses names that are not there', async () => {
    const d = await desks.make();
    const one = d.ids[0]!;
    const view = value(await d.service.call('fixEntity', { id: one, name: 'Russian leadership', type: 'organization' }));
    expect(names(view)).toContain('Russian leadership (organization) ×1');
    expect(refusal(await d.service.call('fixEntity', { id: one, name: 'Atlantis', type: 'place' }))).toBe('NOT_FOUND: "Atlantis" is not a name in this article');
    expect(refusal(await d.service.call('fixEntity', { id: one, name: 'alaska summit', type: 'place' }))).toMatch(/^NOT_FOUND/);
    expect(refusal(await d.service.call('fixEntity', { id: one, name: 'Kursk', type: null, rename: 'Kursk Oblast' }))).toMatch(/cannot also be renamed/);
    expect(refusal(await d.service.call('fixEntity', { id: one, name: 'Kursk', type: 'city' }))).toMatch(/^INVALID_INPUT: invalid input for fixEntity: type/);
  });

  it('reads records written before entity fixes existed as having none', async () => {
    const d = await desks.make();
    const { entityFixes: _none, ...old } = (await d.service.desk.get(d.ids[0]!))!;
    expect(ArticleRecordSchema.parse(old).entityFixes).toEqual([]);
  });
});
