import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBundleArchive } from '../../../electron/core/export/bundle-archive.js';
import { type ArticleHistoryRecord, ArticleHistoryRecordSchema } from '../../../electron/core/export/bundle-manifest.js';
import { type VerifiedBundle, readBundleArchive } from '../../../electron/core/import/bundle-archive-reader.js';
import { type BundleImportPlan, planBundleImport } from '../../../electron/core/import/bundle-import-plan.js';
import type { ArticleRecord, StoredClaim } from '../../../electron/core/model.js';
import { edit } from '../../support/records.js';
import { bundleInput, deskRecords } from './fixtures.js';

let records: ArticleRecord[];
let cleanup: () => Promise<void>;
let verified: VerifiedBundle;
beforeAll(async () => {
  ({ records, cleanup } = await deskRecords());
  verified = await readBundleArchive(await writeBundleArchive(bundleInput(records)));
});
afterAll(() => cleanup?.());

/** The article in the bundle with edits and a verdict. */
const worked = (): ArticleHistoryRecord => [...verified.histories.values()].find((r) => r.revisions.length > 2 && r.claims.length > 0)!;

/** A desk holding `rs` (with seqs, as the store returns them). */
const deskOf = (rs: readonly (ArticleRecord | ArticleHistoryRecord)[]) => {
  const byId = new Map(rs.map((r, seq) => [r.id, { ...r, seq } as ArticleRecord]));
  return { get: (id: string) => byId.get(id), byId };
};

/** Plans the bundle against a desk holding only `desk` for the worked article (and nothing else). */
function planOne(desk: ArticleHistoryRecord, bundle: ArticleHistoryRecord = worked()): BundleImportPlan {
  return planBundleImport(deskOf([desk]), { histories: new Map([[bundle.id, bundle]]) });
}

const claimAt = (c: StoredClaim, at: string, verdict = c.verdict): StoredClaim => ({ ...c, at, verdict });

