import { type ArticleHistoryRecord, ArticleHistoryRecordSchema, canonicalJson } from '../export/bundle-manifest.js';
import type { ArticleRecord, Revision, StoredClaim } from '../model.js';
import type { VerifiedBundle } from './bundle-archive-reader.js';

/** The desk as the planner sees it: a lookup, so the caller decides how records are fetched. */
export interface ExistingArticles {
  get(id: string): ArticleRecord | ArticleHistoryRecord | undefined;
}

export interface BundleImportPlan {
  /** Not on the desk: add as they are (the caller assigns `seq`). */
  insert: ArticleHistoryRecord[];
  /** The bundle holds everything the desk has and more: replace the desk's record (keeping its `seq`). */
  update: ArticleHistoryRecord[];
  /** Left alone: identical, or the desk already holds everything the bundle has. */
  unchanged: string[];
  /** Those of `unchanged` where the desk is ahead of the bundle (later edits or verdicts), for the report. */
  deskNewer: string[];
  /** Neither copy holds all the work; the article is left alone and the reason reported. */
  conflicts: { id: string; reason: string }[];
}

/**
 * Decides, per article, what importing a verified bundle would do, changing nothing. An article is only ever
 * replaced by a copy that holds all of its history: the same original text from the same seed, the desk's
 * revisions as an exact prefix of the bundle's, and each of the desk's claims present and not newer. So
 * importing a bundle twice changes nothing the second time, and no editor's work is ever overwritten.
 *
 * Revisions are compared by content, not by id: ids are per-article counters (`r1`, `r2`, …), so two desks
 * that edited the same article independently have different revisions under the same ids.
 */
export function planBundleImport(existing: ExistingArticles, verified: Pick<VerifiedBundle, 'histories'>): BundleImportPlan {
  const plan: BundleImportPlan = { insert: [], update: [], unchanged: [], deskNewer: [], conflicts: [] };
  for (const [id, incoming] of verified.histories) {
    const found = existing.get(id);
    if (!found) {
      plan.insert.push(incoming);
      continue;
    }
    const decision = decide(normalise(found), incoming);
    if (decision.kind === 'update') plan.update.push(incoming);
    else if (decision.kind === 'conflict') plan.conflicts.push({ id, reason: decision.reason });
    else {
      plan.unchanged.push(id);
      if (decision.deskNewer) plan.deskNewer.push(id);
    }
  }
  return plan;
}

type Decision = { kind: 'update' } | { kind: 'unchanged'; deskNewer: boolean } | { kind: 'conflict'; reason: string };

/** Which copy is ahead on one part of the record. */
type Lead = { side: 'same' | 'bundle' | 'desk' } | { side: 'diverged'; reason: string };

/** A desk record written before a field existed gets the schema's default, so it compares like a new one. */
function normalise(record: ArticleRecord | ArticleHistoryRecord): ArticleHistoryRecord {
  const { seq: _seq, ...rest } = record as ArticleRecord;
  return ArticleHistoryRecordSchema.parse(rest);
}

function decide(desk: ArticleHistoryRecord, bundle: ArticleHistoryRecord): Decision {
  if (canonicalJson(desk) === canonicalJson(bundle)) return { kind: 'unchanged', deskNewer: false };
  if (!same(desk.original, bundle.original) || desk.source.file !== bundle.source.file || desk.source.sha256 !== bundle.source.sha256) {
    return {
      kind: 'conflict',
      reason: 'the article was imported from different source text on this desk and in the bundle (its seed file changed on one of them)',
    };
  }
  const leads: [string, Lead][] = [
    ['edits', revisionsLead(desk.revisions, bundle.revisions)],
    ['fact-checks', claimsLead(desk.claims, bundle.claims)],
    ['other changes', restLead(desk, bundle)],
  ];
  const diverged = leads.find(([, l]) => l.side === 'diverged');
  if (diverged) return { kind: 'conflict', reason: (diverged[1] as { reason: string }).reason };
  const bundleAhead = leads.filter(([, l]) => l.side === 'bundle').map(([what]) => what);
  const deskAhead = leads.filter(([, l]) => l.side === 'desk').map(([what]) => what);
  if (bundleAhead.length > 0 && deskAhead.length > 0) {
    return { kind: 'conflict', reason: `the bundle has later ${bundleAhead.join(' and ')} but this desk has later ${deskAhead.join(' and ')}` };
  }
  if (bundleAhead.length > 0) return { kind: 'update' };
  return { kind: 'unchanged', deskNewer: deskAhead.length > 0 };
}

function revisionsLead(desk: readonly Revision[], bundle: readonly Revision[]): Lead {
  const shared = Math.min(desk.length, bundle.length);
  for (let i = 0; i < shared; i++) {
    if (!same(desk[i], bundle[i])) {
      return { side: 'diverged', reason: `this desk and the bundle each have edits the other lacks, from revision ${i + 1} (${desk[i]!.field}) on` };
    }
  }
  if (desk.length === bundle.length) return { side: 'same' };
  return { side: bundle.length > desk.length ? 'bundle' : 'desk' };
}

/** Claims change in place (a new verdict replaces the old), so each is judged by its own time. */
function claimsLead(desk: readonly StoredClaim[], bundle: readonly StoredClaim[]): Lead {
  const sides = new Set<'bundle' | 'desk'>();
  const inBundle = new Map(bundle.map((c) => [c.id, c]));
  const inDesk = new Map(desk.map((c) => [c.id, c]));
  for (const [id, b] of inBundle) {
    const d = inDesk.get(id);
    if (!d) sides.add('bundle');
    else if (!same(d, b)) {
      const order = compareTimes(b.at, d.at);
      if (order === 0) return { side: 'diverged', reason: `claim ${JSON.stringify(d.text)} differs on this desk and in the bundle, both dated ${d.at}` };
      sides.add(order > 0 ? 'bundle' : 'desk');
    }
  }
  for (const id of inDesk.keys()) if (!inBundle.has(id)) sides.add('desk');
  if (sides.size === 2) return { side: 'diverged', reason: 'this desk and the bundle each have fact-checks the other lacks' };
  const [side] = sides;
  return { side: side ?? 'same' };
}

/**
 * Everything else (entity fixes, earlier originals, spans, warnings, and fields added later) has no history of
 * its own, so the record's modification time decides. Where the article was imported from on each machine
 * (path, import time) is provenance, not work, and never makes a copy "ahead".
 */
function restLead(desk: ArticleHistoryRecord, bundle: ArticleHistoryRecord): Lead {
  const rest = (r: ArticleHistoryRecord): unknown => {
    const { revisions: _r, claims: _c, importedAt: _i, modifiedAt: _m, source, ...others } = r;
    const { path: _p, ...where } = source;
    return { ...others, source: where };
  };
  if (same(rest(desk), rest(bundle))) return { side: 'same' };
  const order = compareTimes(bundle.modifiedAt, desk.modifiedAt);
  if (order === 0) return { side: 'diverged', reason: `the article differs on this desk and in the bundle, but both copies were last changed at ${desk.modifiedAt}` };
  return { side: order > 0 ? 'bundle' : 'desk' };
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);

function compareTimes(a: string, b: string): number {
  const [x, y] = [Date.parse(a), Date.parse(b)];
  if (Number.isNaN(x) || Number.isNaN(y)) return a < b ? -1 : a > b ? 1 : 0;
  return Math.sign(x - y);
}
