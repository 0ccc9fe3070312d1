import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readBundleArchive } from '../../electron/core/import/bundle-archive-reader.js';
import { DeskService } from '../../electron/core/service.js';
import { Desk } from '../../electron/core/store/desk-store.js';
import { rootPath } from '../../electron/core/store/layout.js';
import { follow, runAndKill } from './kill.js';
import { completeJson } from './scenario-import.js';
import type { Ctx, Landing, Scenario } from './types.js';
import { CrashCheckError, check, checkDesk } from './verify-store.js';

/**
 * SIGKILL during `copydesk export --format bundle --out PATH` of a whole desk (a few thousand articles, some
 * with corrections, tags, statuses, claims, and a bundle). Before each run PATH is either absent or the previous
 * complete archive. After the kill PATH is absent (only if it was before) or a complete archive: byte for byte the
 * one an uninterrupted export makes (exports are deterministic), and, when this run wrote it, verified in full by
 * readBundleArchive. Never a partial one. Leftover *.tmp beside it are allowed, counted and removed. The desk
 * itself is never changed by an export.
 */
export function exportScenario(ctx: Ctx): Scenario {
  const desk = join(ctx.work, 'export-desk');
  const outDir = join(ctx.work, 'export-out');
  const out = join(outDir, 'desk.cdbundle');
  let expected = { sha256: '', articles: 0, size: 0 };
  let deskRoot = '';
  let deskArticles = 0;
  let total = 0;
  let writeTail = 0;
  const args = (): string[] => ['export', '--format', 'bundle', '--out', out, '--db', desk, '--json'];
  const sha = async (path: string): Promise<string> => createHash('sha256').update(await readFile(path)).digest('hex');

  return {
    name: 'export',
    describe: () => `${expected.articles} articles, a ${(expected.size / 1e6).toFixed(1)} MB archive; calibration ${Math.round(total)} ms, archive written in the last ${Math.round(writeTail)} ms`,

    async prepare() {
      check(ctx.shared.fullDesk, 'the import scenario makes the desk to export');
      await cp(ctx.shared.fullDesk, desk, { recursive: true });
      await addEditorialState(desk);
      deskRoot = await readFile(rootPath(desk), 'utf8');
      deskArticles = (await checkDesk(desk)).records.length;
      await mkdir(outDir, { recursive: true });
      const run = await runAndKill(args(), ctx.env, { anywhereMs: 1e9, aimAfterWriteMs: null, watchDir: outDir });
      if (run.exit.code !== 0) throw new Error(`the calibration export failed: ${run.exit.stderr}`);
      const outcome = JSON.parse(run.exit.stdout) as { articles: number; sha256: string; size: number };
      const verified = await readBundleArchive(out);
      check(verified.histories.size === outcome.articles && outcome.sha256 === (await sha(out)), 'the calibration archive does not match its report');
      expected = { sha256: outcome.sha256, articles: outcome.articles, size: outcome.size };
      total = run.ms;
      writeTail = Math.max(50, run.ms - (run.firstWriteMs ?? run.ms * 0.8));
      ctx.shared.archive = join(ctx.work, 'export.cdbundle');
      ctx.shared.archiveArticles = outcome.articles;
      await cp(out, ctx.shared.archive);
    },

    async run(k) {
      const aimed = k % 4 !== 0;
      if (ctx.rng.next() < 0.5) await rm(out, { force: true });
      const before = await stat(out).catch(() => null);
      const delay = aimed ? ctx.rng.next() * writeTail : ctx.rng.next() * total;
      const run = await runAndKill(args(), ctx.env, { anywhereMs: delay, aimAfterWriteMs: aimed ? delay : null, watchDir: outDir });
      if (!run.killed && run.firstWriteMs !== null) {
        total = follow(total, run.ms);
        writeTail = follow(writeTail, Math.max(20, run.ms - run.firstWriteMs), 0.5);
      }
      const how = `${before ? 'previous archive present' : 'no previous archive'}, ${aimed ? `kill ${delay.toFixed(0)} ms after the archive's temp file appeared` : `kill at ${delay.toFixed(0)} ms`}, exit ${run.exit.code ?? run.exit.signal} after ${run.ms.toFixed(0)} ms`;
      try {
        const outcome = completeJson(run.exit.stdout) as { sha256: string } | null;
        if (!run.killed) check(run.exit.code === 0 && outcome !== null, `the export failed: ${run.exit.stderr.slice(0, 500)}`);
        const tmp = (await readdir(outDir)).filter((n) => n.endsWith('.tmp'));
        for (const n of tmp) await rm(join(outDir, n));
        check((await readdir(outDir)).every((n) => n === 'desk.cdbundle'), `unexpected files beside the archive: ${(await readdir(outDir)).join(', ')}`);

        const after = await stat(out).catch(() => null);
        let wrote = false;
        if (!after) check(!before, 'the previous complete archive is gone');
        else {
          check(after.size === expected.size && (await sha(out)) === expected.sha256, `${out} is ${after.size} bytes and not the complete archive (${expected.size} bytes): a partial export`);
          wrote = !before || before.ino !== after.ino || before.mtimeMs !== after.mtimeMs;
          if (wrote) {
            const verified = await readBundleArchive(out);
            check(verified.histories.size === expected.articles, `the archive holds ${verified.histories.size} articles, not ${expected.articles}`);
          }
        }
        const acknowledged = outcome !== null ? 1 : 0;
        const lost = acknowledged && !(wrote && outcome!.sha256 === expected.sha256) ? 1 : 0;

        // The desk is read, never written: its root is the same bytes, and it opens and validates.
        check((await readFile(rootPath(desk), 'utf8')) === deskRoot, 'the export changed desk.json');
        const opened = await checkDesk(desk);
        check(opened.records.length === deskArticles, `the desk holds ${opened.records.length} articles after the export, not ${deskArticles}`);
        const landing: Landing = !run.killed ? 'completed' : wrote ? 'landed' : tmp.length > 0 ? 'mid-write' : 'before';
        return {
          killed: run.killed,
          landing,
          acknowledged,
          lost,
          inFlightLanded: 0,
          tmpLeftovers: tmp.length,
          detail: `${how}; ${wrote ? 'a complete archive landed' : after ? 'the previous archive stands' : 'no archive'}${tmp.length ? `, ${tmp.length} *.tmp left` : ''}`,
        };
      } catch (err) {
        if (err instanceof CrashCheckError) err.message = `${how}: ${err.message}`;
        throw err;
      }
    },
  };
}

