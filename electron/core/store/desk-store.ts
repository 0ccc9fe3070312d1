import { lstatSync } from 'node:fs';
import { mkdir, readdir, realpath, rename, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Low } from 'lowdb';
import type { z } from 'zod';
import type { BundleRecord } from '../bundles/bundle-record.js';
import { type ArticleRecord, type ArticleSummary, foldProblem, summarize } from '../model.js';
import { DeskError } from '../result.js';
import { DeskLock } from './desk-lock.js';
import { fsyncDir } from './durable-write.js';
import { type FileCheck, checkFault, sizeFault } from './file-check.js';
import { articleAt, bodyText, lineIndex, lineIntact, lineSpan, parseLine } from './body-file.js';
import { JsonDocAdapter, type ReadOptions, type WriteOptions, readOwnFile, readOwnRangeSync } from './json-doc-adapter.js';
import {
  type BodyDoc, BodyDocSchema, type BundlesDoc, BundlesDocSchema, type ChunkRef, CURRENT_SCHEMA_VERSION, DEFAULT_CHUNK_SIZE, type MetaDoc, MetaDocSchema, type Root,
  RootHeaderSchema, RootSchema, bodyPath, bundlesPath, docsDir, emptyRoot, liveFiles, metaPath, rootBackupPath, rootPath,
} from './layout.js';
import { JOURNAL_FILE, JournalWriter, journalPath, newJournalId, readJournal } from './journal.js';
import { type Migration, MIGRATIONS, migrate } from './migrations.js';
import { rootText, sealFault } from './root-seal.js';
import { type SummaryFeed, SummaryOrder } from './summary-order.js';

export interface OpenOptions {
  /** Articles per chunk file. Tests shrink it to exercise many chunks with few articles. */
  chunkSize?: number;
  migrations?: readonly Migration[];
  /**
   * Small changes go to the write-ahead journal (default). Off, every commit writes its chunks and a new root:
   * tests of the copy-on-write layout use that, and it is what every large commit does anyway.
   */
  journal?: boolean;
}

export interface CommitOptions {
  /** Bundles to insert or replace (by id) in the same transaction as the records. */
  bundles?: readonly BundleRecord[];
}

/**
 * What the search index checks itself against (search/desk-chunks.ts): when the desk was created, its
 * generation, and each chunk's current revision.
 */
export interface RootState {
  createdAt: string;
  generation: number;
  chunks: ReadonlyMap<number, number>;
}

interface Placed {
  summary: ArticleSummary;
  chunk: number;
  place: number;
}

export interface DeskNotice {
  /** `damaged`: found after opening (an article file that fails its checksum when read), not repaired. */
  code: 'created' | 'recovered' | 'migrated' | 'damaged';
  message: string;
}

const BODY_CACHE_CHUNKS = 64;
/** Fewer than one in this many of a chunk's articles are read line by line; more, and the chunk is parsed and cached. */
const LINE_READ_SHARE = 4;
/** A longer line (a pathological article) is read with the rest of its file, off the main thread. */
const MAX_LINE_READ = 256 * 1024;
/** Chunks a commit may write and still leave in the body cache. */
const BODY_CACHE_FROM_COMMIT = 4;
/** A commit of at most this many existing articles goes to the journal; larger ones (imports) write chunks. */
const JOURNAL_MAX_RECORDS = 64;
/** Past this size the next change checkpoints: replaying a long journal at open would cost more than it saves. */
const JOURNAL_MAX_BYTES = 16 * 1024 * 1024;
const WRITE_CONCURRENCY = 8;
/** Desks open in this process, by real path; a Desk is registered once its files are loaded. */
const openDirs = new Map<string, Desk | null>();

/**
 * The desk store: one owning process, copy-on-write chunk files, and an atomically replaced root. Opening reads
 * the root and the small meta files; article bodies are read when asked for. A change writes only the chunks it
 * touches (at most CHUNK_SIZE articles each) plus the root, so its cost does not grow with the desk.
 */
export class Desk {
  readonly notices: DeskNotice[] = [];
  /**
   * Every article's summary, chunk, and place in that chunk (meta entries and body lines are in the same order;
   * see body-file.ts). One map rather than three: at 100,000 articles each costs some 50 ms to fill at open.
   */
  private readonly placed = new Map<string, Placed>();
  /** Each chunk's line index (body-file.ts), from its meta file, for chunks whose meta has one. */
  private readonly linesOf = new Map<number, string>();
  /** Built on the first re-import (the only reader), then kept up to date: opening a desk does not need it. */
  private byFile: Map<string, Set<string>> | null = null;
  private readonly bodies = new Map<number, ArticleRecord[]>();
  private readonly order = new SummaryOrder(() => Array.from(this.placed.values(), (p) => p.summary));
  /** Every bundle, deleted ones too, in the order they were made. */
  private bundleMap = new Map<string, BundleRecord>();
  private bundleList: BundleRecord[] | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** Journalled records and bundles not yet in the chunk files (see journal.ts); the next checkpoint writes them. */
  private readonly pending = new Map<string, ArticleRecord>();
  private readonly pendingBundles = new Map<string, BundleRecord>();
  private journal: JournalWriter | null = null;
  /** An append failed and could not be undone: no more appends until a checkpoint starts a new journal. */
  private journalBroken = false;
  /** Derived from `root`, made again when the root is replaced. */
  private rootIndex: { root: Root; refs: Map<number, ChunkRef>; state: RootState } | null = null;

  private constructor(
    readonly dir: string,
    private readonly key: string,
    private root: Root,
    private prevRoot: Root | null,
    private readonly lock: DeskLock,
    private readonly chunkSize: number,
    private readonly journalling: boolean,
  ) {}

