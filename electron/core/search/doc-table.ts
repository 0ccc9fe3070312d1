/**
 * The indexed documents, by number. A changed article gets a new number and its old one is marked dead rather
 * than removed from every posting list it appears in; dead numbers are dropped when the index file is
 * rewritten (see index-file.ts).
 */
export class DocTable {
  ids: string[] = [];
  lengths: Uint32Array = new Uint32Array(1024);
  /** A fingerprint of the indexed text, so that a change that leaves the text alone (a tag) costs nothing. */
  hashes: Uint32Array = new Uint32Array(1024);
  alive: Uint8Array = new Uint8Array(1024);
  private readonly byId = new Map<string, number>();
  liveCount = 0;
  /** Sum of the live documents' lengths, for the average length in BM25. */
  liveLength = 0;

  static fromParts(ids: string[], lengths: Uint32Array, hashes: Uint32Array, alive: Uint8Array): DocTable {
    const t = new DocTable();
    t.ids = ids;
    t.lengths = lengths;
    t.hashes = hashes;
    t.alive = alive;
    for (let d = 0; d < ids.length; d++) {
      if (!alive[d]) continue;
      t.byId.set(ids[d]!, d);
      t.liveCount++;
      t.liveLength += lengths[d]!;
    }
    return t;
  }

  get count(): number {
    return this.ids.length;
  }

  get dead(): number {
    return this.ids.length - this.liveCount;
  }

  numberOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  add(id: string, length: number, hash: number): number {
    const d = this.ids.length;
    if (d >= this.lengths.length) this.grow(d * 2);
    this.ids.push(id);
    this.lengths[d] = length;
    this.hashes[d] = hash;
    this.alive[d] = 1;
    this.byId.set(id, d);
    this.liveCount++;
    this.liveLength += length;
    return d;
  }

  kill(id: string): void {
    const d = this.byId.get(id);
    if (d === undefined) return;
    this.byId.delete(id);
    this.alive[d] = 0;
    this.liveCount--;
    this.liveLength -= this.lengths[d]!;
  }

  private grow(n: number): void {
    const lengths = new Uint32Array(n);
    lengths.set(this.lengths);
    const hashes = new Uint32Array(n);
    hashes.set(this.hashes);
    const alive = new Uint8Array(n);
    alive.set(this.alive);
    this.lengths = lengths;
    this.hashes = hashes;
    this.alive = alive;
  }
}
