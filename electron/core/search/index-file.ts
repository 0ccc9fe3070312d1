import { crc32 } from 'node:zlib';
import { DocTable } from './doc-table.js';
import { BLOCK_HEADER, PAGE_SPAN, PostingArena, allocTerms, writeBlockHeader, writePosting } from './posting-arena.js';
import { SearchIndex } from './search-index.js';
import { TermDictionary } from './term-dictionary.js';

/**
 * The search index as one binary file, so a desk of 100,000 articles opens without re-reading and re-indexing
 * every article. Layout (little-endian):
 *
 *   "CDSIDX01"  u32 header length  u32 CRC-32 of everything after the first 20 bytes  u32 0
 *   header (JSON): format version, what the index reflects, and where each section starts
 *   sections, 8-byte aligned: terms (sorted, "\n"-joined), per-term head address / df / last document /
 *   bytes, document ids (JSON), lengths, fingerprints, live flags, then the posting pages
 *
 * Each term's postings are one block, so the pages are used as read, without copying or decoding. Dead
 * document numbers (replaced articles) are dropped and the rest renumbered when they are many.
 */
const MAGIC = 'CDSIDX01';
const VERSION = 2;
const PREAMBLE = 20;
/** Renumber when this share of document numbers is dead; below it, copying the lists as they are is cheaper. */
const COMPACT_AT = 0.1;
const MAX_PAGE = PAGE_SPAN;

/**
 * What the index reflects: which desk (its root's creation time), the generation and each article chunk's
 * revision and file (desk-chunks.ts), and the epoch its change log continues (index-files.ts).
 */
export interface IndexStamp {
  desk: string;
  generation: number;
  /** [chunk id, tag] (desk-chunks.ts). */
  chunks: [number, string][];
  epoch: string;
}

interface Header extends IndexStamp {
  version: number;
  terms: number;
  docs: number;
  sections: Record<SectionName, [number, number]>;
  pages: [number, number][];
}

type SectionName = 'terms' | 'head' | 'df' | 'lastDoc' | 'used' | 'ids' | 'lengths' | 'hashes' | 'alive';