  static async open(dir: string, opts: OpenOptions = {}): Promise<Desk> {
    await mkdir(docsDir(dir), { recursive: true }).catch((err: Error) => {
      throw new DeskError('IO_ERROR', `cannot create the desk folder ${dir}: ${err.message}`);
    });
    // One desk, however it is spelt: the lock treats its own pid as stale, so only this set stops a second open.
    const key = await realpath(dir).catch(() => resolve(dir));
    if (openDirs.has(key)) throw new DeskError('DESK_LOCKED', `desk is in use by process ${process.pid}`);
    openDirs.set(key, null);
    let lock: DeskLock;
    try {
      lock = await DeskLock.acquire(dir);
    } catch (err) {
      openDirs.delete(key);
      throw err;
    }
    try {
      const notices: DeskNotice[] = [];
      const { root, prevRoot, rootRestored } = await loadRoots(dir, opts.migrations ?? MIGRATIONS, notices);
      const desk = new Desk(dir, key, root, prevRoot, lock, opts.chunkSize ?? DEFAULT_CHUNK_SIZE, opts.journal ?? true);
      desk.notices.push(...notices);
      await desk.loadIndex();
      await desk.loadBundles();
      await desk.replayJournal();
      // A root restored from desk.json.bak cannot say which unreferenced files the lost root named: the last
      // change's only copy may be among them, so they are kept aside rather than collected.
      await desk.collectGarbage(rootRestored);
      openDirs.set(key, desk);
      return desk;
    } catch (err) {
      openDirs.delete(key);
      await lock.release();
      throw err;
    }
  }

  get size(): number {
    return this.placed.size;
  }

  /** Every article's list fields, in import order. */
  list(): readonly ArticleSummary[] {
    return this.order.list();
  }

  /** The same order read in place, with what each edit replaced: for following edits without copying the list. */
  summaryFeed(): SummaryFeed {
    return this.order;
  }

  summary(id: string): ArticleSummary | undefined {
    return this.placed.get(id)?.summary;
  }

  /** The articles imported from seed files of this base name, for matching a re-import. */
  fromFile(fileName: string): ArticleSummary[] {
    return [...(this.fileIndex().get(fileName) ?? [])].map((id) => this.placed.get(id)!.summary);
  }

  /** The same object until a commit writes a new root (a journalled edit does not). */
  rootState(): RootState {
    return this.indexRoot().state;
  }

  private refOf(chunk: number): ChunkRef | undefined {
    return this.indexRoot().refs.get(chunk);
  }

  private indexRoot(): { refs: Map<number, ChunkRef>; state: RootState } {
    const root = this.root;
    if (this.rootIndex?.root !== root) {
      const refs = new Map(root.chunks.map((c) => [c.id, c]));
      const chunks = new Map(root.chunks.map((c) => [c.id, c.rev]));
      this.rootIndex = { root, refs, state: { createdAt: root.createdAt, generation: root.generation, chunks } };
    }
    return this.rootIndex;
  }

  /** Every bundle, deleted ones included, in the order they were made. */
  bundles(): readonly BundleRecord[] {
    this.bundleList ??= [...this.bundleMap.values()];
    return this.bundleList;
  }

  bundle(id: string): BundleRecord | undefined {
    return this.bundleMap.get(id);
  }

  /** One article: from memory when it is there, else its own line of the body file. */
  async get(id: string): Promise<ArticleRecord | null> {
    return (await this.getMany([id])).get(id) ?? null;
  }

  /**
   * Many articles, in the order asked. Those in memory (journalled, or in a cached chunk) come from there; of
   * the rest, a chunk a good share of whose articles are wanted is read whole (checked against its SHA-256),
   * into the body cache, and otherwise only their lines are read (each checked against its CRC-32).
   */
  async getMany(ids: readonly string[]): Promise<Map<string, ArticleRecord>> {
    const found = new Map<string, ArticleRecord>();
    const cold = new Map<number, string[]>();
    for (const id of ids) {
      const chunk = this.placed.get(id)?.chunk;
      if (chunk === undefined) continue;
      const held = this.pending.get(id) ?? this.bodies.get(chunk)?.find((a) => a.id === id);
      if (held) found.set(id, held);
      else if (cold.has(chunk)) cold.get(chunk)!.push(id);
      else cold.set(chunk, [id]);
    }
    for (const [chunk, wanted] of cold) {
      for (const rec of await this.readFromChunk(chunk, wanted)) found.set(rec.id, rec);
    }
    if (cold.size === 0 && found.size === ids.length) return found;
    const out = new Map<string, ArticleRecord>();
    for (const id of ids) {
      const rec = found.get(id);
      if (rec) out.set(id, rec);
    }
    return out;
  }

  private async readFromChunk(chunk: number, wanted: readonly string[]): Promise<ArticleRecord[]> {
    const ref = this.refOf(chunk);
    if (!ref?.body || wanted.length * LINE_READ_SHARE >= ref.count) return pick(await this.loadBody(chunk), wanted);
    const lines = this.readLines(ref, wanted);
    // A change journalled while a file was read is newer than the file.
    if (lines) return this.withPending(lines);
    const bytes = await this.readBodyBytes(ref, ref.body);
    // A checkpoint replaced the chunk while the file was read (and took the journalled records with it): read the
    // revision now in force instead.
    if (this.refOf(chunk)?.rev !== ref.rev) return this.readFromChunk(chunk, wanted);
    // The file is intact, so its line index (if it had one) did not describe it: not worth trying again.
    this.linesOf.delete(chunk);
    return this.withPending(this.linesOfFile(bytes, wanted) ?? pick((JSON.parse(bytes.toString('utf8')) as BodyDoc).articles, wanted));
  }