describe('planning a bundle import', () => {
  it('inserts every article into an empty desk, in the bundle order, and the second import changes nothing', () => {
    const first = planBundleImport(deskOf([]), verified);
    expect(first.insert.map((r) => r.id)).toEqual(records.map((r) => r.id));
    expect(first.insert).toEqual(records.map((r) => ArticleHistoryRecordSchema.parse(r)));
    expect([first.update, first.unchanged, first.conflicts]).toEqual([[], [], []]);

    const desk = deskOf(first.insert);
    const second = planBundleImport(desk, verified);
    expect(second).toEqual({ insert: [], update: [], unchanged: records.map((r) => r.id), deskNewer: [], conflicts: [] });
  });

  it('updates an article whose bundle copy extends the desk copy, and then leaves it alone', () => {
    const bundle = worked();
    const behind = { ...bundle, revisions: bundle.revisions.slice(0, 1), claims: [], modifiedAt: '2026-03-01T09:00:00.000Z' };
    const plan = planOne(behind);
    expect(plan.update).toEqual([bundle]);
    expect(planOne(plan.update[0]!).unchanged).toEqual([bundle.id]);
  });

  it('leaves alone, and notes, an article the desk has moved past', () => {
    const bundle = worked();
    const ahead = { ...bundle, revisions: [...bundle.revisions, edit(`r${bundle.revisions.length + 1}`, 'notes', null, 'call the embassy')], modifiedAt: '2026-04-01T00:00:00.000Z' };
    expect(planOne(ahead)).toEqual({ insert: [], update: [], unchanged: [bundle.id], deskNewer: [bundle.id], conflicts: [] });
    const laterVerdict = { ...bundle, claims: bundle.claims.map((c) => claimAt(c, '2026-05-01T00:00:00.000Z', 'misleading')) };
    expect(planOne(laterVerdict).deskNewer).toEqual([bundle.id]);
  });

  it('compares revisions by content, since ids are per-article counters two desks both use', () => {
    const bundle = worked();
    const n = bundle.revisions.length;
    const otherEdit = edit(`r${n}`, 'headline', 'x', 'A different desk, a different headline');
    const diverged = { ...bundle, revisions: [...bundle.revisions.slice(0, n - 1), otherEdit] };
    const plan = planOne(diverged);
    expect(plan.conflicts).toEqual([{ id: bundle.id, reason: expect.stringMatching(new RegExp(`each have edits the other lacks, from revision ${n} \\(headline\\) on`, 'u')) as unknown as string }]);
    expect([plan.update, plan.unchanged]).toEqual([[], []]);
  });

  it('refuses to overwrite a newer verdict on the desk with newer edits from the bundle', () => {
    const bundle = worked();
    const desk = { ...bundle, revisions: bundle.revisions.slice(0, 1), claims: bundle.claims.map((c) => claimAt(c, '2026-06-01T00:00:00.000Z', 'false')) };
    expect(planOne(desk).conflicts).toEqual([{ id: bundle.id, reason: 'the bundle has later edits but this desk has later fact-checks' }]);
  });

  it('calls a claim changed on both sides at the same moment a conflict', () => {
    const bundle = worked();
    const desk = { ...bundle, claims: bundle.claims.map((c) => ({ ...c, verdict: 'false' })) };
    expect(planOne(desk).conflicts[0]!.reason).toMatch(/^claim ".+" differs on this desk and in the bundle, both dated /u);
  });

  it('calls an article imported from different source text a conflict', () => {
    const bundle = worked();
    const reimported = { ...bundle, original: { ...bundle.original, paragraphs: ['The seed file changed.', ...bundle.original.paragraphs.slice(1)] }, source: { ...bundle.source, sha256: 'f'.repeat(64) } };
    expect(planOne(reimported).conflicts).toEqual([{ id: bundle.id, reason: expect.stringContaining('imported from different source text') as unknown as string }]);
  });

  it('lets the later modification decide fields without a history of their own', () => {
    const bundle = worked();
    const warned = { ...bundle, warnings: [{ code: 'x', message: 'a warning only the desk has' }] };
    expect(planOne({ ...warned, modifiedAt: '2020-01-01T00:00:00.000Z' }).update).toEqual([bundle]);
    expect(planOne({ ...warned, modifiedAt: '2030-01-01T00:00:00.000Z' }).deskNewer).toEqual([bundle.id]);
    expect(planOne({ ...warned, modifiedAt: bundle.modifiedAt }).conflicts[0]!.reason).toMatch(/both copies were last changed at/u);
  });

  it('ignores where and when each desk imported the article', () => {
    const bundle = worked();
    const elsewhere = { ...bundle, source: { ...bundle.source, path: '/Users/other/seeds/x.txt' }, importedAt: '2025-01-01T00:00:00.000Z' };
    expect(planOne(elsewhere)).toEqual({ insert: [], update: [], unchanged: [bundle.id], deskNewer: [], conflicts: [] });
  });

  it('treats a desk record from before claims existed like one with none', () => {
    const bundle = { ...worked(), claims: [] };
    const { claims: _claims, ...old } = bundle;
    expect(planOne(old as ArticleHistoryRecord, bundle).unchanged).toEqual([bundle.id]);
  });

  it('plans each article on its own: one conflict leaves the others to import', () => {
    const bundle = worked();
    const others = records.filter((r) => r.id !== bundle.id);
    const desk = deskOf([{ ...bundle, revisions: [edit('r1', 'notes', null, 'mine')] }, ...others.slice(0, 2)]);
    const plan = planBundleImport(desk, verified);
    expect(plan.conflicts.map((c) => c.id)).toEqual([bundle.id]);
    expect(plan.unchanged).toEqual(others.slice(0, 2).map((r) => r.id));
    expect(plan.insert.map((r) => r.id)).toEqual(others.slice(2).map((r) => r.id));
  });
});
