import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskEvent, ExportDownload } from '../../../electron/core/api.js';
import { DeskService } from '../../../electron/core/service.js';
import type { Desk } from '../../../electron/core/store/desk-store.js';
import { startHttpServer } from '../../../electron/server/http-server.js';
import { openDesks } from '../../support/open-desks.js';

const desks = openDesks('copydesk-export-service-');
afterEach(desks.cleanup);

const SEEDS = join(import.meta.dirname, '../../../seeds');

async function seededService(): Promise<{ desk: Desk; service: DeskService; ids: string[] }> {
  const desk = await desks.open(await desks.tmp.make());
  const service = new DeskService(desk);
  const r = await service.call('importPaths', { paths: [SEEDS] });
  expect(r.ok).toBe(true);
  return { desk, service, ids: desk.list().map((a) => a.id) };
}

const value = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** Every file name under the desk folder with its bytes' hash: a refused import must leave this unchanged. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || e.name === 'desk.lock') continue;
    const path = join(e.parentPath, e.name);
    out[path.slice(dir.length)] = createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return out;
}

describe('export through the contract', () => {
  it('previews a bundle from summaries alone: articles in order, rulings and corrections', async () => {
    const { service, ids } = await seededService();
    value(await service.call('upsertClaim', { id: ids[0]!, text: 'The two countries signed a mutual defense pact last year.', verdict: 'false' }));
    value(await service.call('correctField', { id: ids[1]!, field: 'headline', text: 'A corrected headline', reason: null }));
    const bundle = value(await service.call('createBundle', { name: 'Pair', ids: [ids[1]!, ids[0]!] }));
    const preview = value(await service.call('previewExport', { selection: { bundle: bundle.id } }));
    expect(preview.name).toBe('Pair');
    expect(preview.articles.map((a) => a.id)).toEqual([ids[1], ids[0]]);
    expect(preview.articles[0]).toMatchObject({ headline: 'A corrected headline', corrected: true, rulings: 0 });
    expect(preview.totals).toEqual({ articles: 2, rulings: 1, corrected: 1 });
    // The same bundle by name, and a refusal for one that does not exist.
    expect(value(await service.call('previewExport', { selection: { bundle: 'pair' } })).articles).toHaveLength(2);
    expect(await service.call('previewExport', { selection: { bundle: 'nope' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await service.call('previewExport', { selection: { tag: 'x', status: 'new' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('makes an export in the outbox with progress events, and serves it only with the token', async () => {
    const { service, ids } = await seededService();
    const events: DeskEvent[] = [];
    service.onEvent((e) => events.push(e));
    const d: ExportDownload = value(await service.call('exportFile', { selection: { ids }, format: 'bundle', formats: ['ninjs', 'md'], job: 'job-1' }));
    expect(d).toMatchObject({ format: 'bundle', articles: 2, fileName: '2-selected-articles.cdbundle' });
    const progress = events.filter((e) => e.type === 'export-progress');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.every((e) => e.type === 'export-progress' && e.job === 'job-1')).toBe(true);
    expect(progress.at(-1)).toMatchObject({ phase: 'done', done: 2, total: 2 });

    const file = service.download(d.id)!;
    const bytes = await readFile(file.path);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(d.sha256);
    expect(bytes.length).toBe(d.size);

    const server = await startHttpServer({ service, staticDir: null });
    try {
      const url = `http://127.0.0.1:${server.port}/api/downloads/${d.id}`;
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(`${url}?token=wrong${server.token}`)).status).toBe(401);
      const res = await fetch(`${url}?token=${server.token}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="2-selected-articles.cdbundle"; filename*=UTF-8''2-selected-articles.cdbundle`);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
      expect((await fetch(`http://127.0.0.1:${server.port}/api/downloads/${'0'.repeat(24)}?token=${server.token}`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${server.port}/api/downloads/..%2f..%2fetc%2fpasswd?token=${server.token}`)).status).toBe(404);
      // A token in the query is honoured only on GET, the one method a download link uses.
      expect((await fetch(`${url}?token=${server.token}`, { method: 'POST' })).status).toBe(401);
      expect((await fetch(url, { method: 'POST', headers: { Authorization: `Bearer ${server.token}` } })).status).toBe(405);
    } finally {
      await server.close();
    }
    await service.dispose();
    expect(service.download(d.id)).toBeNull();
  });

  it('restores an uploaded bundle into another desk in one change, and refuses a tampered upload leaving the desk untouched', async () => {
    const { service, ids } = await seededService();
    value(await service.call('setStatus', { ids: [ids[0]!], status: 'approved', note: 'ok' }));
    const bundle = value(await service.call('createBundle', { name: 'Travelling', description: 'to the other desk', ids }));
    const d = value(await service.call('exportFile', { selection: { bundle: bundle.id }, format: 'bundle', formats: ['md'] }));
    const bytes = await readFile(service.download(d.id)!.path);

    const other = await desks.open(await desks.tmp.make());
    const target = new DeskService(other);
    const events: DeskEvent[] = [];
    target.onEvent((e) => events.push(e));
    const tampered = Buffer.from(bytes);
    tampered[200]! ^= 0xff;
    const before = await snapshot(other.dir);
    const refused = value(await target.call('importUploads', { files: [{ name: 'travelling.cdbundle', base64: tampered.toString('base64') }] }));
    expect(refused).toMatchObject({ imported: 0, failed: 1 });
    expect(refused.files[0]!.error).toMatch(/^cannot import travelling\.cdbundle: bundle refused: /);
    expect(await snapshot(other.dir)).toEqual(before);
    expect(events).toEqual([]);

    const landed = value(await target.call('importUploads', { files: [{ name: 'travelling.cdbundle', base64: bytes.toString('base64') }] }));
    expect(landed).toMatchObject({ imported: 2, updated: 0, unchanged: 0, failed: 0 });
    expect(other.list().map((a) => a.id)).toEqual(ids);
    expect(other.summary(ids[0]!)).toMatchObject({ status: 'approved' });
    expect(value(await target.call('listBundles', {}))).toEqual([expect.objectContaining({ id: bundle.id, name: 'Travelling', description: 'to the other desk', articleIds: ids })]);
    expect(events.map((e) => e.type).sort()).toEqual(['articles-changed', 'bundles-changed']);

    const again = value(await target.call('importUploads', { files: [{ name: 'travelling.cdbundle', base64: bytes.toString('base64') }] }));
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 2, failed: 0 });
  });

  it('renames an imported bundle whose name a different bundle here already has, as an undoable revision', async () => {
    const { service, ids } = await seededService();
    const bundle = value(await service.call('createBundle', { name: 'Desk pick', ids: [ids[0]!] }));
    const d = value(await service.call('exportFile', { selection: { bundle: bundle.id }, format: 'bundle', formats: ['ninjs'] }));
    const bytes = await readFile(service.download(d.id)!.path);

    const other = await desks.open(await desks.tmp.make());
    const target = new DeskService(other);
    value(await target.call('createBundle', { name: 'desk PICK' }));
    const r = value(await target.call('importUploads', { files: [{ name: 'pick.cdbundle', base64: bytes.toString('base64') }] }));
    expect(r.files[0]!.warnings).toEqual([expect.stringMatching(/already called "Desk pick"; the imported one is called "Desk pick \(imported\)"/)]);
    const imported = value(await target.call('getBundle', { id: bundle.id }));
    expect(imported.name).toBe('Desk pick (imported)');
    expect(imported.revisions.at(-1)).toMatchObject({ field: 'name', before: 'Desk pick', after: 'Desk pick (imported)' });
    // Undoing the rename would clash again, and says so rather than making two bundles of one name.
    expect(await target.call('undoBundle', { id: bundle.id })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/would name this bundle "Desk pick"/) } });
  });
});