/** The file's bytes, as chunks to write in order (joining them would copy the whole index once more). */
export function encodeIndex(index: SearchIndex, stamp: IndexStamp): Buffer[] {
  const { dictionary, arena, docs } = index;
  const compact = docs.dead > docs.count * COMPACT_AT;
  const renumber = new Int32Array(docs.count).fill(-1);
  const ids: string[] = [];
  for (let d = 0; d < docs.count; d++) {
    if (compact && !docs.alive[d]) continue;
    renumber[d] = ids.length;
    ids.push(docs.ids[d]!);
  }
  const keep = (d: number): number => renumber[d]!;
  const lengths = new Uint32Array(ids.length);
  const hashes = new Uint32Array(ids.length);
  const alive = new Uint8Array(ids.length);
  for (let d = 0; d < docs.count; d++) {
    const k = keep(d);
    if (k < 0) continue;
    lengths[k] = docs.lengths[d]!;
    hashes[k] = docs.hashes[d]!;
    alive[k] = docs.alive[d]!;
  }

  const order = dictionary.inOrder();
  const terms: string[] = [];
  const head = new Float64Array(order.length);
  const df = new Uint32Array(order.length);
  const lastDoc = new Int32Array(order.length);
  const used = new Uint32Array(order.length);
  const pages: Buffer[] = [];
  // Lists are copied straight into page buffers; the arena's size bounds what they need.
  let left = arena.bytes + BLOCK_HEADER * order.length;
  const newPage = (): Buffer => Buffer.allocUnsafe(Math.min(MAX_PAGE, left));
  let page = newPage();
  let view = new DataView(page.buffer, page.byteOffset, page.length);
  let pageBytes = 0;
  const scratch = { docs: new Uint32Array(1024), weights: new Uint8Array(1024) };
  for (const t of order) {
    const list = compact ? reencode(arena, t, keep, scratch) : { parts: arena.payload(t), df: arena.state.df[t]!, last: arena.state.lastDoc[t]! };
    if (list.df === 0) continue; // every posting was of a dead document: the term is gone
    const bytes = list.parts.reduce((n, p) => n + p.length, 0);
    if (pageBytes + BLOCK_HEADER + bytes > page.length) {
      pages.push(page.subarray(0, pageBytes));
      left -= pageBytes;
      page = newPage();
      view = new DataView(page.buffer, page.byteOffset, page.length);
      pageBytes = 0;
    }
    const k = terms.length;
    terms.push(dictionary.terms[t]!);
    head[k] = pages.length * PAGE_SPAN + pageBytes;
    df[k] = list.df;
    lastDoc[k] = list.last;
    used[k] = bytes;
    writeBlockHeader(view, pageBytes, bytes);
    pageBytes += BLOCK_HEADER;
    for (const part of list.parts) {
      page.set(part, pageBytes);
      pageBytes += part.length;
    }
  }
  if (pageBytes > 0) pages.push(page.subarray(0, pageBytes));

  const sections: [SectionName, Buffer][] = [
    ['terms', Buffer.from(terms.join('\n'), 'utf8')],
    ['head', bytesOf(head.subarray(0, terms.length))],
    ['df', bytesOf(df.subarray(0, terms.length))],
    ['lastDoc', bytesOf(lastDoc.subarray(0, terms.length))],
    ['used', bytesOf(used.subarray(0, terms.length))],
    ['ids', Buffer.from(JSON.stringify(ids), 'utf8')],
    ['lengths', bytesOf(lengths)],
    ['hashes', bytesOf(hashes)],
    ['alive', bytesOf(alive)],
  ];
  // Offsets are relative to the end of the header; the header's own length depends on them, so it is laid
  // out last and the body starts 8-aligned after it.
  const placed: Record<string, [number, number]> = {};
  const pageAt: [number, number][] = [];
  let at = 0;
  const body: Buffer[] = [];
  const put = (b: Buffer): number => {
    const pad = (8 - (at % 8)) % 8;
    if (pad) body.push(Buffer.alloc(pad));
    at += pad;
    const start = at;
    body.push(b);
    at += b.length;
    return start;
  };
  for (const [name, b] of sections) placed[name] = [put(b), b.length];
  for (const p of pages) pageAt.push([put(p), p.length]);
  const header: Header = { version: VERSION, ...stamp, terms: terms.length, docs: ids.length, sections: placed as Header['sections'], pages: pageAt };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const headerPad = (8 - ((PREAMBLE + headerBytes.length) % 8)) % 8;
  const pre = Buffer.alloc(PREAMBLE + headerBytes.length + headerPad);
  pre.write(MAGIC, 0, 'latin1');
  pre.writeUInt32LE(headerBytes.length + headerPad, 8);
  headerBytes.copy(pre, PREAMBLE);
  pre.fill(0x20, PREAMBLE + headerBytes.length); // JSON tolerates trailing spaces
  let crc = crc32(pre.subarray(PREAMBLE));
  for (const b of body) crc = crc32(b, crc);
  pre.writeUInt32LE(crc, 12);
  return [pre, ...body];
}