  /**
   * The articles' own lines, each checked against its CRC-32 in the meta file, or null when that cannot be done:
   * no line index, or a line that is missing or fails its check. The whole file, checked against its SHA-256,
   * then decides between damage and a stale index.
   */
  private readLines(ref: ChunkRef, wanted: readonly string[]): ArticleRecord[] | null {
    const index = this.linesOf.get(ref.id);
    if (!index) return null;
    const path = bodyPath(this.dir, ref);
    const out: ArticleRecord[] = [];
    for (const id of wanted) {
      const place = this.placed.get(id)?.place;
      const span = place === undefined ? null : lineSpan(index, place);
      if (!span || span.length > MAX_LINE_READ) return null;
      let line: Buffer;
      try {
        line = readOwnRangeSync(path, span.offset, span.length);
      } catch {
        return null;
      }
      const rec = lineIntact(line, span) ? parseLine(line, id) : null;
      if (!rec) return null;
      out.push(rec);
    }
    return out;
  }

  /** The articles' lines of a whole body file already checked, or null when it is not laid out a line each. */
  private linesOfFile(bytes: Buffer, wanted: readonly string[]): ArticleRecord[] | null {
    const out: ArticleRecord[] = [];
    for (const id of wanted) {
      const place = this.placed.get(id)?.place;
      const rec = place === undefined ? null : articleAt(bytes, place, id);
      if (!rec) return null;
      out.push(rec);
    }
    return out;
  }

