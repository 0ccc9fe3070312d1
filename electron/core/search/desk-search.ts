import { unlinkSync } from 'node:fs';
import type { ArticleRecord } from '../model.js';
import { currentContent } from '../revisions.js';
import type { Desk } from '../store/desk-store.js';
import { BackgroundIndexer } from './background-indexer.js';
import { type DeskState, changedChunks, chunkTag, chunkTags, readChunkRecords } from './desk-chunks.js';
import { ownsDesk } from './desk-owner.js';
import { encodeIndex } from './index-file.js';
import { type LogEntry, appendLogEntry, indexPath, newEpoch, readIndexFiles, removeStaleTemps, writeSnapshot } from './index-files.js';
import { type SearchFields, type SearchHit, SearchIndex, searchFields } from './search-index.js';

/** A change touching more articles than this is saved as a new snapshot rather than as a log line. */
const LOG_MAX_DOCS = 256;
/** A snapshot is taken this long after the last change that called for one, so an import makes one, not one a batch… */
const SNAPSHOT_DELAY_MS = 1000;
/** …unless changes keep coming for this long. */
const SNAPSHOT_MAX_WAIT_MS = 30_000;
/** The log is folded into a new snapshot once it outgrows this share of the snapshot, or 8 MB. */
const LOG_SHARE = 0.25;
const MIN_LOG_LIMIT = 8 * 1024 * 1024;
/** Past this share of chunks behind, re-indexing them costs about what a rebuild does. */
const CATCH_UP_SHARE = 0.25;
const PRELOAD_DELAY_MS = 100;
/**
 * An import is indexed on a second thread (background-indexer.ts) once it has handed this many articles over,
 * or a twenty-fifth of what the index holds: the worker starts from a copy of the index, which for a large desk
 * costs about what indexing that share of it in place does.
 */
const BACKGROUND_MIN_DOCS = 1000;
const BACKGROUND_BASE_SHARE = 1 / 25;

export interface DeskSearchOptions {
  /** Articles an import hands over before the rest is indexed on a second thread; Infinity never does. */
  backgroundMinDocs?: number;
}

type State = 'idle' | 'loading' | 'ready' | 'stale' | 'rebuilding';

/** Set once a worker failed in this process (it could not start, say): later imports are indexed in place. */
let backgroundBroken = false;

/** Chunk id → the tag (revision and file identity, see desk-chunks.ts) of the chunk the index reflects. */
type Tags = Map<number, string>;

interface Change {
  ids: string[];
  generation: number;
  chunks: [number, string][];
}

/**
 * The desk's search index, kept in memory and on disk (index-files.ts) so that opening a large desk loads it
 * instead of re-reading and re-indexing every article.
 *
 * - **Loading.** On the first search (or shortly after the list is first asked for, see warm), the saved index is
 *   read and checked against the desk's chunks; chunks it is behind on are re-indexed, and a missing or damaged
 *   index, or one from another desk or a later generation, is rebuilt from the articles.
 * - **Changes.** The service calls `changed` inside its write turn, right after each commit (and `committed`
 *   for each import batch): the articles are re-indexed in memory, and the change is appended to the log in the
 *   background (or, for a large change, a new snapshot is due). Saving never delays the edit's answer.
 * - **Imports.** `staged` and `committed` for each batch: a large import is indexed on a second thread
 *   (background-indexer.ts) while the disk is busy, and its index taken in by the `changed` that ends it.
 * - **Idle.** While the index is not loaded, changes are not indexed at all: the chunk tags tell the next load
 *   which articles to re-read, so a one-off command on a large desk does not pay for loading the index.
 */
export class DeskSearch {
  private state: State = 'idle';
  private index: SearchIndex | null = null;
  private opening: Promise<SearchIndex | null> | null = null;
  private rebuilding: Promise<SearchIndex> | null = null;
  /** The desk's root as last read: at construction, then after each change. */
  private known: DeskState;
  /** The generation and chunks the in-memory index reflects. */
  private generation = 0;
  private reflected: Tags = new Map();
  private readonly emptyAtOpen: boolean;
  /** Changes made while the index was loading or rebuilding, applied once it is there. */
  private pending: Change[] = [];
  /** Articles indexed by `committed` since the last change was recorded, with their fields for the log. */
  private fresh = new Map<string, SearchFields | null>();
  /** The epoch of the snapshot the on-disk log continues; null when the disk is behind and a snapshot is due. */
  private epoch: string | null = null;
  private logBytes = 0;
  private snapshotBytes = 0;
  private io: Promise<void> = Promise.resolve();
  private snapshotTimer: NodeJS.Timeout | null = null;
  private snapshotDueSince = 0;
  private preloadTimer: NodeJS.Timeout | null = null;
  /** The import being indexed on a second thread, if one is; its articles are in `fresh` and not yet in `index`. */
  private background: BackgroundIndexer | null = null;
  /** Articles a failed worker was handed: the next change reads them back from the desk. */
  private unindexed = new Set<string>();
  /** Articles staged since the last change, and the batches staged but not committed nor handed to a worker. */
  private stagedCount = 0;
  private awaitingCommit: (readonly ArticleRecord[])[] = [];
  private readonly backgroundMinDocs: number;

