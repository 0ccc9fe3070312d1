import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { articleId, normalizeHeadline } from '../../electron/core/import/article-id.js';
import type { ArticleRecord } from '../../electron/core/model.js';
import { type SeedParse, parseSeedText } from '../../electron/core/parse/seed-text.js';
import { docsDir } from '../../electron/core/store/layout.js';
import { editOneParagraph } from '../support/seed-corpus.js';
import { removeTempDir } from '../support/temp-dir.js';
import { type BatchedCorpus, writeBatchedCorpus } from './corpus.js';
import { follow, runAndKill } from './kill.js';
import type { Ctx, Landing, RunOutcome, Scenario } from './types.js';
import { CrashCheckError, check, checkFilesBeforeOpen, openAndCheck } from './verify-store.js';

/**
 * SIGKILL during `copydesk import <folder>` of a corpus that takes one commit per folder. Even runs import into a
 * fresh desk; odd runs reuse one desk, with a few seed files edited before each, so kills also land in re-imports
 * that update articles. One kill in four lands anywhere in the run (start-up included), the others a random time
 * after the child's first store write, so kills inside commits are common.
 *
 * After each kill: every file the desk holds is there wholly, at one of its versions, exactly as the parser makes
 * it; the files this run had to bring in landed a whole folder (one commit) at a time, in order; a run that
 * finished, or printed its report, brought every one of them.
 */
const EDITS_PER_REUSE_RUN = 3;