  /** A body file's bytes, checked against the root; damage is noted as readBodyNoting does. */
  private async readBodyBytes(ref: ChunkRef, check: FileCheck): Promise<Buffer> {
    const path = bodyPath(this.dir, ref);
    try {
      const bytes = await readOwnFile(path).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') throw new DeskError('DESK_CORRUPT', `${path} is missing`);
        throw err;
      });
      const fault = checkFault(bytes, check);
      if (fault) throw new DeskError('DESK_CORRUPT', `${path} ${fault}`);
      return bytes;
    } catch (err) {
      this.noteDamage(err, ref);
      throw err;
    }
  }

  /** Every record, a chunk at a time, without filling the body cache with the whole desk. */
  async *records(): AsyncGenerator<ArticleRecord> {
    for (const ref of [...this.root.chunks]) {
      const cached = this.bodies.get(ref.id);
      const articles = cached ?? this.withPending((await this.readBodyNoting(ref)).articles);
      yield* articles;
    }
  }

  /** Hands out import-order numbers; gaps left by a failed commit are harmless. */
  reserveSeq(): number {
    return this.root.nextSeq++;
  }

  /**
   * Inserts or replaces whole records, and whole bundles, in one atomic, durable transaction. It resolves only
   * once the new root is on disk; if it rejects, neither the disk nor this object has changed.
   */
  commit(records: readonly ArticleRecord[], opts: CommitOptions = {}): Promise<void> {
    return this.enqueue(() => this.commitNow(records, opts.bundles ?? []));
  }

  /**
   * Writes journalled changes into the chunk files and desk.json now. Backups copy those files, so they flush
   * first; closing flushes too.
   */
  flush(): Promise<void> {
    return this.enqueue(() => this.checkpointIfPending());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush().catch(() => undefined); // the journal stays on disk and is replayed at the next open
    this.closed = true;
    await this.queue;
    await this.journal?.close();
    openDirs.delete(this.key);
    await this.lock.release();
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async checkpointIfPending(): Promise<void> {
    if (this.closed || (this.pending.size === 0 && this.pendingBundles.size === 0)) return;
    await this.writeChunks([], []);
  }

  private async commitNow(records: readonly ArticleRecord[], bundles: readonly BundleRecord[]): Promise<void> {
    if (this.closed) throw new DeskError('INTERNAL', 'the desk is closed');
    if (records.length === 0 && bundles.length === 0) return;
    for (const rec of records) {
      const problem = foldProblem(rec);
      if (problem) throw new DeskError('INVALID_INPUT', `article ${rec.id} refused: ${problem}`);
    }
    if (this.journalFits(records)) await this.appendJournal(records, bundles);
    else await this.writeChunks(records, bundles);
  }

  /** Small changes to articles already placed in a chunk; new articles need a chunk, which only a checkpoint gives. */
  private journalFits(records: readonly ArticleRecord[]): boolean {
    if (!this.journalling || this.journalBroken || !this.root.journal || records.length > JOURNAL_MAX_RECORDS) return false;
    if ((this.journal?.bytes ?? 0) > JOURNAL_MAX_BYTES) return false;
    return records.every((r) => this.placed.has(r.id));
  }

  private async appendJournal(records: readonly ArticleRecord[], bundles: readonly BundleRecord[]): Promise<void> {
    try {
      this.journal ??= await JournalWriter.create(this.dir, this.root.journal!);
      await this.journal.append(records, bundles);
    } catch (err) {
      this.journalBroken = true;
      throw new DeskError('IO_ERROR', `cannot write the desk journal: ${(err as Error).message}`);
    }
    this.applyInMemory(records, bundles);
  }

  /** A journalled change, in memory: what the next checkpoint writes, and what reads see meanwhile. */
  private applyInMemory(records: readonly ArticleRecord[], bundles: readonly BundleRecord[]): void {
    for (const rec of records) {
      const { chunk, place } = this.placed.get(rec.id)!;
      this.pending.set(rec.id, rec);
      const cached = this.bodies.get(chunk);
      if (cached) this.bodies.set(chunk, cached.map((a) => (a.id === rec.id ? rec : a)));
      this.remember(summarize(rec), chunk, place);
    }
    if (bundles.length > 0) {
      const next = new Map(this.bundleMap);
      for (const b of bundles) {
        next.set(b.id, b);
        this.pendingBundles.set(b.id, b);
      }
      this.setBundles(next);
    }
  }

  /**
   * The journal of the root in force, replayed over what was loaded, and checkpointed at once: the chunk files
   * then hold everything again, so whatever reads them (the search index's catch-up, backups) sees it.
   */
  private async replayJournal(): Promise<void> {
    if (!this.root.journal) return;
    const path = journalPath(this.dir, this.root.journal);
    const { entries, problem } = await readJournal(path);
    if (problem) {
      this.notices.push({ code: 'recovered', message: `${problem}; opened the desk with the ${entries.length} changes before it` });
      await moveAside(path);
    }
    if (entries.length === 0) return;
    for (const e of entries) this.applyInMemory(e.records.filter((r) => this.placed.has(r.id)), e.bundles);
    await this.writeChunks([], []);
  }

  /**
   * The copy-on-write commit: every chunk the records (and the journalled changes) touch is written as its next
   * revision, then a new root with a new journal id. Resolves once that root is on disk.
   */
  private async writeChunks(given: readonly ArticleRecord[], givenBundles: readonly BundleRecord[]): Promise<void> {
    const byId = new Map(this.pending);
    for (const r of given) byId.set(r.id, r);
    const records = [...byId.values()];
    const bundleById = new Map(this.pendingBundles);
    for (const b of givenBundles) bundleById.set(b.id, b);
    const bundles = [...bundleById.values()];
    if (records.length === 0 && bundles.length === 0) return;
    const refs = new Map(this.root.chunks.map((c) => [c.id, c]));
    let nextChunk = this.root.nextChunk;
    const placement = new Map<string, number>();
    const changed = new Map<number, ArticleRecord[]>();
    // Journalled (acknowledged) changes to articles of a chunk whose file turns out damaged cannot be written
    // into it; they are carried into the next journal instead, so that neither they nor the rest of the
    // checkpoint are lost, and the desk still opens. A change not yet acknowledged (`given`) fails instead.
    const carried: ArticleRecord[] = [];
    const damaged = new Map<number, unknown>();
    const givenIds = new Set(given.map((r) => r.id));

    for (const rec of records) {
      let chunk = this.placed.get(rec.id)?.chunk ?? placement.get(rec.id);
      if (chunk !== undefined && damaged.has(chunk)) {
        if (givenIds.has(rec.id)) throw damaged.get(chunk);
        carried.push(rec);
        continue;
      }
      if (chunk === undefined) {
        const last = [...refs.values()].at(-1);
        const lastCount = last ? (changed.get(last.id)?.length ?? last.count) : Infinity;
        if (last && lastCount < this.chunkSize) chunk = last.id;
        else {
          chunk = nextChunk++;
          refs.set(chunk, { id: chunk, rev: 0, count: 0 } as ChunkRef);
          changed.set(chunk, []);
        }
      }
      placement.set(rec.id, chunk);
      let articles = changed.get(chunk);
      if (!articles) {
        try {
          articles = [...(await this.loadBody(chunk))];
        } catch (err) {
          if (!isCorrupt(err) || givenIds.has(rec.id)) throw err;
          damaged.set(chunk, err);
          carried.push(rec);
          continue;
        }
        changed.set(chunk, articles);
      }
      const at = articles.findIndex((a) => a.id === rec.id);
      if (at === -1) articles.push(rec);
      else articles[at] = rec;
    }

    const written: ChunkRef[] = [];
    // Summarising folds every revision, so each chunk's summaries are made once: for its meta file and, after
    // the commit, for the in-memory index.
    const summaries = new Map([...changed].map(([id, articles]) => [id, articles.map((a) => summarize(a))]));
    const lineIndexes = new Map<number, string>();
    const jobs = [...changed].map(([id, articles]) => async () => {
      const ref: ChunkRef = { id, rev: (refs.get(id)?.rev ?? 0) + 1, count: articles.length };
      let lines = '';
      const inspect = (bytes: Buffer): void => void (lines = lineIndex(bytes, articles.length));
      const body = await writeDoc(bodyPath(this.dir, ref), BodyDocSchema, { chunk: id, rev: ref.rev, articles }, { syncDir: false, serialize: bodyText as (d: unknown) => string, inspect });
      const meta = await writeDoc(metaPath(this.dir, ref), MetaDocSchema, { chunk: id, rev: ref.rev, entries: summaries.get(id)!, lines });
      lineIndexes.set(id, lines);
      written.push({ ...ref, meta, body });
    });
    // The bundles file is small and holds every bundle, so a bundle change rewrites it whole, as the next revision.
    let bundlesRef = this.root.bundles;
    let bundleMap = this.bundleMap;
    if (bundles.length > 0) {
      bundleMap = new Map(this.bundleMap);
      for (const b of bundles) bundleMap.set(b.id, b);
      const doc: BundlesDoc = { rev: (bundlesRef?.rev ?? 0) + 1, bundles: [...bundleMap.values()] };
      jobs.push(async () => {
        bundlesRef = { rev: doc.rev, file: await writeDoc(bundlesPath(this.dir, doc), BundlesDocSchema, doc) };
      });
    }
    await runLimited(jobs, WRITE_CONCURRENCY);
    await fsyncDir(docsDir(this.dir));

    if (changed.size === 0 && bundles.length === 0) return; // everything was carried: nothing to checkpoint

    for (const ref of written) refs.set(ref.id, ref);
    const maxSeq = records.reduce((m, r) => Math.max(m, r.seq + 1), 0);
    const journalId = newJournalId();
    const carriedJournal = carried.length > 0 ? await JournalWriter.create(this.dir, journalId) : null;
    const next: Root = {
      ...this.root,
      journal: journalId,
      generation: this.root.generation + 1,
      nextSeq: Math.max(this.root.nextSeq, maxSeq),
      nextChunk,
      chunks: [...refs.values()].sort((a, b) => a.id - b.id),
      bundles: bundlesRef,
    };
    try {
      // The carried changes are on disk in the new root's journal before that root is.
      await carriedJournal?.append(carried, []);
      await writeRoot(this.dir, next, true);
    } catch (err) {
      await carriedJournal?.close();
      throw err;
    }

    // Committed: only now does memory follow the disk. The old journal is kept while its root is the fallback.
    await this.journal?.close();
    this.journal = carriedJournal;
    this.journalBroken = false;
    this.pending.clear();
    for (const rec of carried) this.pending.set(rec.id, rec);
    this.pendingBundles.clear();
    const dropped = this.prevRoot;
    this.prevRoot = this.root;
    this.root = next;
    // A large commit is an import: its chunks are not about to be read again, and keeping up to 64 of them
    // (some 4,000 records) alive only gives the garbage collector more to mark while the import goes on.
    const keep = changed.size <= BODY_CACHE_FROM_COMMIT;
    for (const [id, articles] of changed) {
      if (keep) this.cacheBody(id, articles);
      else this.bodies.delete(id);
      this.linesOf.set(id, lineIndexes.get(id)!);
      summaries.get(id)!.forEach((summary, place) => this.remember(summary, id, place));
    }
    if (bundleMap !== this.bundleMap) this.setBundles(bundleMap);
    await this.unlinkUnreferenced(liveFiles(this.dir, dropped));
    if (dropped?.journal && dropped.journal !== this.prevRoot?.journal && dropped.journal !== this.root.journal) {
      await unlink(journalPath(this.dir, dropped.journal)).catch(() => undefined);
    }
  }

  private setBundles(bundles: Map<string, BundleRecord>): void {
    this.bundleMap = bundles;
    this.bundleList = null;
  }

  /**
   * Read at open: the file is small, and the root has to be repaired now if it is damaged. A damaged bundles file
   * falls back to the previous root's, which may be "no bundles yet"; with no previous root, opening fails.
   */
  private async loadBundles(): Promise<void> {
    const ref = this.root.bundles;
    if (!ref) return;
    const current = await readBundles(this.dir, ref);
    if (current.ok) {
      this.setBundles(new Map(current.doc.bundles.map((b) => [b.id, b])));
      return;
    }
    const prev = this.prevRoot && this.prevRoot.bundles?.rev !== ref.rev ? this.prevRoot.bundles : undefined;
    const previous = prev ? await readBundles(this.dir, prev) : null;
    if (prev === undefined || (previous && !previous.ok)) {
      throw new DeskError('DESK_CORRUPT', `${current.reason}; no earlier good copy of the bundles is left`);
    }
    const restored = previous?.ok ? previous.doc.bundles : [];
    this.setBundles(new Map(restored.map((b) => [b.id, b])));
    this.root = { ...this.root, bundles: prev };
    await writeRoot(this.dir, this.root, false);
    const what = prev ? `from their previous copy (r${prev.rev}, ${restored.length} bundle${restored.length === 1 ? '' : 's'})` : 'as they were before the first one was made (none)';
    this.notices.push({ code: 'recovered', message: `${current.reason}; restored the bundles ${what}; the last change to bundles may be missing` });
  }

  private remember(summary: ArticleSummary, chunk: number, place: number): void {
    if (this.byFile) {
      const old = this.placed.get(summary.id)?.summary;
      if (old && old.source.file !== summary.source.file) this.byFile.get(old.source.file)?.delete(summary.id);
      fileEntry(this.byFile, summary);
    }
    this.placed.set(summary.id, { summary, chunk, place });
    this.order.put(summary);
  }

  private fileIndex(): Map<string, Set<string>> {
    if (!this.byFile) {
      this.byFile = new Map();
      for (const { summary } of this.placed.values()) fileEntry(this.byFile, summary);
    }
    return this.byFile;
  }

  private async loadIndex(): Promise<void> {
    const repaired: ChunkRef[] = [];
    for (const ref of this.root.chunks) {
      // Almost always the fast path: the body is the size the root says, and the meta file hashes as recorded.
      const fast = this.readMetaFast(ref);
      const { meta, ref: used } = fast ? { meta: fast, ref } : await this.loadMeta(ref);
      if (used !== ref) repaired.push(used);
      meta.entries.forEach((e, place) => this.remember(e, used.id, place));
      if (meta.lines) this.linesOf.set(used.id, meta.lines);
      else this.linesOf.delete(used.id);
    }
    if (repaired.length > 0) {
      const byId = new Map(repaired.map((r) => [r.id, r]));
      this.root = { ...this.root, chunks: this.root.chunks.map((c) => byId.get(c.id) ?? c) };
      await writeRoot(this.dir, this.root, false);
    }
  }

  /** The chunk's meta file when it and its body's size check out; null sends the chunk down the repairing path. */
  private readMetaFast(ref: ChunkRef): MetaDoc | null {
    if (bodySizeFault(this.dir, ref)) return null;
    try {
      const meta = new JsonDocAdapter(metaPath(this.dir, ref), MetaDocSchema, {}, ref.meta ? { expect: ref.meta } : {}).readSync();
      return meta && meta.chunk === ref.id && meta.rev === ref.rev ? meta : null;
    } catch (err) {
      if (isCorrupt(err)) return null;
      throw err;
    }
  }

  /**
   * A meta file is derived from its body, so a damaged one is rebuilt without loss. Only when the body is damaged
   * too does the chunk fall back to its previous revision, and the notice says so.
   */
  private async loadMeta(ref: ChunkRef): Promise<{ meta: MetaDoc; ref: ChunkRef }> {
    const current = await this.readOrRebuildMeta(ref);
    if (current.ok) return { meta: current.meta, ref: current.ref };
    const prev = this.prevRoot?.chunks.find((c) => c.id === ref.id && c.rev !== ref.rev);
    const previous = prev ? await this.readOrRebuildMeta(prev) : null;
    if (!prev || !previous?.ok) {
      throw new DeskError('DESK_CORRUPT', `${current.reason}; no earlier good copy of chunk ${ref.id} is left`);
    }
    this.notices.push({
      code: 'recovered',
      message: `${current.reason}; restored chunk ${ref.id} from its previous copy (r${prev.rev}); the last change to its ${previous.meta.entries.length} articles may be missing`,
    });
    return { meta: previous.meta, ref: previous.ref };
  }

  /**
   * The chunk's meta file, or one rebuilt from its body (the ref returned then records the new file's checksum);
   * damaged files are moved aside, never left to collection. A body of the wrong size fails the chunk at once:
   * its summaries may be intact, but the articles behind them are not.
   */
  private async readOrRebuildMeta(ref: ChunkRef): Promise<{ ok: true; meta: MetaDoc; ref: ChunkRef } | { ok: false; reason: string }> {
    const sizeProblem = bodySizeFault(this.dir, ref);
    if (sizeProblem) {
      await moveAside(bodyPath(this.dir, ref));
      return { ok: false, reason: `${bodyPath(this.dir, ref)} ${sizeProblem}` };
    }
    let metaErr: DeskError;
    try {
      const meta = await readDoc(metaPath(this.dir, ref), MetaDocSchema, ref.meta ? { expect: ref.meta } : {});
      if (meta.chunk === ref.id && meta.rev === ref.rev) return { ok: true, meta, ref };
      throw new DeskError('DESK_CORRUPT', `${metaPath(this.dir, ref)} holds chunk ${meta.chunk} r${meta.rev}, not ${ref.id} r${ref.rev}`);
    } catch (err) {
      if (!isCorrupt(err)) throw err;
      metaErr = err;
    }
    await moveAside(metaPath(this.dir, ref));
    try {
      const body = await readBody(this.dir, ref);
      const meta: MetaDoc = { chunk: ref.id, rev: ref.rev, entries: body.articles.map((a) => summarize(a)) };
      const check = await writeDoc(metaPath(this.dir, ref), MetaDocSchema, meta);
      await fsyncDir(docsDir(this.dir));
      this.cacheBody(ref.id, body.articles);
      this.notices.push({ code: 'recovered', message: `${metaErr.message}; rebuilt it from the article file, nothing lost` });
      return { ok: true, meta, ref: { ...ref, meta: check } };
    } catch (bodyErr) {
      if (!isCorrupt(bodyErr)) throw bodyErr;
      await moveAside(bodyPath(this.dir, ref));
      return { ok: false, reason: `${metaErr.message}; ${bodyErr.message}` };
    }
  }

  private async loadBody(chunk: number): Promise<ArticleRecord[]> {
    const cached = this.bodies.get(chunk);
    if (cached) {
      this.bodies.delete(chunk);
      this.bodies.set(chunk, cached);
      return cached;
    }
    const ref = this.refOf(chunk);
    if (!ref) return [];
    const body = await this.readBodyNoting(ref);
    // A commit may have replaced this chunk while the file was read (a checkpoint then also took the journalled
    // records out of `pending`): the older copy is neither returned nor cached — cached, it would be handed to the
    // next commit, which would write the older articles back over the newer ones. Records journalled during the
    // read are applied at the end.
    if (this.refOf(chunk)?.rev !== ref.rev) return this.loadBody(chunk);
    const articles = this.withPending(body.articles);
    if (!this.bodies.has(chunk)) this.cacheBody(chunk, articles);
    return articles;
  }

  /**
   * A body read after opening that fails its checksum is not repaired behind the editor's back (its summaries are
   * already on screen, and the previous revision would silently undo the last change): the read fails, and the
   * desk's notices say which file and what to do, once per file.
   */
  private async readBodyNoting(ref: ChunkRef): Promise<BodyDoc> {
    try {
      return await readBody(this.dir, ref);
    } catch (err) {
      this.noteDamage(err, ref);
      throw err;
    }
  }

  private noteDamage(err: unknown, ref: ChunkRef): void {
    if (isCorrupt(err) && !this.notices.some((n) => n.code === 'damaged' && n.message.startsWith(err.message))) {
      this.notices.push({ code: 'damaged', message: `${err.message}; its ${ref.count} articles cannot be opened. Run "copydesk doctor", or restore a backup` });
    }
  }

  /** A chunk's records as read from its file, with the journalled versions of any of them in their place. */
  private withPending(articles: ArticleRecord[]): ArticleRecord[] {
    return this.pending.size === 0 ? articles : articles.map((a) => this.pending.get(a.id) ?? a);
  }

  private cacheBody(chunk: number, articles: ArticleRecord[]): void {
    this.bodies.delete(chunk);
    this.bodies.set(chunk, articles);
    if (this.bodies.size > BODY_CACHE_CHUNKS) this.bodies.delete(this.bodies.keys().next().value!);
  }

  /**
   * Leftovers of interrupted writes and superseded revisions; safe to remove because we own the lock. With
   * `keepAside`, unreferenced files are renamed `*.kept-<time>` instead (doctor reports them).
   */
  private async collectGarbage(keepAside: boolean): Promise<void> {
    const keep = new Set([...liveFiles(this.dir, this.root), ...liveFiles(this.dir, this.prevRoot)]);
    const names = await readdir(docsDir(this.dir));
    const unreferenced = names.map((n) => join(docsDir(this.dir), n)).filter((p) => !keep.has(p) && !p.includes('.corrupt-') && !p.includes('.kept-'));
    if (keepAside) {
      const stamp = Date.now();
      await Promise.all(unreferenced.filter((p) => !p.endsWith('.tmp')).map((p) => rename(p, `${p}.kept-${stamp}`).catch(() => undefined)));
    } else await this.unlinkUnreferenced(unreferenced);
    const journals = new Set([this.root.journal, this.prevRoot?.journal]);
    for (const n of await readdir(this.dir)) {
      if (n.endsWith('.tmp')) await unlink(join(this.dir, n)).catch(() => undefined);
      const journal = JOURNAL_FILE.exec(n);
      if (journal && !journals.has(journal[1])) {
        const path = join(this.dir, n);
        await (keepAside ? rename(path, `${path}.kept-${Date.now()}`) : unlink(path)).catch(() => undefined);
      }
    }
  }

  private async unlinkUnreferenced(paths: string[]): Promise<void> {
    const keep = new Set([...liveFiles(this.dir, this.root), ...liveFiles(this.dir, this.prevRoot)]);
    await Promise.all(paths.filter((p) => !keep.has(p)).map((p) => unlink(p).catch(() => undefined)));
  }
}

