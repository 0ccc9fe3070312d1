import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleView } from '../../../electron/core/api.js';
import type { Result } from '../../../electron/core/result.js';
import { DeskService } from '../../../electron/core/service.js';
import { openDesks } from '../../support/open-desks.js';

const { tmp, open, cleanup } = openDesks('copydesk-editorial-');
afterEach(cleanup);

let service: DeskService;
let ids: string[];
let dir: string;

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

const SEED = (para: string) => `Port strike ends after talks

Short Url
Updated 26 November 2026
Follow

Port strike ends after talks

ROTTERDAM: ${para}
The union said the deal raises wages.
`;

beforeEach(async () => {
  dir = await tmp.make();
  process.env.COPYDESK_EDITOR = 'Test Editor';
  service = new DeskService(await open(join(dir, 'desk')));
  value(await service.call('importPaths', { paths: ['seeds'] }));
  ids = value(await service.call('listArticles', {})).items.map((i) => i.id);
});

describe('the editorial service', () => {
  it('signs revisions with the editor from settings, and settings persist', async () => {
    expect(value(await service.call('getSettings', {}))).toMatchObject({ editorName: 'Test Editor', organizationName: '' });
    value(await service.call('updateSettings', { editorName: 'Mina Park', organizationName: 'Desk Weekly' }));
    const a = value(await service.call('correctField', { id: ids[0]!, field: 'headline', text: 'New headline', reason: 'style' }));
    expect(a.revisions.at(-1)).toMatchObject({ editor: 'Mina Park', reason: 'style' });
    const again = new DeskService(service.desk);
    expect(value(await again.call('getSettings', {}))).toMatchObject({ editorName: 'Mina Park', organizationName: 'Desk Weekly' });
  });

  it('changes status and tags in bulk as one batch, listed with counts', async () => {
    const s = value(await service.call('setStatus', { ids, status: 'in-review', note: 'morning shift' }));
    expect(s).toMatchObject({ changed: 2, unchanged: 0, batch: expect.stringMatching(/^b/) });
    value(await service.call('addTags', { ids, tags: ['Asia'] }));
    value(await service.call('addTags', { ids: [ids[0]!], tags: ['asia', 'russia'] }));
    const page = value(await service.call('listArticles', {}));
    expect(page.items.map((i) => i.tags)).toEqual([['Asia', 'russia'], ['Asia']]);
    expect(page.facets.statuses['in-review']).toBe(2);
    expect(page.facets.tags).toEqual([{ name: 'Asia', count: 2 }, { name: 'russia', count: 1 }]);
    expect(value(await service.call('setStatus', { ids, status: 'in-review' }))).toMatchObject({ changed: 0, unchanged: 2, batch: null });
  });

  it('hides spiked copy unless asked for', async () => {
    value(await service.call('setStatus', { ids: [ids[1]!], status: 'spiked' }));
    expect(value(await service.call('listArticles', {})).total).toBe(1);
    expect(value(await service.call('listArticles', { statuses: ['spiked'] })).items.map((i) => i.id)).toEqual([ids[1]]);
  });

  it('renames a tag across the desk and undoes the rename in one step', async () => {
    value(await service.call('addTags', { ids, tags: ['dprk'] }));
    value(await service.call('addTags', { ids: [ids[1]!], tags: ['North-Korea'] }));
    const renamed = value(await service.call('renameTag', { from: 'DPRK', to: 'north-korea' }));
    expect(renamed.changed).toBe(2);
    let page = value(await service.call('listArticles', {}));
    expect(page.items.map((i) => i.tags)).toEqual([['North-Korea'], ['North-Korea']]);
    value(await service.call('undoBatch', { batch: renamed.batch! }));
    page = value(await service.call('listArticles', {}));
    expect(page.items.map((i) => i.tags)).toEqual([['dprk'], ['dprk', 'North-Korea']]);
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const bad = await service.call('addTags', { ids, tags: ['x'.repeat(65)] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/longer than 64/) } });
    expect(await service.call('setStatus', { ids: ['nope'], status: 'approved' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await service.call('setStatus', { ids, status: 'published' as never })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await service.call('correctField', { id: ids[0]!, field: 'paragraph:9', text: 'x' })).toMatchObject({ ok: false, error: { message: 'paragraph:9 does not exist: the article has 8 paragraphs' } });
    expect(value(await service.call('getArticle', { id: ids[0]! })).revisions).toEqual([]);
  });

  it('keeps corrections, status and tags over a re-import, and flags a correction the source changed under', async () => {
    const file = join(dir, 'port.txt');
    await writeFile(file, SEED('Dockworkers voted on Wednesday to end the strike.'));
    value(await service.call('importPaths', { paths: [file] }));
    const id = value(await service.call('listArticles', { file: 'port.txt' })).items[0]!.id;
    value(await service.call('correctField', { id, field: 'paragraph:1', text: 'Dockworkers voted on Thursday to end the strike.', reason: 'wrong day' }));
    value(await service.call('correctField', { id, field: 'paragraph:2', text: 'The union said the deal raises wages by 6 percent.' }));
    value(await service.call('addTags', { ids: [id], tags: ['labour'] }));

    // Same file again: nothing changes.
    expect(value(await service.call('importPaths', { paths: [file] }))).toMatchObject({ unchanged: 1, updated: 0 });

    // Upstream rewrites paragraph 1 only.
    await writeFile(file, SEED('Dockworkers at Europe’s largest port voted to end the strike.'));
    expect(value(await service.call('importPaths', { paths: [file] }))).toMatchObject({ updated: 1 });
    const a: ArticleView = value(await service.call('getArticle', { id }));
    expect(a.status).toBe('flagged');
    expect(a.tags).toEqual(['labour']);
    expect(a.paragraphs).toEqual(['Dockworkers at Europe’s largest port voted to end the strike.', 'The union said the deal raises wages by 6 percent.']);
    expect(a.needsReview).toEqual(['r1']);
    expect(a.priorOriginals.at(-1)!.content.paragraphs[0]).toBe('Dockworkers voted on Wednesday to end the strike.');

    // Re-applying the held correction is a new edit; then the held one can be dismissed.
    value(await service.call('correctField', { id, field: 'paragraph:1', text: 'Dockworkers at Europe’s largest port voted on Thursday to end the strike.' }));
    const done = value(await service.call('acknowledgeRevision', { id, revision: 'r1' }));
    expect(done.needsReview).toEqual([]);
  });
});

describe('settings', () => {
  it('store only what was chosen, so the default editor still follows the environment', async () => {
    process.env.COPYDESK_EDITOR = 'Env One';
    value(await service.call('updateSettings', { organizationName: 'Desk Weekly' }));
    process.env.COPYDESK_EDITOR = 'Env Two';
    expect(value(await new DeskService(service.desk).call('getSettings', {}))).toMatchObject({ editorName: 'Env Two', organizationName: 'Desk Weekly' });
  });
});

describe('concurrent changes', () => {
  it('never lose an update when two changes to one article arrive together', async () => {
    const id = ids[0]!;
    await Promise.all([
      service.call('setStatus', { ids: [id], status: 'checked' }),
      service.call('addTags', { ids: [id], tags: ['russia'] }),
      service.call('correctField', { id, field: 'headline', text: 'Concurrent headline' }),
      service.call('addTags', { ids: [id], tags: ['asia'] }),
    ]);
    const a = value(await service.call('getArticle', { id }));
    expect(a).toMatchObject({ status: 'checked', tags: ['russia', 'asia'], headline: 'Concurrent headline' });
    expect(a.revisions).toHaveLength(4);
  });
});
