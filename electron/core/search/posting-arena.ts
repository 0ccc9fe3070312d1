/**
 * Posting lists for every term, packed into a few large byte pages instead of one JS object per posting: at
 * 100,000 articles a desk holds some 25 million (term, article) pairs, which as Map entries would take gigabytes.
 *
 * Each term's list is a chain of blocks. A block is a 12-byte header (next block's page and offset, bytes used)
 * and a payload of postings. A posting is a varint of (gap from the previous document number × 2 + flag), then,
 * only when the flag is set, a weight byte: most words occur once in an article, so most postings need no weight
 * byte (weight 1), which makes the lists a third smaller. Document numbers only grow, so gaps stay small and a
 * list is appended to without ever being rewritten. Blocks double in size up to MAX_BLOCK, so a rare term wastes
 * little and a common one has few links to follow.
 *
 * An address is page * 2^26 + offset, kept in Float64Arrays (exact up to 2^53).
 */
export const PAGE_SPAN = 2 ** 26;
const NEW_PAGE_BYTES = 4 * 1024 * 1024;
const HEADER = 12;
const FIRST_BLOCK = 8;
const MAX_BLOCK = 4096;
/** The most a posting can take: a five-byte varint and its weight. */
const MAX_POSTING = 6;
const NONE = 0xffffffff;

export interface ArenaTerms {
  head: Float64Array;
  tail: Float64Array;
  /** Payload capacity and bytes used of each term's tail block. */
  tailCap: Uint32Array;
  tailUsed: Uint32Array;
  /** The last document number appended, -1 before the first. */
  lastDoc: Int32Array;
  /** Postings in the list, including those of documents since replaced (see DocTable). */
  df: Uint32Array;
}

export interface ArenaParts {
  pages: Uint8Array[];
  writable: number;
  cursor: number;
  terms: ArenaTerms;
  termCount: number;
}

export class PostingArena {
  readonly pages: Uint8Array[] = [];
  private readonly views: DataView[] = [];
  /** Pages before this index came from a file and are never written to. */
  private writable = 0;
  private cursor = NEW_PAGE_BYTES;
  private terms: ArenaTerms;
  private termCount = 0;

  constructor(termCapacity = 1024) {
    this.terms = allocTerms(termCapacity);
  }

  /**
   * Everything the arena holds, as plain data another thread can take (index-state.ts): an arena rebuilt from it
   * with `restore` lays out the next postings exactly where this one would.
   */
  parts(): ArenaParts {
    return { pages: [...this.pages], writable: this.writable, cursor: this.cursor, terms: this.terms, termCount: this.termCount };
  }

  static restore(parts: ArenaParts): PostingArena {
    const arena = new PostingArena(0);
    for (const p of parts.pages) arena.addPage(p);
    arena.writable = parts.writable;
    arena.cursor = parts.cursor;
    arena.terms = parts.terms;
    arena.termCount = parts.termCount;
    return arena;
  }

  /** Wraps pages and per-term arrays read from an index file; new postings go to fresh pages. */
  static fromParts(pages: Uint8Array[], terms: ArenaTerms, termCount: number): PostingArena {
    const arena = new PostingArena(0);
    for (const p of pages) arena.addPage(p);
    arena.writable = pages.length;
    arena.terms = terms;
    arena.termCount = termCount;
    return arena;
  }

  get state(): Readonly<ArenaTerms> {
    return this.terms;
  }

  get count(): number {
    return this.termCount;
  }

  /** Bytes held by the pages, for the memory figure. */
  get bytes(): number {
    return this.pages.reduce((n, p) => n + p.byteLength, 0);
  }

  /** Makes room for term ids up to `n - 1`; a new term starts with an empty list. */
  ensureTerms(n: number): void {
    if (n <= this.termCount) return;
    if (n > this.terms.head.length) this.terms = growTerms(this.terms, Math.max(n, Math.ceil(this.terms.head.length * 1.5)));
    this.terms.lastDoc.fill(-1, this.termCount, n);
    this.terms.head.fill(-1, this.termCount, n);
    this.termCount = n;
  }

  append(term: number, doc: number, weight: number): void {
    const t = this.terms;
    if (t.head[term]! < 0) {
      const addr = this.allocBlock(FIRST_BLOCK);
      t.head[term] = addr;
      t.tail[term] = addr;
      t.tailCap[term] = FIRST_BLOCK;
      t.tailUsed[term] = 0;
    } else if (t.tailUsed[term]! + MAX_POSTING > t.tailCap[term]!) {
      const size = Math.min(MAX_BLOCK, t.tailCap[term]! * 2);
      const addr = this.allocBlock(size);
      const old = t.tail[term]!;
      const view = this.views[Math.floor(old / PAGE_SPAN)]!;
      const at = old % PAGE_SPAN;
      view.setUint32(at, Math.floor(addr / PAGE_SPAN), true);
      view.setUint32(at + 4, addr % PAGE_SPAN, true);
      view.setUint32(at + 8, t.tailUsed[term]!, true);
      t.tail[term] = addr;
      t.tailCap[term] = size;
      t.tailUsed[term] = 0;
    }
    const tail = t.tail[term]!;
    const page = this.pages[Math.floor(tail / PAGE_SPAN)]!;
    let at = (tail % PAGE_SPAN) + HEADER + t.tailUsed[term]!;
    const start = at;
    at = writePosting(page, at, doc - t.lastDoc[term]!, weight);
    t.tailUsed[term]! += at - start;
    t.lastDoc[term] = doc;
    t.df[term]!++;
  }