interface LoadedRoots {
  root: Root;
  prevRoot: Root | null;
  /** desk.json was damaged or missing and desk.json.bak stands in for it. */
  rootRestored: boolean;
}

async function loadRoots(dir: string, migrations: readonly Migration[], notices: DeskNotice[]): Promise<LoadedRoots> {
  // Only the backup being restored is migrated: a migration may rewrite chunk files, so it never runs on a root
  // that is merely kept as a fallback. A backup in an older format is simply no fallback.
  const readBackup = (withMigrations: readonly Migration[]) => readRoot(dir, rootBackupPath(dir), withMigrations).catch(() => null);
  let loaded: Awaited<ReturnType<typeof readRoot>>;
  try {
    loaded = await readRoot(dir, rootPath(dir), migrations);
  } catch (err) {
    if (!isCorrupt(err)) throw err;
    const backup = await readBackup(migrations);
    if (!backup) throw new DeskError('DESK_CORRUPT', `${err.message}, and there is no good ${rootBackupPath(dir)} to recover from`);
    await moveAside(rootPath(dir));
    await writeRoot(dir, backup.root, false);
    notices.push({ code: 'recovered', message: `${err.message}; restored the desk from ${rootBackupPath(dir)} (generation ${backup.root.generation}); the last change may be missing` });
    noteMigrated(notices, rootBackupPath(dir), backup.applied);
    return { root: backup.root, prevRoot: null, rootRestored: true };
  }
  if (loaded) {
    if (loaded.applied.length === 0) return newerOfRoots(dir, loaded.root, (await readBackup([]))?.root ?? null, notices);
    // The migrated root is committed before anything reads chunks or collects garbage against it; the old-format
    // root stays as the backup. Killed before this rename, the old root is still in force and the migration reruns.
    await writeRoot(dir, loaded.root, true);
    noteMigrated(notices, rootPath(dir), loaded.applied);
    return { root: loaded.root, prevRoot: null, rootRestored: false };
  }
  const existing = (await readdir(docsDir(dir))).filter((n) => n.endsWith('.json'));
  if (existing.length > 0) {
    const backup = await readBackup(migrations);
    if (backup) {
      await writeRoot(dir, backup.root, false);
      notices.push({ code: 'recovered', message: `${rootPath(dir)} was missing; restored it from ${rootBackupPath(dir)}` });
      noteMigrated(notices, rootBackupPath(dir), backup.applied);
      return { root: backup.root, prevRoot: null, rootRestored: true };
    }
    throw new DeskError('DESK_CORRUPT', `${rootPath(dir)} is missing but ${docsDir(dir)} holds ${existing.length} files; not starting an empty desk over them`);
  }
  const fresh = emptyRoot(new Date().toISOString());
  await writeRoot(dir, fresh, false);
  notices.push({ code: 'created', message: `created a new desk at ${dir}` });
  return { root: fresh, prevRoot: null, rootRestored: false };
}

