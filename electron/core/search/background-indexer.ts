import { Worker } from 'node:worker_threads';
import type { ArticleRecord } from '../model.js';
import { currentContent } from '../revisions.js';
import { packContents } from './content-batch.js';
import { captureState, restoreIndex } from './index-state.js';
import { type FromIndexer, INDEXER_BUNDLE, INDEXER_ROLE, type IndexerData, type ToIndexer } from './indexer-messages.js';
import type { SearchIndex } from './search-index.js';

/** Batches sent but not yet indexed before `add` waits: bounds the text queued for the worker. */
const MAX_QUEUED = 2;

/**
 * Indexes an import on a second thread while this one parses and commits: tokenising and building postings
 * is a third of an import's work, and the desk's thread has plenty left.
 *
 * The worker starts from a copy of `base` and indexes the batches in the order they are added, which is the
 * order they commit in; a batch is added as its commit starts, so the worker indexes it while the disk is busy,
 * and `confirm`ed once it has landed. `finish` brings back the index the worker built, which is exactly the one
 * `base` would have become had each batch been upserted in place (index-state.ts). `base` itself is left alone
 * meanwhile, so searches go on against it, and so that the index never holds, let alone claims, more than
 * the caller has recorded as indexed.
 *
 * Anything going wrong (the worker cannot start, throws or exits, a batch added never lands, a batch lands
 * that was never added) makes `finish` answer null: the caller then reads the articles it handed over back
 * from the desk. Nothing is lost but time.
 */
export class BackgroundIndexer {
  /** The ids handed over, for the caller to re-read should the worker fail. */
  readonly ids: string[] = [];
  private readonly worker: Worker;
  private readonly result: Promise<SearchIndex | null>;
  private queued = 0;
  private failed = false;
  /** Batches added and not yet confirmed; weakly held, a batch is the import's to keep or drop. */
  private readonly unconfirmed = new WeakSet<readonly ArticleRecord[]>();
  private pending = 0;
  private spoiled = false;
  /** Set once the result is in, or given up on: what the worker does after that is no failure. */
  private settled = false;
  private wake: (() => void) | null = null;

  constructor(
    readonly base: SearchIndex,
    entry: URL = workerEntry(),
  ) {
    // The copy: cloning the state copies its buffers, so `base` stays in service here.
    const data: IndexerData = { role: INDEXER_ROLE, base: captureState(base) };
    this.worker = new Worker(entry, { workerData: data, execArgv: workerExecArgv() });
    // Held open only while this thread waits on it (add, finish): an import abandoned half-way must not keep
    // a command-line process alive.
    this.worker.unref();
    this.result = new Promise((resolve) => {
      const fail = (): void => {
        if (this.settled) return;
        this.settled = true;
        this.failed = true;
        this.wakeUp();
        resolve(null);
      };
      this.worker.on('message', (m: FromIndexer) => {
        if (m.type === 'added') {
          this.queued--;
          this.wakeUp();
        } else if (!this.settled) {
          try {
            const index = restoreIndex(m.state);
            this.settled = true;
            resolve(index);
          } catch {
            fail();
          }
        }
      });
      this.worker.on('error', fail);
      this.worker.on('messageerror', fail);
      this.worker.on('exit', fail);
    });
  }

  /**
   * Hands batches over, in commit order, as their commits start (synchronously, so that a commit landing
   * meanwhile finds its batch handed over); then waits while the worker is more than MAX_QUEUED batches behind.
   */
  async add(...batches: (readonly ArticleRecord[])[]): Promise<void> {
    for (const records of batches) {
      this.unconfirmed.add(records);
      this.pending++;
      for (const r of records) this.ids.push(r.id);
      if (this.failed) continue;
      this.post({ type: 'add', batch: packContents(records.map((r) => [r.id, currentContent(r)] as const)) });
      this.queued++;
    }
    if (this.queued <= MAX_QUEUED || this.failed) return;
    this.worker.ref();
    try {
      while (this.queued > MAX_QUEUED && !this.failed) await new Promise<void>((resolve) => (this.wake = resolve));
    } finally {
      this.worker.unref();
    }
  }

  /** Whether the worker itself failed (could not start, threw, exited), rather than its index going unused. */
  get broken(): boolean {
    return this.failed;
  }

  /** The batch has landed on the desk; false when it was never added. */
  confirm(records: readonly ArticleRecord[]): boolean {
    if (!this.unconfirmed.delete(records)) return false;
    this.pending--;
    return true;
  }

  /** What the worker builds is not to be used: something reached the index without going through it. */
  spoil(): void {
    this.spoiled = true;
  }

  /**
   * The index with every batch in, or null when the worker failed or its index does not match the desk (a
   * batch never landed, or the index was spoiled). The worker is done with either way.
   */
  async finish(): Promise<SearchIndex | null> {
    const usable = !this.failed && !this.spoiled && this.pending === 0;
    if (usable) {
      this.worker.ref();
      this.post({ type: 'finish' });
    }
    const built = usable ? await this.result : null;
    this.settled = true;
    void this.worker.terminate();
    return built;
  }

  private post(m: ToIndexer): void {
    try {
      this.worker.postMessage(m);
    } catch {
      // A worker that already exited: its exit event settles the result.
      this.failed = true;
    }
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

/**
 * Beside this module when running from the TypeScript source, through a bootstrap that registers tsx in the new
 * thread; beside main.js in the built app, where this module is bundled into main.js and the worker is a bundle
 * of its own (INDEXER_BUNDLE).
 */
function workerEntry(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('./index-worker-boot.mjs', here) : new URL(`./${INDEXER_BUNDLE}`, here);
}

/**
 * The parent's Node options, less tsx's loader (`--import tsx`, as the bench and scripts run): the bootstrap
 * registers what the worker needs, and the loader's own thread would triple the worker's start-up.
 */
function workerExecArgv(): string[] {
  const args = process.execArgv;
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (LOADER_FLAG.test(a) && isTsx(args[i + 1])) i++;
    else if (!(LOADER_FLAG_WITH_VALUE.test(a) && isTsx(a.slice(a.indexOf('=') + 1)))) out.push(a);
  }
  return out;
}

const LOADER_FLAG = /^(--import|--require|-r|--loader|--experimental-loader)$/;
const LOADER_FLAG_WITH_VALUE = /^(--import|--require|--loader|--experimental-loader)=/;
/** "tsx", "tsx/esm", or a path into a tsx package. */
const isTsx = (spec: string | undefined): boolean => spec !== undefined && /(^|[\\/])tsx([\\/]|$)/.test(spec);
