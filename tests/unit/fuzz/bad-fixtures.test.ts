import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../electron/core/api.js';
import { DeskService } from '../../../electron/core/service.js';
import { Desk } from '../../../electron/core/store/desk-store.js';
import { GENERATORS, type Prepared, article } from '../../fixtures/bad/generate.js';
import { expectDeskValid } from './desk-check.js';

/**
 * Every hostile seed input in tests/fixtures/bad/manifest.json, imported through the service as the app does:
 * first each on its own into a fresh desk, checked against its expected outcome; then all of them in one import
 * behind a good seed, which must land, with every file reported exactly as it was alone. Each desk is reopened
 * from disk and validated afterwards.
 */
const BAD = fileURLToPath(new URL('../../fixtures/bad/', import.meta.url));

interface Expect {
  articles: number;
  failed: number;
  error?: string;
  warnings?: string[];
  noWarnings?: boolean;
  headline?: string;
  textKept?: string[];
  textAbsent?: string[];
}

interface Fixture {
  name: string;
  about: string;
  file?: string;
  generate?: string;
  requires?: ('posix' | 'not-root')[];
  pending?: string;
  expect?: Expect;
}

const manifest = JSON.parse(readFileSync(join(BAD, 'manifest.json'), 'utf8')) as { fixtures: Fixture[] };
const wired = manifest.fixtures.filter((f) => !f.pending);
const runsHere = (f: Fixture): boolean =>
  (f.requires ?? []).every((r) => (r === 'posix' ? process.platform !== 'win32' : process.getuid?.() !== 0));

let work: string;
/** Each fixture's report when imported alone, kept for the all-at-once comparison. */
const alone = new Map<string, ImportResult>();
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'copydesk-bad-fixtures-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function prepare(f: Fixture, into: string): Promise<Prepared> {
  if (f.file) return { paths: [join(BAD, f.file)] };
  const generate = GENERATORS[f.generate!];
  if (!generate) throw new Error(`${f.name}: no generator ${f.generate} in generate.ts`);
  const dir = join(into, f.name);
  await mkdir(dir, { recursive: true });
  return generate(dir, f.name);
}

/** How long an import may take before the inputs that can block it are unjammed and the test is failed. */
const STUCK_MS = 20_000;

/**
 * Imports through DeskService.call, running each fixture's mid-import hook once the first file has been read.
 * An import still running after STUCK_MS is freed (see Prepared.unjam) and fails the test as stuck.
 */
