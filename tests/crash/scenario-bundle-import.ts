import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { importFiles } from '../../electron/core/import/import-files.js';
import { Desk } from '../../electron/core/store/desk-store.js';
import { docsDir } from '../../electron/core/store/layout.js';
import { removeTempDir } from '../support/temp-dir.js';
import { follow, runAndKill } from './kill.js';
import { completeJson } from './scenario-import.js';
import type { Ctx, Landing, Scenario } from './types.js';
import { CrashCheckError, type OpenedDesk, canon, check, checkDesk } from './verify-store.js';

/**
 * SIGKILL during `copydesk import desk.cdbundle` (the export scenario's archive: a few thousand articles with their
 * histories, and a bundle) into a desk: even runs a fresh desk (everything inserted), odd runs a desk already
 * holding half of those articles as imported from the seeds (the edited ones updated, the rest inserted). The
 * import is one commit, so after the kill the desk is exactly as it was before (none of the archive's articles, no
 * bundle) or exactly as an uninterrupted import leaves it (all of them and the bundle): compared record by record
 * and bundle by bundle with both.
 */
type Kind = 'fresh' | 'partial';

interface Snapshot {
  articles: Map<string, string>;
  bundles: Map<string, string>;
}

const snapshot = (d: OpenedDesk): Snapshot => ({
  articles: new Map(d.records.map((r) => [r.id, canon(r)])),
  bundles: new Map(d.bundles.map((b) => [b.id, canon(b)])),
});

function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  const same = (x: Map<string, string>, y: Map<string, string>): boolean => x.size === y.size && [...x].every(([k, v]) => y.get(k) === v);
  return same(a.articles, b.articles) && same(a.bundles, b.bundles);
}

export function bundleImportScenario(ctx: Ctx): Scenario {
  const template = join(ctx.work, 'bundle-import-partial');
  const pre = new Map<Kind, Snapshot>();
  const post = new Map<Kind, Snapshot>();
  const timing = { fresh: { total: 0, tail: 0 }, partial: { total: 0, tail: 0 } };
  let archive = '';

  async function target(kind: Kind, dir: string): Promise<void> {
    if (kind === 'partial') await cp(template, dir, { recursive: true });
    await mkdir(docsDir(dir), { recursive: true });
  }
  const args = (dir: string): string[] => ['import', archive, '--db', dir, '--json'];

  /** How far a desk that is neither before nor after got: the archive's articles and bundle it holds as imported. */
  function describeMix(got: Snapshot, kind: Kind): string {
    const want = post.get(kind)!;
    const was = pre.get(kind)!;
    const changed = [...want.articles].filter(([id, v]) => was.articles.get(id) !== v);
    const present = changed.filter(([id, v]) => got.articles.get(id) === v).length;
    const bundle = [...want.bundles].filter(([id, v]) => was.bundles.get(id) !== v && got.bundles.get(id) === v).length;
    return `${present} of the ${changed.length} articles the import changes are there, and ${bundle} of its bundles: a partial import`;
  }

  return {
    name: 'bundle-import',
    describe: () =>
      `${ctx.shared.archiveArticles} articles and a bundle in one commit; calibration ${Math.round(timing.fresh.total)} ms into a fresh desk, ${Math.round(timing.partial.total)} ms into one holding half of them`,

    async prepare() {
      check(ctx.shared.archive && ctx.shared.corpusFolders, 'the import and export scenarios make the corpus and the archive');
      archive = ctx.shared.archive;
      const half = ctx.shared.corpusFolders.slice(0, Math.ceil(ctx.shared.corpusFolders.length / 2));
      const desk = await Desk.open(template);
      try {
        const report = await importFiles(desk, half);
        check(report.failed === 0, 'the partial template did not import');
      } finally {
        await desk.close();
      }
      for (const kind of ['fresh', 'partial'] as const) {
        const dir = join(ctx.work, `bundle-import-calibration-${kind}`);
        await target(kind, dir);
        pre.set(kind, kind === 'fresh' ? { articles: new Map(), bundles: new Map() } : snapshot(await checkDesk(dir)));
        const run = await runAndKill(args(dir), ctx.env, { anywhereMs: 1e9, aimAfterWriteMs: null, watchDir: docsDir(dir) });
        if (run.exit.code !== 0) throw new Error(`the calibration bundle import failed: ${run.exit.stderr}`);
        const after = snapshot(await checkDesk(dir));
        check(after.bundles.size === 1 && [...after.articles.keys()].length >= (ctx.shared.archiveArticles ?? 0), 'the calibration bundle import did not bring the archive');
        post.set(kind, after);
        timing[kind] = { total: run.ms, tail: Math.max(50, run.ms - (run.firstWriteMs ?? run.ms * 0.8)) };
        await removeTempDir(dir);
      }
    },

    async run(k) {
      const kind: Kind = k % 2 === 0 ? 'fresh' : 'partial';
      const aimed = k % 4 !== 0;
      const dir = join(ctx.work, `bundle-import-${k}`);
      await target(kind, dir);
      const t = timing[kind];
      const delay = aimed ? ctx.rng.next() * 0.9 * t.tail : ctx.rng.next() * t.total;
      const run = await runAndKill(args(dir), ctx.env, { anywhereMs: delay, aimAfterWriteMs: aimed ? delay : null, watchDir: docsDir(dir) });
      if (!run.killed && run.firstWriteMs !== null) timing[kind] = { total: follow(t.total, run.ms), tail: follow(t.tail, Math.max(20, run.ms - run.firstWriteMs), 0.5) };
      const how = `${kind} desk, ${aimed ? `kill ${delay.toFixed(0)} ms after the first write` : `kill at ${delay.toFixed(0)} ms`}, exit ${run.exit.code ?? run.exit.signal} after ${run.ms.toFixed(0)} ms`;
      try {
        const report = completeJson(run.exit.stdout) as { failed: number } | null;
        if (!run.killed) check(run.exit.code === 0 && report?.failed === 0, `the bundle import failed: ${run.exit.stderr.slice(0, 500)}`);
        const opened = await checkDesk(dir);
        const got = snapshot(opened);
        const none = sameSnapshot(got, pre.get(kind)!);
        const all = sameSnapshot(got, post.get(kind)!);
        check(none || all, describeMix(got, kind));
        const acknowledged = report !== null ? 1 : 0;
        const lost = acknowledged && !all ? 1 : 0;
        const tmp = opened.seen.garbage.filter((n) => n.endsWith('.tmp')).length;
        const landing: Landing = !run.killed ? 'completed' : all ? 'landed' : opened.seen.garbage.length > 0 ? 'mid-write' : 'before';
        await removeTempDir(dir);
        return {
          killed: run.killed,
          landing,
          acknowledged,
          lost,
          inFlightLanded: 0,
          tmpLeftovers: tmp,
          detail: `${how}; ${all ? 'all' : 'none'} of the archive's ${post.get(kind)!.articles.size - pre.get(kind)!.articles.size} new articles and its bundle, ${opened.records.length} articles checked`,
        };
      } catch (err) {
        if (err instanceof CrashCheckError) err.message = `${how}: ${err.message}`;
        throw err;
      }
    },
  };
}
