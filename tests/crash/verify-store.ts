import { JOURNAL_FILE, readJournal } from '../../electron/core/store/journal.js';
import { access, readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { canonicalJson } from '../../electron/core/export/bundle-manifest.js';
import type { BundleRecord } from '../../electron/core/bundles/bundle-record.js';
import type { z } from 'zod';
import { type ArticleRecord, ArticleSummarySchema, SettingsSchema, summarize } from '../../electron/core/model.js';
import { Desk } from '../../electron/core/store/desk-store.js';
import {
  BodyDocSchema, BundlesDocSchema, MetaDocSchema, type Root, RootSchema, bodyPath, bundlesPath, docsDir, liveFiles, metaPath, rootBackupPath, rootPath,
} from '../../electron/core/store/layout.js';

/**
 * What every crash scenario checks after a kill, whatever the process was doing: every file the store wrote is
 * whole and valid (read raw, before opening can repair or collect anything), the desk opens with no recovery at
 * all, and what it holds is self-consistent: every body read back through the store's own validation, every meta
 * file equal to the summaries of its body, every bundle valid (its stored state must be the fold of its history),
 * counts as the root says.
 *
 * Failures throw a CrashCheckError; the harness counts them and never lets them pass silently.
 */
export class CrashCheckError extends Error {
  /** Acknowledged operations found missing, when that is what failed. */
  constructor(message: string, readonly lost = 0) {
    super(message);
  }
}

export function check(ok: unknown, message: string): asserts ok {
  if (!ok) throw new CrashCheckError(message);
}

export const exists = (p: string): Promise<boolean> => access(p).then(() => true, () => false);

export interface FilesSeen {
  rootExisted: boolean;
  /** Leftovers of the interrupted process: *.tmp files, chunk revisions neither root names, stale-lock litter. */
  garbage: string[];
}

const SCHEMAS = { meta: MetaDocSchema, body: BodyDocSchema } as const;

function parseWith<S extends z.ZodType>(schema: S, text: string, what: string): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CrashCheckError(`${what} is not valid JSON (${(err as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CrashCheckError(`${what} does not validate at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Step 1, before anything repairs the desk: every store file on disk is whole and valid. */
export async function checkFilesBeforeOpen(dir: string): Promise<FilesSeen> {
  const seen: FilesSeen = { rootExisted: await exists(rootPath(dir)), garbage: [] };
  if (!(await exists(dir))) return seen;
  const roots: Root[] = [];
  for (const path of [rootPath(dir), rootBackupPath(dir)]) {
    if (await exists(path)) roots.push(parseWith(RootSchema, await readFile(path, 'utf8'), basename(path)));
  }
  const referenced = new Set(roots.flatMap((r) => liveFiles(dir, r).map((p) => basename(p))));

  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    if (name.endsWith('.tmp') || name.startsWith('desk.lock.stale-')) seen.garbage.push(name);
    else if (name === 'desk.lock') {
      // The lock is written aside and linked into place: never empty or torn, even when the owner died at once.
      const lock = JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown };
      check(typeof lock.pid === 'number', `desk.lock names no pid: ${JSON.stringify(lock)}`);
    } else if (name === 'settings.json') parseWith(SettingsSchema.partial(), await readFile(path, 'utf8'), name);
    else if (JOURNAL_FILE.test(name)) {
      // Every whole line checks out; a torn last line is an append the kill cut short, never acknowledged.
      const { problem } = await readJournal(path);
      check(problem === null, `${name}: ${problem}`);
      if (!roots.some((r) => r.journal === JOURNAL_FILE.exec(name)![1])) seen.garbage.push(name);
    }
    // backups/ is checked by the scenarios that make backups (serve); search/ is a cache the service rebuilds.
    else check(['desk.json', 'desk.json.bak', 'docs', 'backups', 'search'].includes(name), `unexpected ${name} in the desk`);
  }
  if (!(await exists(docsDir(dir)))) return seen;
  for (const name of await readdir(docsDir(dir))) {
    const path = join(docsDir(dir), name);
    if (name.endsWith('.tmp')) {
      seen.garbage.push(`docs/${name}`);
      continue;
    }
    const chunk = /^c(\d+)\.r(\d+)\.(meta|body)\.json$/.exec(name);
    const bundles = /^bundles\.r(\d+)\.json$/.exec(name);
    check(chunk || bundles, `unexpected ${name} in docs/ (a damaged file moved aside means a recovery was needed)`);
    const text = await readFile(path, 'utf8');
    if (chunk) {
      const doc = parseWith(SCHEMAS[chunk[3] as 'meta' | 'body'], text, `docs/${name}`);
      check(doc.chunk === Number(chunk[1]) && doc.rev === Number(chunk[2]), `docs/${name} holds chunk ${doc.chunk} r${doc.rev}`);
    } else {
      const doc = parseWith(BundlesDocSchema, text, `docs/${name}`);
      check(doc.rev === Number(bundles![1]), `docs/${name} holds bundles r${doc.rev}`);
    }
    if (!referenced.has(name)) seen.garbage.push(`docs/${name}`);
  }
  return seen;
}