async function importInto(deskDir: string, prepared: Prepared | Prepared[], lead: string[] = []): Promise<ImportResult> {
  const all = Array.isArray(prepared) ? prepared : [prepared];
  const paths = [...lead, ...all.flatMap((p) => p.paths)];
  const hooks = all.flatMap((p) => (p.afterFirstFile ? [p.afterFirstFile] : []));
  const desk = await Desk.open(deskDir);
  let stuck = false;
  const watchdog = setTimeout(() => {
    stuck = true;
    for (const p of all) void p.unjam?.();
  }, STUCK_MS);
  let pending: Promise<unknown> | null = null;
  const service = new DeskService(desk, {
    // `now` is asked for once per file, after it is read and before the next one is: the moment to pull a file away.
    now: () => {
      pending ??= Promise.all(hooks.map((h) => h()));
      return '2026-01-01T00:00:00.000Z';
    },
  });
  try {
    const result = await service.call('importPaths', { paths });
    expect(stuck, `the import blocked for over ${STUCK_MS / 1000} s on one of ${paths.join(', ')}`).toBe(false);
    // A bad file is reported inside a successful import; it never fails the call.
    expect(result.ok, JSON.stringify(result)).toBe(true);
    await pending;
    return (result as { ok: true; value: ImportResult }).value;
  } finally {
    clearTimeout(watchdog);
    await desk.close();
  }
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

async function checkOutcome(f: Fixture, deskDir: string, result: ImportResult): Promise<void> {
  const want = f.expect!;
  expect(result.imported, 'articles imported').toBe(want.articles);
  expect(result.failed, 'files failed').toBe(want.failed);
  const failed = result.files.filter((r) => r.error !== null);
  expect(failed).toHaveLength(want.failed);
  for (const r of failed) expect(r.error).toMatch(new RegExp(want.error!, 'u'));
  const warnings = result.files.flatMap((r) => r.warnings);
  for (const w of want.warnings ?? []) expect(warnings.some((x) => new RegExp(w, 'u').test(x)), `a warning matching /${w}/ in ${JSON.stringify(warnings)}`).toBe(true);
  if (want.noWarnings) expect(warnings).toEqual([]);

  if (want.headline === undefined && !want.textKept && !want.textAbsent) return;
  const desk = await Desk.open(deskDir);
  try {
    const service = new DeskService(desk);
    const first = desk.list()[0]!;
    const view = await service.call('getArticle', { id: first.id });
    if (!view.ok) throw new Error(view.error.message);
    if (want.headline !== undefined) expect(view.value.headline).toBe(want.headline);
    for (const s of want.textKept ?? []) expect(view.value.sourceText).toContain(s);
    const all = [...strings(view.value), ...strings(desk.list())];
    for (const s of want.textAbsent ?? []) expect(all.filter((t) => t.includes(s)), `U+${s.codePointAt(0)!.toString(16)}`).toEqual([]);
  } finally {
    await desk.close();
  }
}

describe('tests/fixtures/bad', () => {
  it('holds at least 40 hostile inputs, each with an expected outcome, each committed file listed', async () => {
    expect(wired.length).toBeGreaterThanOrEqual(40);
    expect(new Set(manifest.fixtures.map((f) => f.name)).size).toBe(manifest.fixtures.length);
    for (const f of wired) {
      expect(Boolean(f.file) !== Boolean(f.generate), `${f.name}: exactly one of file or generate`).toBe(true);
      expect(f.expect, f.name).toBeDefined();
      if (f.expect!.failed > 0) expect(f.expect!.error, `${f.name}: a failure names its error`).toBeDefined();
      if (f.generate) expect(GENERATORS[f.generate], f.name).toBeDefined();
    }
    const listed = new Set(wired.flatMap((f) => (f.file ? [f.file] : [])));
    const committed = (await import('node:fs/promises')).readdir(BAD).then((names) => names.filter((n) => n.endsWith('.txt')));
    expect((await committed).filter((n) => !listed.has(n))).toEqual([]);
  });

  describe.each(wired.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    it.runIf(runsHere(f))(f.about, async () => {
      const deskDir = join(work, `desk-${f.name}`);
      const prepared = await prepare(f, join(work, 'alone'));
      const result = await importInto(deskDir, prepared);
      alone.set(f.name, result);
      await checkOutcome(f, deskDir, result);
      expect(await expectDeskValid(deskDir)).toBe(f.expect!.articles);
    });
  });

  for (const f of manifest.fixtures.filter((x) => x.pending)) it.todo(`${f.name}: ${f.about} (pending: ${f.pending})`);

  it('never stop the rest: all of them imported at once behind a good seed, each reported as it was alone', async () => {
    const runnable = wired.filter(runsHere);
    const goodDir = join(work, 'good');
    await mkdir(goodDir);
    const good = join(goodDir, 'a-good-seed.txt');
    await writeFile(good, article('The good seed lands whatever else is imported'));

    const prepared: Prepared[] = [];
    for (const f of runnable) {
      if (!alone.has(f.name)) {
        // When this test runs by itself (-t), or a fixture's own test failed before leaving its report.
        const p = await prepare(f, join(work, 'alone-again'));
        alone.set(f.name, await importInto(join(work, `desk-again-${f.name}`), p));
      }
      prepared.push(await prepare(f, join(work, 'together')));
    }

    const deskDir = join(work, 'desk-together');
    const together = await importInto(deskDir, prepared, [good]);

    expect(together.files[0]).toEqual({ path: good, articles: 1, error: null, warnings: [] });
    const expectedArticles = 1 + runnable.reduce((n, f) => n + f.expect!.articles, 0);
    expect(together.imported).toBe(expectedArticles);
    expect(together.failed).toBe(runnable.reduce((n, f) => n + f.expect!.failed, 0));
    // The same report, file by file, as when each was imported on its own (paths differ by folder only).
    // A file deleted mid-import is reported as missing either when the folder walk looks for it or when it is
    // read; which one depends only on where the import splits into batches (a bundle archive among the paths
    // ends a batch), so the two wordings count as the same outcome.
    const shape = (r: ImportResult['files'][number]) => ({
      file: basename(r.path),
      articles: r.articles,
      error: r.error?.replace(/^cannot import .*?([^/\\]+): /u, '$1: ').replace(/: no such file.*$/u, ': no such file') ?? null,
    });
    const soloFiles = runnable.flatMap((f) => alone.get(f.name)!.files.map(shape));
    expect(together.files.slice(1).map(shape)).toEqual(soloFiles);

    expect(await expectDeskValid(deskDir)).toBe(expectedArticles);
    const desk = await Desk.open(deskDir);
    try {
      expect(desk.list()[0]!.headline).toBe('The good seed lands whatever else is imported');
    } finally {
      await desk.close();
    }
  });
});