  constructor(
    private readonly desk: Desk,
    opts: DeskSearchOptions = {},
  ) {
    this.backgroundMinDocs = opts.backgroundMinDocs ?? BACKGROUND_MIN_DOCS;
    this.known = desk.rootState();
    this.emptyAtOpen = desk.size === 0;
    // A desk restored from its previous root may write revisions again under the same numbers; the file
    // identities in the saved index tell them apart, but a saved index is a cache: after a recovery, drop it.
    if (desk.notices.some((n) => n.code === 'recovered')) {
      try {
        unlinkSync(indexPath(desk.dir));
      } catch {
        // none there
      }
    }
  }

  /** Starts loading the index soon, without holding a short-lived process (a CLI command) open for it. */
  warm(): void {
    if (this.state !== 'idle' || this.preloadTimer) return;
    this.preloadTimer = setTimeout(() => void this.ready().catch(() => undefined), PRELOAD_DELAY_MS);
    this.preloadTimer.unref();
  }

  async search(query: string): Promise<SearchHit[]> {
    return (await this.ready()).search(query);
  }

  /** The index: loaded, loaded from disk, or rebuilt from the articles when nothing on disk is worth loading. */
  async ready(): Promise<SearchIndex> {
    return (await this.open()) ?? this.rebuild();
  }

  /**
   * Import batches, as each commit starts. A large import is indexed in a worker from the batch that makes it
   * large (the batches staged before it and not yet committed go first), while the disk is busy with the
   * commit; the worker's index is taken in by the next `changed` (which the service calls once the import is
   * done), before that change is recorded. A smaller import is indexed here, as each batch commits.
   */
  async staged(records: readonly ArticleRecord[]): Promise<void> {
    const index = this.index ?? (this.state === 'idle' ? await this.open() : null);
    if (!index) return;
    this.stagedCount += records.length;
    if (!this.background && !backgroundBroken && this.stagedCount >= Math.max(this.backgroundMinDocs, index.docs.count * BACKGROUND_BASE_SHARE)) {
      try {
        this.background = new BackgroundIndexer(index);
      } catch {
        backgroundBroken = true;
      }
    }
    if (!this.background) {
      this.awaitingCommit.push(records);
      return;
    }
    const earlier = this.awaitingCommit;
    this.awaitingCommit = [];
    await this.background.add(...earlier, records);
  }

  /**
   * Import batches, right after each commit: indexed from the records in hand rather than read back later
   * (here, or by the worker they were staged to).
   */
  async committed(records: readonly ArticleRecord[]): Promise<void> {
    const index = this.index ?? (this.state === 'idle' ? await this.open() : null);
    // Not before the wait: a batch staged meanwhile may start a worker, which must be handed this one first.
    this.awaitingCommit = this.awaitingCommit.filter((b) => b !== records);
    // Loading or rebuilding: the ids reach `pending` through `changed`. Stale: the rebuild will read them.
    if (!index) return;
    if (this.background?.confirm(records)) {
      for (const r of records) if (!this.fresh.has(r.id)) this.fresh.set(r.id, null);
      return;
    }
    // A batch the worker never saw would be missing from its index, and could only be added there out of order:
    // its index is not used (what it was handed is read back from the desk), and this batch is indexed here.
    this.background?.spoil();
    for (const r of records) {
      const fields = searchFields(currentContent(r));
      if (index.upsertFields(r.id, fields)) this.fresh.set(r.id, this.fresh.size < LOG_MAX_DOCS ? fields : null);
      else if (!this.fresh.has(r.id)) this.fresh.set(r.id, null);
    }
  }