export interface OpenedDesk {
  root: Root;
  /** Every record, in import order. */
  records: ArticleRecord[];
  /** Every bundle, deleted ones too. */
  bundles: BundleRecord[];
}

/**
 * Step 2: the desk opens as it is, with no recovery (a 'created' notice only when it never had a root), and
 * everything in it reads back and agrees. The desk is closed again before this returns.
 */
export async function openAndCheck(dir: string, seen: FilesSeen): Promise<OpenedDesk> {
  const desk = await Desk.open(dir);
  try {
    const notices = desk.notices.filter((n) => !(n.code === 'created' && !seen.rootExisted));
    check(notices.length === 0, `the desk needed a recovery after the kill: ${JSON.stringify(notices)}`);
    const root = parseWith(RootSchema, await readFile(rootPath(dir), 'utf8'), 'desk.json');
    // Opening collected the leftovers; every file the root names is there.
    const docs = new Set(await readdir(docsDir(dir)));
    check(![...docs].some((n) => n.endsWith('.tmp')), 'opening left *.tmp files in docs/');
    check(!(await readdir(dir)).some((n) => n.endsWith('.tmp')), 'opening left *.tmp files in the desk');
    for (const p of liveFiles(dir, root)) check(docs.has(basename(p)), `desk.json names ${basename(p)}, which is missing`);

    const records: ArticleRecord[] = [];
    for (const ref of root.chunks) {
      const body = parseWith(BodyDocSchema, await readFile(bodyPath(dir, ref), 'utf8'), basename(bodyPath(dir, ref)));
      const meta = parseWith(MetaDocSchema, await readFile(metaPath(dir, ref), 'utf8'), basename(metaPath(dir, ref)));
      check(body.articles.length === ref.count, `chunk ${ref.id} r${ref.rev} holds ${body.articles.length} articles; desk.json says ${ref.count}`);
      check(
        canonicalJson(meta.entries) === canonicalJson(body.articles.map((a) => ArticleSummarySchema.parse(summarize(a)))),
        `chunk ${ref.id} r${ref.rev}: the meta file does not summarise its body`,
      );
    }
    // The store's own reader, as the app reads: every body through its schema, in chunk order.
    for await (const rec of desk.records()) records.push(rec);
    const ids = new Set(records.map((r) => r.id));
    check(ids.size === records.length, 'an article id appears twice');
    const list = desk.list();
    check(list.length === records.length, `the list shows ${list.length} articles; the bodies hold ${records.length}`);
    for (const s of list) check(ids.has(s.id), `the list shows ${s.id}, which no body holds`);
    for (const rec of records) {
      check(canonicalJson(ArticleSummarySchema.parse(summarize(rec))) === canonicalJson(desk.summary(rec.id)), `${rec.id}: the list fields disagree with the record`);
    }
    for (let i = 1; i < list.length; i++) check(list[i]!.seq > list[i - 1]!.seq, 'the list is not in import order');
    records.sort((a, b) => a.seq - b.seq);

    // Bundles were validated (fold included) by opening; the file the root names holds exactly them.
    const bundles = [...desk.bundles()];
    if (root.bundles) {
      const doc = parseWith(BundlesDocSchema, await readFile(bundlesPath(dir, root.bundles), 'utf8'), `bundles.r${root.bundles.rev}.json`);
      check(canonicalJson(doc.bundles) === canonicalJson(bundles), 'the bundles in memory differ from the bundles file');
    } else check(bundles.length === 0, 'bundles without a bundles file');
    return { root, records, bundles };
  } finally {
    await desk.close();
  }
}

/** Both steps. */
export async function checkDesk(dir: string): Promise<OpenedDesk & { seen: FilesSeen }> {
  const seen = await checkFilesBeforeOpen(dir);
  return { ...(await openAndCheck(dir, seen)), seen };
}

/** A record or bundle as a comparable string. */
export const canon = (v: unknown): string => canonicalJson(v);