/** Corrections, tags, statuses, claims and a bundle on some articles, so the archive carries real histories. */
async function addEditorialState(dir: string): Promise<void> {
  const desk = await Desk.open(dir);
  try {
    const service = new DeskService(desk);
    const call = async (method: string, input: unknown): Promise<unknown> => {
      const r = await service.call(method as never, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value;
    };
    // A rated claim exports as ClaimReview, which names the organisation as its author.
    await call('updateSettings', { organizationName: 'The Crash Gazette' });
    const ids = desk.list().map((s) => s.id);
    // About 40 articles, whatever the desk's size: most checked and corrected, a few spiked (left out of the export).
    const step = Math.max(2, Math.floor(ids.length / 40));
    const picked = ids.filter((_, i) => i % step === 0);
    const checked = picked.slice(0, Math.ceil(picked.length * 0.8));
    await call('setStatus', { ids: checked, status: 'checked' });
    await call('setStatus', { ids: picked.slice(checked.length), status: 'spiked' });
    await call('addTags', { ids: picked, tags: ['crash', 'export'] });
    for (const id of checked.slice(0, 20)) {
      await call('correctField', { id, field: 'headline', text: `Corrected headline for ${id.slice(0, 8)}`, reason: 'crash harness' });
      const rec = (await desk.get(id))!;
      const words = rec.original.paragraphs[1]?.split(' ').slice(0, 5).join(' ');
      if (words) await call('upsertClaim', { id, text: words, verdict: 'mostly-true', note: 'checked by the crash harness' });
    }
    await call('createBundle', { name: 'Crash harness picks', description: 'Articles the harness edited', ids: picked });
    await service.dispose();
  } finally {
    await desk.close();
  }
}