/** Reads an index file; null when it is damaged or of another version, which means: rebuild it. */
export function decodeIndex(file: Buffer): { index: SearchIndex; stamp: IndexStamp } | null {
  try {
    if (file.length < PREAMBLE || file.toString('latin1', 0, 8) !== MAGIC) return null;
    const headerLength = file.readUInt32LE(8);
    if (crc32(file.subarray(PREAMBLE)) !== file.readUInt32LE(12)) return null;
    const header = JSON.parse(file.toString('utf8', PREAMBLE, PREAMBLE + headerLength)) as Header;
    if (header.version !== VERSION) return null;
    const base = PREAMBLE + headerLength;
    const section = (name: SectionName): Buffer => {
      const [off, len] = header.sections[name];
      if (base + off + len > file.length) throw new Error(`section ${name} runs past the end`);
      return file.subarray(base + off, base + off + len);
    };
    const copyInto = <T extends Float64Array | Uint32Array | Int32Array | Uint8Array>(make: (n: number) => T, name: SectionName, n: number, capacity: number): T => {
      const out = make(capacity);
      const b = section(name);
      const per = out.BYTES_PER_ELEMENT;
      if (b.length !== n * per) throw new Error(`section ${name} has the wrong size`);
      new Uint8Array(out.buffer, 0, b.length).set(b);
      return out;
    };

    const termList = header.terms === 0 ? [] : section('terms').toString('utf8').split('\n');
    if (termList.length !== header.terms) return null;
    const termCapacity = Math.max(1024, Math.ceil(header.terms * 1.25));
    const t = allocTerms(0);
    t.head = copyInto((n) => new Float64Array(n).fill(-1), 'head', header.terms, termCapacity);
    t.df = copyInto((n) => new Uint32Array(n), 'df', header.terms, termCapacity);
    t.lastDoc = copyInto((n) => new Int32Array(n).fill(-1), 'lastDoc', header.terms, termCapacity);
    t.tailUsed = copyInto((n) => new Uint32Array(n), 'used', header.terms, termCapacity);
    t.tail = new Float64Array(termCapacity);
    t.tail.set(t.head.subarray(0, header.terms));
    // A list read from the file is one full block: the next posting starts a new block.
    t.tailCap = new Uint32Array(termCapacity);
    t.tailCap.set(t.tailUsed.subarray(0, header.terms));
    const pages = header.pages.map(([off, len]) => {
      if (base + off + len > file.length) throw new Error('a page runs past the end');
      return file.subarray(base + off, base + off + len);
    });
    for (let k = 0; k < header.terms; k++) {
      const addr = t.head[k]!;
      const p = pages[Math.floor(addr / PAGE_SPAN)];
      if (!p || (addr % PAGE_SPAN) + BLOCK_HEADER + t.tailUsed[k]! > p.length || t.lastDoc[k]! >= header.docs) return null;
    }

    const ids = JSON.parse(section('ids').toString('utf8')) as unknown;
    if (!Array.isArray(ids) || ids.length !== header.docs || !ids.every((x) => typeof x === 'string')) return null;
    const docCapacity = Math.max(1024, Math.ceil(header.docs * 1.25));
    const docs = DocTable.fromParts(
      ids as string[],
      copyInto((n) => new Uint32Array(n), 'lengths', header.docs, docCapacity),
      copyInto((n) => new Uint32Array(n), 'hashes', header.docs, docCapacity),
      copyInto((n) => new Uint8Array(n), 'alive', header.docs, docCapacity),
    );
    const index = new SearchIndex({ dictionary: TermDictionary.fromSorted(termList), arena: PostingArena.fromParts(pages, t, header.terms), docs });
    if (!Array.isArray(header.chunks) || typeof header.epoch !== 'string' || typeof header.desk !== 'string' || !Number.isInteger(header.generation)) return null;
    return { index, stamp: { desk: header.desk, generation: header.generation, chunks: header.chunks, epoch: header.epoch } };
  } catch {
    return null;
  }
}

/** A term's list with dead documents dropped and the rest renumbered. */
function reencode(arena: PostingArena, term: number, keep: (d: number) => number, scratch: { docs: Uint32Array; weights: Uint8Array }): { parts: Uint8Array[]; df: number; last: number } {
  const df = arena.state.df[term]!;
  if (df > scratch.docs.length) {
    scratch.docs = new Uint32Array(df);
    scratch.weights = new Uint8Array(df);
  }
  const n = arena.read(term, scratch.docs, scratch.weights);
  const out = new Uint8Array(n * 6);
  let at = 0;
  let prev = -1;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const d = keep(scratch.docs[i]!);
    if (d < 0) continue;
    at = writePosting(out, at, d - prev, scratch.weights[i]!);
    prev = d;
    count++;
  }
  return { parts: [out.subarray(0, at)], df: count, last: prev };
}

const bytesOf = (a: Float64Array | Uint32Array | Int32Array | Uint8Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