  /**
   * After each change, inside the service's write turn (so the desk on disk is exactly the one just committed).
   * Resolves once the index in memory has the change; saving it happens in the background.
   */
  async changed(ids: readonly string[]): Promise<void> {
    // Whatever an import handed to the worker is in the index (or out of `fresh`, to be read back) before any
    // chunk it touched is recorded as reflected.
    const bulk = await this.takeBackground();
    this.stagedCount = 0;
    this.awaitingCommit = [];
    const now = this.desk.rootState();
    const before = this.known;
    this.known = now;
    const fresh = this.fresh;
    this.fresh = new Map();
    const chunks = changedChunks(before.chunks, now.chunks).map(([id, rev]): [number, string] => [id, chunkTag(this.desk.dir, id, rev)]);
    const reread = new Set([...ids, ...this.unindexed].filter((id) => !fresh.has(id)));
    this.unindexed = new Set();
    const change: Change = { ids: [...reread], generation: now.generation, chunks };
    if (this.index) {
      await this.apply(this.index, change, fresh, bulk);
      // Every change of the turn is in: an index that disagrees with the desk now is not to be saved or used.
      if (this.index.size !== this.desk.size) this.invalidate();
    } else if (this.state !== 'stale') {
      // Kept for the load too when idle: a journalled change rewrites no chunk, so catching up by the chunks'
      // revisions would miss it.
      this.pending.push({ ...change, ids: [...change.ids, ...fresh.keys()] });
    }
    // Stale: the rebuild reads everything.
  }

  /** Resolves when loading, rebuilding and saving are done; takes a due snapshot now rather than later. */
  async settled(): Promise<void> {
    await this.takeBackground();
    await this.opening;
    await this.rebuilding?.catch(() => undefined);
    if (this.snapshotTimer) {
      clearTimeout(this.snapshotTimer);
      this.snapshotTimer = null;
      this.snapshotNow();
    }
    await this.io;
  }

  private open(): Promise<SearchIndex | null> {
    if (this.index) return Promise.resolve(this.index);
    if (this.state === 'stale' || this.state === 'rebuilding') return Promise.resolve(null);
    this.opening ??= (async () => {
      this.state = 'loading';
      const index = await this.load().catch(() => null);
      if (index) {
        await this.adopt(index);
        return index;
      }
      this.state = 'stale';
      this.pending = [];
      return null;
    })();
    return this.opening;
  }

  /** The saved index brought up to the desk's chunks, or null when it must be rebuilt instead. */
  private async load(): Promise<SearchIndex | null> {
    const target = this.known;
    if (!target) return null;
    const tags = chunkTags(this.desk.dir, target.chunks);
    if (this.emptyAtOpen) {
      // Nothing to index; whatever a search folder holds is older than this empty desk.
      this.generation = target.generation;
      this.reflected = tags;
      return new SearchIndex();
    }
    await removeStaleTemps(this.desk.dir);
    const loaded = await readIndexFiles(this.desk.dir);
    if (!loaded || loaded.desk !== target.createdAt || loaded.generation > target.generation) return null;
    const behind = [...tags].filter(([id, tag]) => loaded.chunks.get(id) !== tag);
    if (behind.length > Math.max(4, tags.size * CATCH_UP_SHARE)) return null;
    const caughtUp: LogEntry['docs'] = [];
    let touched = 0;
    for (const [id, tag] of behind) {
      for (const r of await readChunkRecords(this.desk.dir, id, target.chunks.get(id)!)) {
        const fields = searchFields(currentContent(r));
        if (!loaded.index.upsertFields(r.id, fields)) continue;
        touched++;
        if (caughtUp.length < LOG_MAX_DOCS) caughtUp.push({ id: r.id, fields });
      }
      loaded.chunks.set(id, tag);
    }
    // Articles the desk does not have (it fell back to an older root): dropped, and saved by a snapshot.
    let dropped = 0;
    for (const id of [...loaded.index.ids()]) {
      if (this.desk.summary(id)) continue;
      loaded.index.remove(id);
      dropped++;
    }
    this.generation = target.generation;
    this.reflected = loaded.chunks;
    this.epoch = dropped > 0 ? null : loaded.epoch;
    this.logBytes = loaded.logBytes;
    this.snapshotBytes = loaded.snapshotBytes;
    if (behind.length > 0 || dropped > 0) this.record(behind, caughtUp, touched);
    return loaded.index;
  }

  /** Rebuilds from every article, taking in the changes made meanwhile; the result is saved as a snapshot. */
  private rebuild(): Promise<SearchIndex> {
    this.rebuilding ??= (async () => {
      this.state = 'rebuilding';
      this.epoch = null;
      try {
        // The chunks before the first record is read: what is read can only be as new or newer.
        const start = this.desk.rootState();
        this.generation = start.generation;
        this.reflected = chunkTags(this.desk.dir, start.chunks);
        const index = new SearchIndex();
        for await (const r of this.desk.records()) index.upsert(r.id, currentContent(r));
        await this.adopt(index);
        return index;
      } catch (err) {
        this.state = 'stale';
        this.pending = [];
        throw err;
      } finally {
        this.rebuilding = null;
      }
    })();
    return this.rebuilding;
  }

