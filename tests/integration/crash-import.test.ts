import { watch } from 'node:fs';
import { access, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { articleId, normalizeHeadline } from '../../electron/core/import/article-id.js';
import type { ArticleRecord } from '../../electron/core/model.js';
import { type SeedParse, parseSeedText } from '../../electron/core/parse/seed-text.js';
import { Desk } from '../../electron/core/store/desk-store.js';
import { BodyDocSchema, MetaDocSchema, type Root, RootSchema, bodyPath, docsDir, metaPath, rootBackupPath, rootPath } from '../../electron/core/store/layout.js';
import { type CliProcess, startCli } from '../support/cli-process.js';
import { type Corpus, editOneParagraph, makeRng, writeSeedCorpus } from '../support/seed-corpus.js';
import { makeTempDir, removeTempDir } from '../support/temp-dir.js';

/**
 * The durability contract, tested the hard way: the real CLI imports a corpus and is SIGKILLed at a random
 * instant, again and again. After every kill the desk must open without any recovery, every file in it must
 * validate, and it must hold each source file wholly (at one of its versions) or not at all.
 *
 * Even runs use a fresh desk; odd runs reuse one desk, with a few source files edited before each run so that
 * kills also land in re-imports that update articles. A last uninterrupted run must complete the reused desk.
 */
const FILES = 150;
const RUNS = 60;
const EDITS_PER_REUSE_RUN = 3;
const DELAY_SEED = 0xc0ffee;

interface Verified {
  /** Per source path: the index of the version the desk holds, or -1 when none of its articles are there. */
  versions: Map<string, number>;
  articles: number;
  /** *.tmp files and chunk revisions no root references, seen before opening: the kill landed mid-write. */
  garbage: number;
  rootExisted: boolean;
}

describe('SIGKILL during `copydesk import`', () => {
  it(`leaves a desk that opens, validates and holds whole files, over ${RUNS} kills`, async () => {
    const t0 = performance.now();
    const base = await makeTempDir('copydesk-crash-');
    let running: CliProcess | null = null;
    try {
      const corpusDir = join(base, 'corpus');
      let corpus = await writeSeedCorpus(corpusDir, { files: FILES });
      const history = new Map(corpus.files.map((f) => [f.path, [f.text]]));
      const parses = new Map<string, SeedParse>();
      const parse = (text: string): SeedParse => {
        let p = parses.get(text);
        if (!p) parses.set(text, (p = parseSeedText(text)));
        return p;
      };
      // The generator and the parser agree on the corpus, so "whole file" below means what it says.
      for (const f of corpus.files) expect(parse(f.text).articles.map((a) => a.content.headline), f.name).toEqual(f.articles.map((a) => a.headline));

      // Calibration: one full, uninterrupted import, timing its start-up and its commit.
      const calDir = join(base, 'calibration');
      await mkdir(docsDir(calDir), { recursive: true });
      let firstWrite = Infinity;
      const spawnedAt = performance.now();
      const watcher = watch(docsDir(calDir), () => (firstWrite = Math.min(firstWrite, performance.now() - spawnedAt)));
      running = startCli(['import', corpusDir, '--db', calDir, '--json']);
      const cal = await running.exited;
      running = null;
      watcher.close();
      expect(cal.code, cal.stderr).toBe(0);
      expect(JSON.parse(cal.stdout)).toMatchObject({ imported: corpus.articleCount, updated: 0, unchanged: 0, failed: 0 });
      const full = await verifyDesk(calDir, history, parse);
      expect(full.articles).toBe(corpus.articleCount);
      expect([...full.versions.values()].every((v) => v === 0)).toBe(true);
      const total = cal.ms;
      const commitAt = Number.isFinite(firstWrite) ? firstWrite : total * 0.8;
      // How long a commit runs after its first write, per kind of run; kept current from runs that complete.
      const tail = { fresh: Math.max(20, total - commitAt), reused: Math.max(10, (total - commitAt) / 2) };
      await removeTempDir(calDir);

      const rng = makeRng(DELAY_SEED);
      const reuseDir = join(base, 'reused');
      let reusedState = new Map<string, number>();
      // Start-up time drifts with the load other test files put on the machine; aimed runs keep the estimate current.
      let estimate = total;
      const tally = { runs: 0, killed: 0, completed: 0, noRoot: 0, untouched: 0, garbage: 0, landed: 0, checked: 0 };

      for (let run = 0; run < RUNS; run++) {
        const reuse = run % 2 === 1;
        // Half the kills land anywhere in the run (start-up included); the other half a few milliseconds after the
        // child's first chunk write, wherever that falls, so that kills inside the commit are common too.
        const aimed = run % 4 >= 2;
        if (reuse && run > 1) corpus = await editSome(corpus, history, rng);
        const dir = reuse ? reuseDir : join(base, `fresh-${run}`);
        if (aimed) await mkdir(docsDir(dir), { recursive: true });
        const kind = reuse ? 'reused' : 'fresh';
        const delay = aimed ? rng.next() * 1.2 * tail[kind] : rng.next() * estimate * 1.1;

        const cli = startCli(['import', corpusDir, '--db', dir, '--json']);
        running = cli;
        let timer: NodeJS.Timeout | undefined;
        let wroteAt = -1;
        const kill = () => cli.child.kill('SIGKILL');
        const watcher = aimed
          ? watch(docsDir(dir), (_event, name) => {
              // Temp files carry the writer's pid: this child's first one opens its commit.
              if (wroteAt < 0 && name?.includes(`.${cli.pid}.`)) {
                wroteAt = performance.now();
                timer = setTimeout(kill, delay);
              }
            })
          : null;
        const spawned = performance.now();
        if (!aimed) timer = setTimeout(kill, delay);
        const exit = await cli.exited;
        const exitedAt = performance.now();
        clearTimeout(timer);
        watcher?.close();
        running = null;
        if (wroteAt >= 0) estimate = 0.7 * estimate + 0.3 * (wroteAt - spawned + tail.fresh);
        if (wroteAt >= 0 && exit.signal === null) tail[kind] = 0.5 * tail[kind] + 0.5 * Math.max(5, exitedAt - wroteAt);

        const killed = exit.signal === 'SIGKILL';
        const context = `run ${run} (${reuse ? 'reused' : 'fresh'} desk, ${aimed ? `kill ${delay.toFixed(0)}ms after the first write` : `kill at ${delay.toFixed(0)}ms`}; ` +
          `exit ${exit.code ?? exit.signal} after ${exit.ms.toFixed(0)}ms; stderr ${JSON.stringify(exit.stderr.slice(0, 500))})`;
        try {
          if (!killed) {
            expect(exit.code).toBe(0);
            const report = JSON.parse(exit.stdout) as { imported: number; updated: number; unchanged: number; failed: number };
            expect(report.failed).toBe(0);
            expect(report.imported + report.updated + report.unchanged).toBe(corpus.articleCount);
          }
          const v = await verifyDesk(dir, history, parse);
          const before = reuse ? reusedState : new Map<string, number>();
          const changed = [...v.versions].some(([path, ver]) => (before.get(path) ?? -1) !== ver);
          if (!killed) {
            // Run to its end, the import leaves every file at its current version.
            for (const f of corpus.files) expect(v.versions.get(f.path), f.name).toBe(history.get(f.path)!.length - 1);
          }
          tally.runs++;
          tally.checked += v.articles;
          if (killed) {
            tally.killed++;
            if (!v.rootExisted) tally.noRoot++;
            else if (v.garbage > 0) tally.garbage++;
            else if (!changed) tally.untouched++;
            if (changed) tally.landed++;
          } else tally.completed++;
          if (reuse) reusedState = v.versions;
          else await removeTempDir(dir);
        } catch (err) {
          throw new Error(`${context}: ${(err as Error).message}`, { cause: err });
        }
      }

      // The reused desk, killed over and over, is brought to a correct full desk by one complete run.
      const last = await startCli(['import', corpusDir, '--db', reuseDir, '--json']).exited;
      expect(last.code, last.stderr).toBe(0);
      const report = JSON.parse(last.stdout) as { imported: number; updated: number; unchanged: number; failed: number };
      expect(report.failed).toBe(0);
      expect(report.imported + report.updated + report.unchanged).toBe(corpus.articleCount);
      const final = await verifyDesk(reuseDir, history, parse);
      expect(final.articles).toBe(corpus.articleCount);
      for (const f of corpus.files) expect(final.versions.get(f.path), f.name).toBe(history.get(f.path)!.length - 1);
      tally.checked += final.articles;

      // The harness must really have killed imports, and some of them inside the commit.
      expect(tally.killed).toBeGreaterThanOrEqual(RUNS / 3);
      expect(tally.garbage + tally.landed).toBeGreaterThanOrEqual(5);
      const secs = ((performance.now() - t0) / 1000).toFixed(1);
      console.log(
        `crash-import: ${tally.runs} runs in ${secs}s (${FILES} files, ${corpus.articleCount} articles; calibration import ${Math.round(total)}ms, first chunk write at ${Math.round(commitAt)}ms); ` +
          `${tally.killed} killed mid-import [${tally.noRoot} before desk.json existed, ${tally.untouched} with the desk untouched, ${tally.garbage} leaving half-written files, ${tally.landed} with the commit landed], ` +
          `${tally.completed} ran to completion; ${tally.checked} articles checked`,
      );
    } finally {
      running?.child.kill('SIGKILL');
      await removeTempDir(base);
    }
  }, 300_000);
});

/** Rewrites a paragraph in a few files, keeping every version so a desk holding any of them can be checked. */
async function editSome(corpus: Corpus, history: Map<string, string[]>, rng: ReturnType<typeof makeRng>): Promise<Corpus> {
  const files = [...corpus.files];
  for (let i = 0; i < EDITS_PER_REUSE_RUN; i++) {
    const k = rng.int(0, files.length - 1);
    files[k] = editOneParagraph(files[k]!, rng);
    history.get(files[k]!.path)!.push(files[k]!.text);
    await writeFile(files[k]!.path, files[k]!.text, 'utf8');
  }
  return { ...corpus, files };
}

const exists = (p: string): Promise<boolean> => access(p).then(() => true, () => false);

async function verifyDesk(dir: string, history: Map<string, string[]>, parse: (text: string) => SeedParse): Promise<Verified> {
  // 1. Before anything repairs it: every file the store wrote is whole and valid.
  const rootExisted = await exists(rootPath(dir));
  const roots: Root[] = [];
  if (rootExisted) roots.push(RootSchema.parse(JSON.parse(await readFile(rootPath(dir), 'utf8'))));
  if (await exists(rootBackupPath(dir))) roots.push(RootSchema.parse(JSON.parse(await readFile(rootBackupPath(dir), 'utf8'))));
  const referenced = new Set(roots.flatMap((r) => r.chunks.flatMap((c) => [basename(metaPath(dir, c)), basename(bodyPath(dir, c))])));
  let garbage = 0;
  if (await exists(dir)) {
    for (const name of await readdir(dir)) {
      // A lock moved aside by a takeover that was itself killed is harmless litter.
      if (name.endsWith('.tmp') || name.startsWith('desk.lock.stale-')) garbage++;
      else if (name === 'desk.lock') expect(JSON.parse(await readFile(join(dir, name), 'utf8'))).toMatchObject({ pid: expect.any(Number) });
      else expect(['desk.json', 'desk.json.bak', 'docs'], `unexpected ${name} in the desk`).toContain(name);
    }
  }
  if (await exists(docsDir(dir))) {
    for (const name of await readdir(docsDir(dir))) {
      const path = join(docsDir(dir), name);
      if (name.endsWith('.tmp')) {
        garbage++;
        continue;
      }
      const m = /^c(\d+)\.r(\d+)\.(meta|body)\.json$/.exec(name);
      expect(m, `unexpected ${name} in docs/`).not.toBeNull();
      const doc = (m![3] === 'meta' ? MetaDocSchema : BodyDocSchema).parse(JSON.parse(await readFile(path, 'utf8')));
      expect([doc.chunk, doc.rev]).toEqual([Number(m![1]), Number(m![2])]);
      if (!referenced.has(name)) garbage++;
    }
  }

  // 2. It opens as it is: no recovery was needed, and what was left over is collected.
  const desk = await Desk.open(dir);
  try {
    expect(desk.notices.filter((n) => n.code !== 'created'), JSON.stringify(desk.notices)).toEqual([]);
    if (rootExisted) expect(desk.notices).toEqual([]);
    const root = RootSchema.parse(JSON.parse(await readFile(rootPath(dir), 'utf8')));
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const live = new Set(root.chunks.flatMap((c) => [basename(metaPath(dir, c)), basename(bodyPath(dir, c))]));
    const docs = await readdir(docsDir(dir));
    for (const name of live) expect(docs).toContain(name);
    expect(docs.filter((n) => n.endsWith('.tmp') || n.includes('.corrupt-'))).toEqual([]);

    // 3. The index agrees with the bodies, and the list is in import order.
    const bodyIds: string[] = [];
    for (const c of root.chunks) {
      const body = BodyDocSchema.parse(JSON.parse(await readFile(bodyPath(dir, c), 'utf8')));
      const meta = MetaDocSchema.parse(JSON.parse(await readFile(metaPath(dir, c), 'utf8')));
      expect(body.articles).toHaveLength(c.count);
      expect(meta.entries.map((e) => e.id)).toEqual(body.articles.map((a) => a.id));
      bodyIds.push(...body.articles.map((a) => a.id));
    }
    const list = desk.list();
    expect(new Set(bodyIds).size).toBe(bodyIds.length);
    expect(list).toHaveLength(bodyIds.length);
    expect(list.map((s) => s.id).sort()).toEqual([...bodyIds].sort());
    for (let i = 1; i < list.length; i++) expect(list[i]!.seq).toBeGreaterThan(list[i - 1]!.seq);

    // 4. Every article is exactly what the parser makes of its file, and every file is there whole or not at all.
    const byPath = new Map<string, ArticleRecord[]>();
    for (const s of list) {
      const rec = (await desk.get(s.id))!;
      expect(rec, s.id).not.toBeNull();
      expect(history.has(rec.source.path), rec.source.path).toBe(true);
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
      expect(v, `${path}: the desk holds ${recs.length} articles that match no version of the file as a whole`).toBeGreaterThanOrEqual(0);
      versions.set(path, v);
      for (const r of recs) {
        // An import never makes editorial changes: no revisions (so status new, no tags) and no claims.
        expect(r).toMatchObject({ revisions: [], claims: [] });
        // A replaced original is one of the file's earlier versions, never a torn mixture.
        for (const prior of r.priorOriginals) {
          expect(texts.slice(0, v).some((t) => isDeepStrictEqual(parse(t).articles[prior.source.index]?.content, prior.content)), `${r.id} prior original`).toBe(true);
        }
      }
    }
    return { versions, articles: list.length, garbage, rootExisted };
  } finally {
    await desk.close();
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