/**
 * desk.json.bak is the root desk.json replaced, so it is never the newer of the two; when it is (the pair swapped,
 * or desk.json copied back from somewhere by hand) the newer root is opened if all its files are there, and the
 * editor is told either way rather than shown an older desk without a word.
 */
async function newerOfRoots(dir: string, root: Root, backup: Root | null, notices: DeskNotice[]): Promise<LoadedRoots> {
  if (!backup || backup.generation <= root.generation) return { root, prevRoot: backup, rootRestored: false };
  const what = `${rootPath(dir)} (generation ${root.generation}) is older than ${rootBackupPath(dir)} (generation ${backup.generation})`;
  const missing = filesFault(dir, backup);
  if (missing) {
    notices.push({ code: 'recovered', message: `${what}, which is not how the desk writes them; kept desk.json because ${missing}` });
    return { root, prevRoot: null, rootRestored: false };
  }
  await writeRoot(dir, backup, true);
  notices.push({ code: 'recovered', message: `${what}, which is not how the desk writes them; opened the newer one and kept the older as ${rootBackupPath(dir)}` });
  return { root: backup, prevRoot: root, rootRestored: false };
}

/** The first file a root names that is missing or of the wrong size, or null. */
function filesFault(dir: string, root: Root): string | null {
  for (const ref of root.chunks) {
    for (const [path, check] of [[metaPath(dir, ref), ref.meta], [bodyPath(dir, ref), ref.body]] as const) {
      const size = fileSize(path);
      if (size === null) return `${path}, which it names, is missing`;
      const fault = check ? sizeFault(size, check) : null;
      if (fault) return `${path}, which it names, ${fault}`;
    }
  }
  return null;
}

