import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveHeader } from '../../../electron/core/export/archive-input.js';
import { toExportArticle } from '../../../electron/core/export/build-article.js';
import { writeBundleArchive } from '../../../electron/core/export/bundle-archive.js';
import { ARCHIVE_FORMATS, archiveFolder, isArticleFormat, renderArticle, renderSet } from '../../../electron/core/export/formats.js';
import { type ExportProgress, exportToPath } from '../../../electron/core/export/run-export.js';
import { resolveSelection } from '../../../electron/core/export/selection.js';
import type { ArticleRecord } from '../../../electron/core/model.js';
import { DeskError } from '../../../electron/core/result.js';
import { DeskService } from '../../../electron/core/service.js';
import type { Desk } from '../../../electron/core/store/desk-store.js';
import { openDesks } from '../../support/open-desks.js';
import { allSeedPaths, CTX } from './helpers.js';

const desks = openDesks('copydesk-bundle-export-');
let desk: Desk;
let ids: string[];

/** Every seed the parser tests use, imported and worked on the way an editor would, so histories carry corrections, tags and a ruling. */
beforeAll(async () => {
  desk = await desks.open(await desks.tmp.make());
  const service = new DeskService(desk, { now: () => '2026-03-01T09:00:00.000Z' });
  const must = async (p: Promise<{ ok: true } | { ok: false; error: { message: string } }>) => {
    const r = await p;
    if (!r.ok) throw new Error(r.error.message);
  };
  await must(service.call('importPaths', { paths: allSeedPaths() }));
  ids = desk.list().map((a) => a.id);
  await must(service.call('correctField', { id: ids[1]!, field: 'headline', text: 'A corrected headline', reason: null }));
  await must(service.call('addTags', { ids: [ids[0]!, ids[2]!], tags: ['Korea'] }));
  await must(service.call('upsertClaim', { id: ids[0]!, text: 'The two countries signed a mutual defense pact last year.', verdict: 'true' }));
  await must(service.call('setStatus', { ids: [ids[3]!], status: 'spiked', note: null }));
}, 60_000);
afterAll(desks.cleanup);
const tmp = desks.tmp;

/**
 * The archive as the validating writer makes it from the whole selection held at once (every record through
 * the schema, every file rendered first): what the export made before it streamed.
 */
async function validatedArchive(selectionIds: string[]): Promise<Buffer> {
  const sel = resolveSelection(desk, { ids: selectionIds });
  const got = await desk.getMany(sel.ids);
  const records = sel.ids.map((id) => got.get(id)!) as ArticleRecord[];
  const views = records.map(toExportArticle);
  const latest = records.map((r) => r.modifiedAt).reduce((a, b) => (a > b ? a : b));
  const header = archiveHeader(sel, latest, CTX, ARCHIVE_FORMATS);
  const bytes = (text: string) => Buffer.from(text, 'utf8');
  return writeBundleArchive({
    ...header,
    articles: records.map((record, i) => ({
      record,
      files: ARCHIVE_FORMATS.filter(isArticleFormat).flatMap((f) => {
        const file = renderArticle(views[i]!, f, CTX);
        return file ? [{ path: `${archiveFolder(f)}/${file.name}`, bytes: bytes(file.text) }] : [];
      }),
    })),
    files: (['html', 'csv'] as const).map((f) => {
      const file = renderSet({ name: sel.name, description: sel.description, articles: views }, f, CTX);
      return { path: `${archiveFolder(f)}/${file.name}`, bytes: bytes(file.text) };
    }),
  });
}

describe('a bundle archive export', () => {
  it('streams to the same bytes the validating writer makes from the whole selection at once', async () => {
    const out = join(await tmp.make(), 'all.cdbundle');
    const progress: ExportProgress[] = [];
    const outcome = await exportToPath(desk, CTX, { format: 'bundle', selection: { ids } }, out, (p) => progress.push(p));
    const written = await readFile(out);
    expect(written.equals(await validatedArchive(ids))).toBe(true);
    expect(outcome).toMatchObject({ format: 'bundle', articles: ids.length, files: 1, size: written.length });
    expect(progress.map((p) => p.phase)).toEqual([...progress.filter((p) => p.phase === 'reading').map(() => 'reading'), 'writing', 'done']);
    expect(progress.at(-1)).toEqual({ phase: 'done', done: ids.length, total: ids.length });
  });

  it('leaves neither the archive nor a temporary file when a format refuses an article midway', async () => {
    const dir = await tmp.make();
    const out = join(dir, 'refused.cdbundle');
    // ClaimReview names the organisation as author; without one the article with a ruling is refused.
    const err = await exportToPath(desk, { ...CTX, organizationName: '' }, { format: 'bundle', selection: { ids } }, out).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeskError);
    expect(await readdir(dir)).toEqual([]);
  });
});
