/**
 * The zip container of a bundle archive, laid out from entries whose CRC-32, sizes and compressed bytes are
 * already known. Compressing is thereby separate from laying out: it can run on another thread, article by
 * article, while the entries keep the fixed order the archive needs (README and manifest first, which are known
 * only once every other file has been hashed).
 *
 * The layout is the one yazl writes for buffer entries, so archives stay byte for byte what they were when
 * yazl wrote them (a unit test compares the two): sizes and CRC in the local header and no data descriptor,
 * UTF-8 names, no extra field locally; in the central directory "made by Unix, spec 6.3", the mode in the
 * external attributes and an Info-ZIP extended timestamp; zip64 end records only from 65,535 entries on.
 */

export interface ZipEntry {
  /** The name inside the archive, `/`-separated; the caller has checked it. */
  path: string;
  crc32: number;
  /** Uncompressed size in bytes. */
  size: number;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  /** The bytes as they go in the archive: deflated, or the file itself when stored. */
  data: Uint8Array;
}

/** The one time and mode every entry gets, so nothing about the machine or the moment reaches the bytes. */
export interface ZipStamp {
  /** Written from its UTC fields, never local time, so the archive is the same in every time zone. */
  mtime: Date;
  mode: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIR = 0x06054b50;
const ZIP64_END_OF_CENTRAL_DIR = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const VERSION_NEEDED = 20;
const VERSION_NEEDED_ZIP64 = 45;
/** Unix (3) in the high byte, APPNOTE 6.3 in the low one. */
const VERSION_MADE_BY = (3 << 8) | 63;
const UTF8_NAMES = 1 << 11;
const EXTENDED_TIMESTAMP = 0x5455;
/** The timestamp field says it has mtime and atime, as Info-ZIP writes it, though the central copy holds only mtime. */
const TIMESTAMP_FLAGS = 0b11;
const U32_LIMIT = 0xffffffff;
/** Writes are gathered into pieces of about this size: tens of thousands of tiny writes would cost more than the data. */
const PIECE_BYTES = 1 << 20;

/**
 * The archive, in pieces of about 1 MiB, in entry order. Throws a RangeError for an archive past 4 GiB, which
 * would need zip64 fields per entry; the reader's limits keep archives far below that.
 */
export function* zipPieces(entries: readonly ZipEntry[], stamp: ZipStamp): Generator<Buffer> {
  const { time, date } = dosDateTime(stamp.mtime);
  const unixTime = clampInt32(Math.floor(stamp.mtime.getTime() / 1000));
  const attributes = (stamp.mode << 16) >>> 0;
  const names = entries.map((e) => Buffer.from(e.path, 'utf8'));
  const out = new PieceBuffer();

  const offsets: number[] = [];
  for (const [i, e] of entries.entries()) {
    const name = names[i]!;
    if (out.offset >= U32_LIMIT || e.size >= U32_LIMIT || e.data.length >= U32_LIMIT) throw tooLarge();
    offsets.push(out.offset);
    const h = Buffer.alloc(30);
    h.writeUInt32LE(LOCAL_HEADER, 0);
    h.writeUInt16LE(VERSION_NEEDED, 4);
    h.writeUInt16LE(UTF8_NAMES, 6);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt16LE(time, 10);
    h.writeUInt16LE(date, 12);
    h.writeUInt32LE(e.crc32, 14);
    h.writeUInt32LE(e.data.length, 18);
    h.writeUInt32LE(e.size, 22);
    h.writeUInt16LE(name.length, 26);
    h.writeUInt16LE(0, 28); // no extra field
    out.put(h);
    out.put(name);
    out.put(e.data);
    if (out.full()) yield out.take();
  }

  const directoryStart = out.offset;
  for (const [i, e] of entries.entries()) {
    const name = names[i]!;
    if (offsets[i]! >= U32_LIMIT) throw tooLarge();
    const c = Buffer.alloc(46);
    c.writeUInt32LE(CENTRAL_HEADER, 0);
    c.writeUInt16LE(VERSION_MADE_BY, 4);
    c.writeUInt16LE(VERSION_NEEDED, 6);
    c.writeUInt16LE(UTF8_NAMES, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt16LE(time, 12);
    c.writeUInt16LE(date, 14);
    c.writeUInt32LE(e.crc32, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt16LE(9, 30); // extra field: the extended timestamp
    c.writeUInt16LE(0, 32); // no comment
    c.writeUInt16LE(0, 34); // disk 0
    c.writeUInt16LE(0, 36); // internal attributes
    c.writeUInt32LE(attributes, 38);
    c.writeUInt32LE(offsets[i]!, 42);
    const extra = Buffer.alloc(9);
    extra.writeUInt16LE(EXTENDED_TIMESTAMP, 0);
    extra.writeUInt16LE(5, 2);
    extra.writeUInt8(TIMESTAMP_FLAGS, 4);
    extra.writeInt32LE(unixTime, 5);
    out.put(c);
    out.put(name);
    out.put(extra);
    if (out.full()) yield out.take();
  }
  out.put(endRecords(entries.length, directoryStart, out.offset - directoryStart));
  yield out.take();
}

/** Small writes gathered into one buffer, handed out when it reaches PIECE_BYTES. */
class PieceBuffer {
  offset = 0;
  private parts: Uint8Array[] = [];
  private bytes = 0;

  put(part: Uint8Array): void {
    this.parts.push(part);
    this.bytes += part.length;
    this.offset += part.length;
  }

  full(): boolean {
    return this.bytes >= PIECE_BYTES;
  }

  take(): Buffer {
    const piece = Buffer.concat(this.parts, this.bytes);
    this.parts = [];
    this.bytes = 0;
    return piece;
  }
}

const tooLarge = (): RangeError => new RangeError('a zip archive past 4 GiB needs zip64 entries, which this writer does not write');

/** The end of central directory record, preceded by the zip64 record and locator when the count needs them. */
function endRecords(count: number, directoryStart: number, directorySize: number): Buffer {
  const zip64 = count >= 0xffff || directorySize >= U32_LIMIT || directoryStart >= U32_LIMIT;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIR, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(zip64 ? 0xffff : count, 8);
  end.writeUInt16LE(zip64 ? 0xffff : count, 10);
  end.writeUInt32LE(zip64 && directorySize >= U32_LIMIT ? U32_LIMIT : directorySize, 12);
  end.writeUInt32LE(zip64 && directoryStart >= U32_LIMIT ? U32_LIMIT : directoryStart, 16);
  end.writeUInt16LE(0, 20);
  if (!zip64) return end;

  const record = Buffer.alloc(56);
  record.writeUInt32LE(ZIP64_END_OF_CENTRAL_DIR, 0);
  record.writeBigUInt64LE(BigInt(56 - 12), 4);
  record.writeUInt16LE(VERSION_MADE_BY, 12);
  record.writeUInt16LE(VERSION_NEEDED_ZIP64, 14);
  record.writeUInt32LE(0, 16);
  record.writeUInt32LE(0, 20);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(directorySize), 40);
  record.writeBigUInt64LE(BigInt(directoryStart), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(ZIP64_LOCATOR, 0);
  locator.writeUInt32LE(0, 4);
  locator.writeBigUInt64LE(BigInt(directoryStart + directorySize), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([record, locator, end]);
}

const DOS_FIRST = Date.UTC(1980, 0, 1);
const DOS_LAST = Date.UTC(2107, 11, 31, 23, 59, 58);

/** MS-DOS date and time (two-second resolution) from the UTC fields, the date clamped to the years DOS can name. */
function dosDateTime(mtime: Date): { time: number; date: number } {
  const d = new Date(Math.min(Math.max(mtime.getTime(), DOS_FIRST), DOS_LAST));
  return {
    date: d.getUTCDate() | ((d.getUTCMonth() + 1) << 5) | ((d.getUTCFullYear() - 1980) << 9),
    time: Math.floor(d.getUTCSeconds() / 2) | (d.getUTCMinutes() << 5) | (d.getUTCHours() << 11),
  };
}

const clampInt32 = (n: number): number => Math.min(Math.max(n, -0x80000000), 0x7fffffff);
