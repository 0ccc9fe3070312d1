import { Worker } from 'node:worker_threads';

/** A file ready for the zip: what the manifest says of it (SHA-256, size) and what the zip needs (CRC, data). */
export interface PackedEntry {
  sha256: string;
  size: number;
  crc32: number;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  data: Buffer;
}

export interface CompressionSettings {
  /** zlib's deflate level. Fixed per archive: equal input then gives equal bytes (with the same zlib). */
  level: number;
  /** An entry larger than this that deflates beyond `maxCompressionRatio` is stored instead (see below). */
  ratioFloorBytes: number;
  maxCompressionRatio: number;
}

/**
 * The worker's whole program, plain JavaScript evaluated in place rather than a module file, so it runs the same
 * under tsx, in the bundled app (one esbuild file) and in tests. Per item: UTF-8 bytes, SHA-256, CRC-32 and
 * deflate; a large entry that would deflate beyond the reader's ratio limit (a hostile seed's megabytes of one
 * repeated character, say) is stored, so every archive Copydesk writes is one it will read. A batch's results go
 * back as one buffer, transferred rather than copied: zlib hands out small views of 16 KiB buffers, which
 * posted one by one would each carry their whole buffer across.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { crc32, deflateRawSync } = require('node:zlib');
const { level, ratioFloorBytes, maxCompressionRatio } = workerData;
parentPort.on('message', ({ id, items }) => {
  try {
    const metas = [];
    const parts = [];
    let total = 0;
    for (const item of items) {
      const bytes = typeof item === 'string' ? Buffer.from(item, 'utf8') : Buffer.from(item.buffer, item.byteOffset, item.byteLength);
      const deflated = deflateRawSync(bytes, { level });
      const store = bytes.length > ratioFloorBytes && bytes.length / Math.max(deflated.length, 1) > maxCompressionRatio;
      const data = store ? bytes : deflated;
      metas.push({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, crc32: crc32(bytes), method: store ? 0 : 8, offset: total, length: data.length });
      parts.push(data);
      total += data.length;
    }
    const packed = new Uint8Array(total);
    let at = 0;
    for (const part of parts) {
      packed.set(part, at);
      at += part.length;
    }
    parentPort.postMessage({ id, metas, packed }, [packed.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.stack) || err) });
  }
});
`;

interface Meta {
  sha256: string;
  size: number;
  crc32: number;
  method: 0 | 8;
  offset: number;
  length: number;
}
type Reply = { id: number; metas: Meta[]; packed: Uint8Array } | { id: number; error: string };

/**
 * Hashes and deflates archive entries on a worker thread, so that on a two-core machine compressing one batch of
 * articles overlaps rendering the next (deflate is the largest single cost of a bundle export). Batches are
 * answered in the order they were sent. `close()` must be called, whatever happens: the worker keeps the process
 * alive until then.
 */
export class EntryCompressor {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, { resolve: (e: PackedEntry[]) => void; reject: (err: Error) => void }>();
  private nextId = 0;
  private failure: Error | null = null;
  private closed = false;

  constructor(private readonly settings: CompressionSettings) {}

  /** Each item (text as UTF-8, or bytes as they are) packed for the zip, in the order given. */
  compress(items: readonly (string | Uint8Array)[]): Promise<PackedEntry[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new Error('the compressor is closed'));
    const id = this.nextId++;
    const worker = this.started();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Bytes are copied across, and a view copies its whole buffer, so a view of a larger (or pooled) buffer
      // goes as a copy of just its own bytes.
      worker.postMessage({ id, items: items.map((i) => (typeof i === 'string' || i.byteLength === i.buffer.byteLength ? i : i.slice())) });
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      worker.removeAllListeners('exit');
      await worker.terminate();
    }
    this.fail(new Error('the compressor is closed'));
  }

  /** Started on the first batch, so an export refused before anything is compressed never starts a thread. */
  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: this.settings });
    worker.on('message', (reply: Reply) => this.answer(reply));
    worker.on('error', (err) => this.fail(err));
    worker.on('exit', (code) => this.fail(new Error(`the compression worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private answer(reply: Reply): void {
    const job = this.waiting.get(reply.id);
    if (!job) return;
    this.waiting.delete(reply.id);
    if ('error' in reply) {
      job.reject(new Error(`compressing archive entries failed: ${reply.error}`));
      return;
    }
    const { packed } = reply;
    job.resolve(reply.metas.map((m) => ({ sha256: m.sha256, size: m.size, crc32: m.crc32, method: m.method, data: Buffer.from(packed.buffer, packed.byteOffset + m.offset, m.length) })));
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const job of this.waiting.values()) job.reject(err);
    this.waiting.clear();
  }
}