export function importScenario(ctx: Ctx): Scenario {
  let corpus: BatchedCorpus;
  /** Every version of every seed file, oldest first. */
  const history = new Map<string, string[]>();
  const folderOf = new Map<string, number>();
  const parses = new Map<string, SeedParse>();
  const parse = (text: string): SeedParse => {
    let p = parses.get(text);
    if (!p) parses.set(text, (p = parseSeedText(text)));
    return p;
  };
  const corpusDir = join(ctx.work, 'import-corpus');
  const reuseDir = join(ctx.work, 'import-reused');
  let reusedState = new Map<string, number>();
  // Timings from the calibration run, kept current from runs that complete (the machine's load drifts).
  let estimate = 0;
  let firstWriteAt = 0;
  const tail = { fresh: 0, reused: 0 };
  const latest = (path: string): number => history.get(path)!.length - 1;

  async function versionsOf(records: readonly ArticleRecord[]): Promise<Map<string, number>> {
    const byPath = new Map<string, ArticleRecord[]>();
    for (const rec of records) {
      check(history.has(rec.source.path), `${rec.id} comes from ${rec.source.path}, which is not in the corpus`);
      byPath.set(rec.source.path, [...(byPath.get(rec.source.path) ?? []), rec]);
    }
    const versions = new Map<string, number>();
    for (const [path, texts] of history) {
      const recs = (byPath.get(path) ?? []).sort((a, b) => a.source.index - b.source.index);
      if (recs.length === 0) {
        versions.set(path, -1);
        continue;
      }
      const v = texts.findLastIndex((t) => matchesWhole(recs, parse(t), basename(path)));
      check(v >= 0, `${path}: the desk holds ${recs.length} articles that match no version of the file as a whole (a partial file)`);
      versions.set(path, v);
      for (const r of recs) {
        // An import never makes editorial changes.
        check(r.revisions.length === 0 && r.claims.length === 0, `${r.id}: an import made editorial changes`);
        // A replaced original is one of the file's earlier versions, never a torn mixture.
        for (const prior of r.priorOriginals) {
          check(texts.slice(0, v).some((t) => isDeepStrictEqual(parse(t).articles[prior.source.index]?.content, prior.content)), `${r.id}: a prior original matches no earlier version`);
        }
      }
    }
    return versions;
  }

  return {
    name: 'import',
    describe: () => `${corpus.files.length} files in ${corpus.folders.length} folders (one commit each), ${corpus.articleCount} articles; calibration ${Math.round(estimate)} ms, first write at ${Math.round(firstWriteAt)} ms`,

    async prepare() {
      corpus = await writeBatchedCorpus(corpusDir, { folders: ctx.scale.importFolders, filesPerFolder: ctx.scale.importFilesPerFolder, seed: 0xc0ffee });
      for (const f of corpus.files) {
        history.set(f.path, [f.text]);
        folderOf.set(f.path, f.folder);
        // The generator and the parser agree on the corpus, so "whole file" below means what it says.
        const got = parse(f.text).articles.map((a) => a.content.headline);
        if (!isDeepStrictEqual(got, f.articles.map((a) => a.headline))) throw new Error(`${f.path}: the parser reads other headlines than the generator wrote`);
      }
      const cal = join(ctx.work, 'import-calibration');
      await mkdir(docsDir(cal), { recursive: true });
      const run = await runAndKill(['import', corpusDir, '--db', cal, '--json'], ctx.env, { anywhereMs: 1e9, aimAfterWriteMs: null, watchDir: docsDir(cal) });
      if (run.exit.code !== 0) throw new Error(`the calibration import failed: ${run.exit.stderr}`);
      const report = JSON.parse(run.exit.stdout) as { imported: number; failed: number };
      if (report.imported !== corpus.articleCount || report.failed !== 0) throw new Error(`the calibration import reported ${run.exit.stdout.slice(0, 300)}`);
      const seen = await checkFilesBeforeOpen(cal);
      const versions = await versionsOf((await openAndCheck(cal, seen)).records);
      if ([...versions.values()].some((v) => v !== 0)) throw new Error('the calibration import did not bring every file');
      estimate = run.ms;
      firstWriteAt = run.firstWriteMs ?? run.ms * 0.5;
      tail.fresh = Math.max(50, run.ms - firstWriteAt);
      tail.reused = tail.fresh / 2;
      ctx.shared.corpusDir = corpusDir;
      ctx.shared.corpusFolders = corpus.folders.map((f) => join(corpusDir, f));
      ctx.shared.fullDesk = cal;
    },

    async run(k) {
      const reuse = k % 2 === 1;
      // One run in four is killed anywhere (start-up mostly: it is most of a CLI run); the rest inside the writing.
      const aimed = k % 4 !== 0;
      if (reuse && k > 1) {
        for (let i = 0; i < EDITS_PER_REUSE_RUN; i++) {
          const at = ctx.rng.int(0, corpus.files.length - 1);
          const edited = { ...editOneParagraph(corpus.files[at]!, ctx.rng), folder: corpus.files[at]!.folder };
          corpus.files[at] = edited;
          history.get(edited.path)!.push(edited.text);
          await writeFile(edited.path, edited.text, 'utf8');
        }
      }
      const dir = reuse ? reuseDir : join(ctx.work, `import-fresh-${k}`);
      await mkdir(docsDir(dir), { recursive: true });
      const kind = reuse ? 'reused' : 'fresh';
      const before = reuse ? reusedState : new Map<string, number>();
      const pending = corpus.files.filter((f) => (before.get(f.path) ?? -1) !== latest(f.path));
      const delay = aimed ? ctx.rng.next() * 1.2 * tail[kind] : ctx.rng.next() * estimate * 1.1;

      const run = await runAndKill(['import', corpusDir, '--db', dir, '--json'], ctx.env, { anywhereMs: delay, aimAfterWriteMs: aimed ? delay : null, watchDir: docsDir(dir) });
      if (run.firstWriteMs !== null) estimate = follow(estimate, run.firstWriteMs + tail.fresh);
      if (run.firstWriteMs !== null && !run.killed) tail[kind] = follow(tail[kind], Math.max(10, run.ms - run.firstWriteMs), 0.5);
      const how = `${kind} desk, ${aimed ? `kill ${delay.toFixed(0)} ms after the first write` : `kill at ${delay.toFixed(0)} ms`}, exit ${run.exit.code ?? run.exit.signal} after ${run.ms.toFixed(0)} ms`;

      try {
        // Acknowledged: the import printed its report (it finished, or was killed while exiting).
        const report = completeJson(run.exit.stdout) as { imported: number; updated: number; unchanged: number; failed: number } | null;
        if (!run.killed) check(run.exit.code === 0 && report !== null, `the import failed: ${run.exit.stderr.slice(0, 500)}`);
        if (report) {
          check(report.failed === 0 && report.imported + report.updated + report.unchanged === corpus.articleCount, `the import reported ${JSON.stringify(report).slice(0, 200)}`);
        }
        const seen = await checkFilesBeforeOpen(dir);
        const opened = await openAndCheck(dir, seen);
        const versions = await versionsOf(opened.records);

        // Every file this run did not have to bring is as it was; the ones it had to land whole folders at a time, in order.
        for (const f of corpus.files) {
          const was = before.get(f.path) ?? -1;
          const now = versions.get(f.path)!;
          if (!pending.includes(f)) check(now === was, `${f.path} changed from version ${was} to ${now}, though this run had nothing to bring from it`);
          else check(now === was || now === latest(f.path), `${f.path} is at version ${now}, neither its version before the run (${was}) nor its latest (${latest(f.path)})`);
        }
        const folders = [...new Set(pending.map((f) => f.folder))].sort((a, b) => a - b);
        let landedFolders = 0;
        let stopped = false;
        for (const folder of folders) {
          const files = pending.filter((f) => f.folder === folder);
          const landed = files.filter((f) => versions.get(f.path) === latest(f.path)).length;
          check(landed === 0 || landed === files.length, `folder ${corpus.folders[folder]} (one commit) landed ${landed} of its ${files.length} files: a partial batch`);
          if (landed === 0) stopped = true;
          else {
            check(!stopped, `folder ${corpus.folders[folder]} landed although an earlier folder did not: batches out of order`);
            landedFolders++;
          }
        }
        const whole = landedFolders === folders.length;
        const acknowledged = report !== null ? 1 : 0;
        const lost = acknowledged && !whole ? 1 : 0;
        if (reuse) reusedState = versions;
        else await removeTempDir(dir);
        const tmp = seen.garbage.filter((n) => n.endsWith('.tmp')).length;
        const landing: Landing = !run.killed ? 'completed' : landedFolders > 0 ? 'landed' : seen.garbage.length > 0 ? 'mid-write' : 'before';
        return {
          killed: run.killed,
          landing,
          acknowledged,
          lost,
          inFlightLanded: 0,
          tmpLeftovers: tmp,
          detail: `${how}; ${landedFolders}/${folders.length} pending commits landed, ${opened.records.length} articles checked${seen.garbage.length ? `, ${seen.garbage.length} leftovers` : ''}`,
        } satisfies RunOutcome;
      } catch (err) {
        if (err instanceof CrashCheckError) err.message = `${how}: ${err.message}`;
        // The reused desk is only trusted again from a clean start.
        if (reuse) {
          await removeTempDir(reuseDir);
          reusedState = new Map();
        }
        throw err;
      }
    },

    async finish() {
      // The reused desk, killed over and over, is brought to the full corpus by one complete run.
      const run = await runAndKill(['import', corpusDir, '--db', reuseDir, '--json'], ctx.env, { anywhereMs: 1e9, aimAfterWriteMs: null, watchDir: null });
      check(run.exit.code === 0, `the final import failed: ${run.exit.stderr.slice(0, 500)}`);
      const seen = await checkFilesBeforeOpen(reuseDir);
      const versions = await versionsOf((await openAndCheck(reuseDir, seen)).records);
      for (const f of corpus.files) check(versions.get(f.path) === latest(f.path), `${f.path} is not at its latest version after a complete import`);
    },
  };
}

/** The JSON the CLI printed, when it printed all of it; null for nothing or a torn print. */
export function completeJson(stdout: string): unknown {
  try {
    return stdout.trim() === '' ? null : JSON.parse(stdout);
  } catch {
    return null;
  }
}

function matchesWhole(recs: ArticleRecord[], parsed: SeedParse, file: string): boolean {
  if (recs.length !== parsed.articles.length) return false;
  const seen = new Map<string, number>();
  return parsed.articles.every((a, i) => {
    const key = normalizeHeadline(a.content.headline);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const r = recs[i]!;
    return r.source.index === i && r.source.sha256 === a.sha256 && r.id === articleId(file, a.content.headline, n) && isDeepStrictEqual(r.original, a.content);
  });
}