  /** Decodes a term's list into `docs` and `weights` (sized for df at least); answers how many there are. */
  read(term: number, docs: Uint32Array, weights: Uint8Array): number {
    const t = this.terms;
    if (term >= this.termCount || t.head[term]! < 0) return 0;
    let n = 0;
    let doc = -1;
    let addr = t.head[term]!;
    const tail = t.tail[term]!;
    for (;;) {
      const pageNo = Math.floor(addr / PAGE_SPAN);
      const page = this.pages[pageNo]!;
      const at = addr % PAGE_SPAN;
      const isTail = addr === tail;
      const used = isTail ? t.tailUsed[term]! : this.views[pageNo]!.getUint32(at + 8, true);
      let p = at + HEADER;
      const end = p + used;
      while (p < end) {
        let b = page[p++]!;
        let v = b & 0x7f;
        for (let shift = 7; b & 0x80; shift += 7) {
          b = page[p++]!;
          v += (b & 0x7f) * 2 ** shift;
        }
        doc += Math.floor(v / 2);
        docs[n] = doc;
        weights[n++] = v & 1 ? page[p++]! : 1;
      }
      if (isTail) return n;
      const view = this.views[pageNo]!;
      const nextPage = view.getUint32(at, true);
      if (nextPage === NONE) return n;
      addr = nextPage * PAGE_SPAN + view.getUint32(at + 4, true);
    }
  }

  /**
   * A term's whole payload, its blocks' bytes joined. Gaps run on across block boundaries, so the joined bytes
   * are a valid single-block list: this is how the index file stores each list.
   */
  payload(term: number): Uint8Array[] {
    const t = this.terms;
    if (term >= this.termCount || t.head[term]! < 0) return [];
    const parts: Uint8Array[] = [];
    let addr = t.head[term]!;
    const tail = t.tail[term]!;
    for (;;) {
      const pageNo = Math.floor(addr / PAGE_SPAN);
      const at = addr % PAGE_SPAN;
      const isTail = addr === tail;
      const used = isTail ? t.tailUsed[term]! : this.views[pageNo]!.getUint32(at + 8, true);
      parts.push(this.pages[pageNo]!.subarray(at + HEADER, at + HEADER + used));
      if (isTail) return parts;
      const nextPage = this.views[pageNo]!.getUint32(at, true);
      if (nextPage === NONE) return parts;
      addr = nextPage * PAGE_SPAN + this.views[pageNo]!.getUint32(at + 4, true);
    }
  }

  private allocBlock(payload: number): number {
    const need = HEADER + payload;
    if (this.pages.length === this.writable || this.cursor + need > NEW_PAGE_BYTES) {
      this.addPage(new Uint8Array(NEW_PAGE_BYTES));
      this.cursor = 0;
    }
    const pageNo = this.pages.length - 1;
    const at = this.cursor;
    this.cursor += need;
    this.views[pageNo]!.setUint32(at, NONE, true);
    return pageNo * PAGE_SPAN + at;
  }

  private addPage(page: Uint8Array): void {
    this.pages.push(page);
    this.views.push(new DataView(page.buffer, page.byteOffset, page.byteLength));
  }
}

/** Writes one posting at `at` (see the layout above) and answers where the next one goes. */
export function writePosting(out: Uint8Array, at: number, gap: number, weight: number): number {
  let v = gap * 2 + (weight === 1 ? 0 : 1);
  while (v >= 0x80) {
    out[at++] = (v & 0x7f) | 0x80;
    v = Math.floor(v / 128);
  }
  out[at++] = v;
  if (weight !== 1) out[at++] = weight;
  return at;
}

/** A single-block header for a list of `used` bytes, as the index file lays lists out. */
export function writeBlockHeader(view: DataView, at: number, used: number): void {
  view.setUint32(at, NONE, true);
  view.setUint32(at + 4, 0, true);
  view.setUint32(at + 8, used, true);
}

export const BLOCK_HEADER = HEADER;

export function allocTerms(n: number): ArenaTerms {
  return {
    head: new Float64Array(n).fill(-1),
    tail: new Float64Array(n),
    tailCap: new Uint32Array(n),
    tailUsed: new Uint32Array(n),
    lastDoc: new Int32Array(n).fill(-1),
    df: new Uint32Array(n),
  };
}

function growTerms(t: ArenaTerms, n: number): ArenaTerms {
  const g = allocTerms(n);
  g.head.set(t.head);
  g.tail.set(t.tail);
  g.tailCap.set(t.tailCap);
  g.tailUsed.set(t.tailUsed);
  g.lastDoc.set(t.lastDoc);
  g.df.set(t.df);
  return g;
}