  /** Applies the changes that arrived meanwhile and puts the index in service. */
  private async adopt(index: SearchIndex): Promise<void> {
    while (this.pending.length > 0) await this.apply(index, this.pending.shift()!, new Map());
    this.index = index;
    this.state = 'ready';
    if (this.epoch === null) this.scheduleSnapshot();
  }

  private invalidate(): void {
    this.index = null;
    this.opening = null;
    this.state = 'stale';
    this.epoch = null;
  }

  /**
   * Takes in what the worker indexed, if an import used one: its index replaces ours (it is ours with the
   * import in). Should the worker have failed, its articles leave `fresh` for `unindexed`, so that the next
   * `changed` reads them back from the desk; and no further worker is tried in this process. Answers whether
   * there was one.
   */
  private async takeBackground(): Promise<boolean> {
    const background = this.background;
    if (!background) return false;
    this.background = null;
    const built = await background.finish();
    if (built && this.index === background.base) {
      this.index = built;
    } else {
      if (background.broken) backgroundBroken = true;
      for (const id of background.ids) {
        this.fresh.delete(id);
        this.unindexed.add(id);
      }
    }
    return true;
  }

  private async apply(index: SearchIndex, change: Change, fresh: ReadonlyMap<string, SearchFields | null>, bulk = false): Promise<void> {
    const docs: LogEntry['docs'] = [];
    let touched = 0;
    for (const [id, fields] of fresh) {
      if (!fields) continue;
      touched++;
      docs.push({ id, fields });
    }
    // More fresh articles changed than were kept for the log (or a worker indexed them, keeping none): this
    // change can only be saved by a snapshot.
    if (fresh.size >= LOG_MAX_DOCS || bulk) touched = Infinity;
    for (const r of (await this.desk.getMany(change.ids)).values()) {
      const fields = searchFields(currentContent(r));
      if (!index.upsertFields(r.id, fields)) continue;
      touched++;
      if (docs.length < LOG_MAX_DOCS) docs.push({ id: r.id, fields });
    }
    for (const [id, tag] of change.chunks) this.reflected.set(id, tag);
    this.generation = change.generation;
    this.record(change.chunks, docs, touched);
  }

  /** Saves a change: a log line in the background, or, for a large one or a disk already behind, a snapshot due. */
  private record(chunks: [number, string][], docs: LogEntry['docs'], touched: number): void {
    if (this.epoch === null || touched > LOG_MAX_DOCS) {
      this.epoch = null;
      this.scheduleSnapshot();
      return;
    }
    if (chunks.length === 0 && docs.length === 0) return;
    const entry: LogEntry = { epoch: this.epoch, generation: this.generation, chunks, docs };
    this.enqueue(async () => {
      this.logBytes += await appendLogEntry(this.desk.dir, entry);
      if (this.logBytes > Math.max(MIN_LOG_LIMIT, this.snapshotBytes * LOG_SHARE)) {
        this.epoch = null;
        this.scheduleSnapshot();
      }
    });
  }

  private scheduleSnapshot(): void {
    const now = Date.now();
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    else this.snapshotDueSince = now;
    const wait = now - this.snapshotDueSince >= SNAPSHOT_MAX_WAIT_MS ? 0 : SNAPSHOT_DELAY_MS;
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = null;
      this.snapshotNow();
    }, wait);
    // A process that ends first (a CLI command whose owner skipped dispose) leaves the disk behind: the next load
    // catches up or rebuilds. Holding the process open for a snapshot would cost every command a second.
    this.snapshotTimer.unref();
  }

  /**
   * Captures the index as it stands (synchronously, so it matches `reflected` exactly) and writes it in the
   * background. Changes from here on are logged against the new epoch, after the snapshot in the write queue.
   */
  private snapshotNow(): void {
    if (!this.index || !ownsDesk(this.desk.dir)) return;
    const epoch = newEpoch();
    const chunks = encodeIndex(this.index, { epoch, desk: this.known.createdAt, generation: this.generation, chunks: [...this.reflected] });
    this.epoch = epoch;
    this.logBytes = 0;
    this.enqueue(async () => {
      try {
        this.snapshotBytes = await writeSnapshot(this.desk.dir, chunks);
      } catch (err) {
        // Lines logged against this epoch will be skipped at load; the next change asks for a snapshot again.
        if (this.epoch === epoch) this.epoch = null;
        throw err;
      }
    });
  }

  /**
   * One write at a time, in order, and only while the desk is still ours. A failed or skipped write is not
   * fatal: the index on disk is a cache, checked at load.
   */
  private enqueue(job: () => Promise<void>): void {
    this.io = this.io
      .then(async () => {
        if (!ownsDesk(this.desk.dir)) throw new Error('the desk is no longer open here');
        await job();
      })
      .catch(() => undefined);
  }
}