/** Size of a regular file, or null when there is none (a link or anything else counts as none). */
function fileSize(path: string): number | null {
  try {
    const st = lstatSync(path);
    return st.isFile() ? st.size : null;
  } catch {
    return null;
  }
}

function bodySizeFault(dir: string, ref: ChunkRef): string | null {
  if (!ref.body) return null;
  const size = fileSize(bodyPath(dir, ref));
  return size === null ? 'is missing or not a regular file' : sizeFault(size, ref.body);
}

function noteMigrated(notices: DeskNotice[], path: string, applied: string[]): void {
  if (applied.length > 0) notices.push({ code: 'migrated', message: `migrated ${path}: ${applied.join('; ')}` });
}

async function readRoot(dir: string, path: string, migrations: readonly Migration[]): Promise<{ root: Root; applied: string[] } | null> {
  // A newer Copydesk's root may be sealed differently; it is refused as too new below, not called damaged.
  const verifyRaw = (json: unknown) => ((json as { schemaVersion?: unknown } | null)?.schemaVersion as number > CURRENT_SCHEMA_VERSION ? null : sealFault(json));
  const raw = await readDoc(path, RootHeaderSchema, { verifyRaw }, true);
  if (raw === null) return null;
  const { root, applied } = await migrate(dir, raw, migrations);
  const parsed = RootSchema.safeParse(root);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DeskError('DESK_CORRUPT', `${path} does not match the desk format at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return { root: parsed.data, applied };
}

async function writeRoot(dir: string, root: Root, keepPrevious: boolean): Promise<void> {
  await writeDoc(rootPath(dir), RootSchema, root, { syncDir: true, serialize: rootText, ...(keepPrevious ? { keepPrevious: rootBackupPath(dir) } : {}) });
}

async function readDoc<S extends z.ZodType>(path: string, schema: S, readOpts?: ReadOptions): Promise<z.infer<S>>;
async function readDoc<S extends z.ZodType>(path: string, schema: S, readOpts: ReadOptions, optional: true): Promise<z.infer<S> | null>;
async function readDoc<S extends z.ZodType>(path: string, schema: S, readOpts: ReadOptions = {}, optional = false): Promise<z.infer<S> | null> {
  const db = new Low<z.infer<S> | null>(new JsonDocAdapter(path, schema, {}, readOpts) as never, null);
  await db.read();
  if (db.data === null && !optional) throw new DeskError('DESK_CORRUPT', `${path} is missing`);
  return db.data;
}

/** Writes a store document durably; resolves to the size and SHA-256 of what landed, for the root to record. */
async function writeDoc<S extends z.ZodType>(path: string, schema: S, data: z.infer<S>, opts: WriteOptions = { syncDir: false }): Promise<FileCheck> {
  const adapter = new JsonDocAdapter(path, schema, opts);
  await new Low<z.infer<S>>(adapter, data).write();
  return adapter.lastCheck!;
}

/** The bundles file, checked against the revision the root names; a damaged one is moved aside, never collected. */
async function readBundles(dir: string, ref: { rev: number; file?: FileCheck }): Promise<{ ok: true; doc: BundlesDoc } | { ok: false; reason: string }> {
  const path = bundlesPath(dir, ref);
  try {
    const doc = await readDoc(path, BundlesDocSchema, ref.file ? { expect: ref.file } : {});
    if (doc.rev === ref.rev) return { ok: true, doc };
    throw new DeskError('DESK_CORRUPT', `${path} holds bundles r${doc.rev}, not r${ref.rev}`);
  } catch (err) {
    if (!isCorrupt(err)) throw err;
    await moveAside(path);
    return { ok: false, reason: err.message };
  }
}

async function readBody(dir: string, ref: ChunkRef): Promise<BodyDoc> {
  const body = await readDoc(bodyPath(dir, ref), BodyDocSchema, ref.body ? { expect: ref.body } : {});
  if (body.chunk !== ref.id || body.rev !== ref.rev) {
    throw new DeskError('DESK_CORRUPT', `${bodyPath(dir, ref)} holds chunk ${body.chunk} r${body.rev}, not ${ref.id} r${ref.rev}`);
  }
  return body;
}

function pick(articles: readonly ArticleRecord[], ids: readonly string[]): ArticleRecord[] {
  return ids.map((id) => articles.find((a) => a.id === id)).filter((r) => r !== undefined);
}

function fileEntry(byFile: Map<string, Set<string>>, summary: ArticleSummary): void {
  let ids = byFile.get(summary.source.file);
  if (!ids) byFile.set(summary.source.file, (ids = new Set()));
  ids.add(summary.id);
}

const isCorrupt = (err: unknown): err is DeskError => err instanceof DeskError && err.code === 'DESK_CORRUPT';

/** A damaged file is renamed, never deleted: whatever is in it may still be worth something to someone. */
async function moveAside(path: string): Promise<void> {
  await rename(path, `${path}.corrupt-${Date.now()}`).catch(() => undefined);
}

async function runLimited(jobs: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
}

/**
 * Writes the journalled changes of a desk this process has open into its chunk files, so that a copy of the
 * files the root names (a backup) holds them. Nothing to do for a desk open elsewhere or not at all: an owner in
 * another process cannot be reached, and a closed desk has flushed (or will replay its journal at open).
 */
export async function flushIfOpenHere(dir: string): Promise<void> {
  const key = await realpath(dir).catch(() => resolve(dir));
  await openDirs.get(key)?.flush();
}
