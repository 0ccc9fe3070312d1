import { describe, expect, it } from 'vitest';
import { decodeSeedBytes, firstInvalidUtf8Offset } from '../../../electron/core/parse/decode.js';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
const ascii = (s: string): number[] => [...Buffer.from(s, 'latin1')];
const BOM8 = [0xef, 0xbb, 0xbf];

const fail = (r: ReturnType<typeof decodeSeedBytes>): string => {
  if (r.ok) throw new Error(`expected a rejection, got text ${JSON.stringify(r.text)}`);
  return r.reason;
};

describe('decodeSeedBytes: empty input', () => {
  it('rejects zero bytes', () => {
    expect(fail(decodeSeedBytes(bytes()))).toBe('empty file');
  });

  it.each([
    ['spaces and newlines', ascii('   \n\r\n\t  \n')],
    ['a UTF-8 BOM alone', BOM8],
    ['a UTF-8 BOM and blank lines', [...BOM8, ...ascii('\r\n\r\n')]],
    ['a UTF-16 LE BOM alone', [0xff, 0xfe]],
    ['UTF-16 BE whitespace', [0xfe, 0xff, 0x00, 0x20, 0x00, 0x0a]],
    ['no-break spaces', [0xc2, 0xa0, 0x0a, 0xc2, 0xa0]],
  ])('rejects %s as empty', (_, b) => {
    expect(fail(decodeSeedBytes(bytes(...b)))).toBe('empty file (only whitespace)');
  });
});

describe('decodeSeedBytes: binary', () => {
  it.each([
    ['at the start', [0x00, ...ascii('abc')], 0],
    ['in the middle', [...ascii('Headline\n'), 0x00, ...ascii('x')], 9],
    ['at the end', [...ascii('abc'), 0x00], 3],
    ['after a BOM (offset counts the BOM)', [...BOM8, ...ascii('ab'), 0x00], 5],
    ['before invalid UTF-8', [...ascii('a'), 0x00, 0xff], 1],
  ])('rejects a NUL byte %s with its offset', (_, b, at) => {
    expect(fail(decodeSeedBytes(bytes(...b)))).toBe(`binary file: NUL byte at offset ${at}`);
  });

  it('rejects a PNG header as binary', () => {
    expect(fail(decodeSeedBytes(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00)))).toBe('binary file: NUL byte at offset 8');
  });

  it('rejects UTF-16 text holding a NUL character', () => {
    expect(fail(decodeSeedBytes(bytes(0xff, 0xfe, 0x41, 0x00, 0x00, 0x00, 0x42, 0x00)))).toBe('binary file: NUL character in UTF-16 text');
  });
});

describe('decodeSeedBytes: invalid UTF-8 names the byte offset', () => {
  it.each([
    ['a lone continuation byte', [...ascii('ab'), 0x80, ...ascii('c')], 2],
    ['a continuation byte at the start', [0xbf, ...ascii('abc')], 0],
    ['a truncated 3-byte sequence at the end', [...ascii('abcd'), 0xe2, 0x82], 4],
    ['a truncated 2-byte sequence followed by ASCII', [...ascii('x'), 0xc3, ...ascii('y')], 1],
    ['a truncated 4-byte sequence mid-text', [...ascii('hi '), 0xf0, 0x9f, 0x98, ...ascii(' there')], 3],
    ['an overlong 2-byte "/" (C0 AF)', [...ascii('a/'), 0xc0, 0xaf], 2],
    ['an overlong 2-byte NUL (C1 80)', [0xc1, 0x80], 0],
    ['an overlong 3-byte "/" (E0 80 AF)', [...ascii('ok '), 0xe0, 0x80, 0xaf], 3],
    ['an overlong 4-byte (F0 80 80 AF)', [0xf0, 0x80, 0x80, 0xaf], 0],
    ['a UTF-16 surrogate encoded in UTF-8 (ED A0 80)', [...ascii('e?'), 0xed, 0xa0, 0x80], 2],
    ['a low surrogate encoded in UTF-8 (ED BF BF)', [...ascii('abcde'), 0xed, 0xbf, 0xbf], 5],
    ['a code point above U+10FFFF (F4 90 80 80)', [...ascii('z'), 0xf4, 0x90, 0x80, 0x80], 1],
    ['a byte that never occurs (F5)', [...ascii('zz'), 0xf5, 0x80, 0x80, 0x80], 2],
    ['a byte that never occurs (FF)', [0xff], 0],
    ['Latin-1 é (E9) after valid UTF-8 é', [0xc3, 0xa9, ...ascii(' caf'), 0xe9, ...ascii('!')], 6],
    ['after a BOM (offset counts the BOM)', [...BOM8, ...ascii('ab'), 0x80], 5],
  ])('%s', (_, b, at) => {
    expect(fail(decodeSeedBytes(bytes(...b)))).toBe(`invalid UTF-8 at byte offset ${at}`);
  });

  it('reports only the first of several faults', () => {
    expect(fail(decodeSeedBytes(bytes(...ascii('a'), 0xc3, 0xa9, 0x80, 0xff)))).toBe('invalid UTF-8 at byte offset 3');
  });

  it('finds no fault in well-formed text, including 4-byte sequences and the range edges', () => {
    const good = new TextEncoder().encode('a é € 😀 \u{10ffff} \u{d7ff} \u{e000}');
    expect(firstInvalidUtf8Offset(good)).toBe(-1);
  });
});

describe('decodeSeedBytes: encodings', () => {
  const sample = 'Seúl: “café” — 😀 مرحبا\r\nSecond line';

  it('reads plain UTF-8', () => {
    expect(decodeSeedBytes(new TextEncoder().encode(sample))).toEqual({ ok: true, text: sample, encoding: 'utf-8' });
  });

  it('strips a UTF-8 BOM and reports it', () => {
    const r = decodeSeedBytes(bytes(...BOM8, ...new TextEncoder().encode(sample)));
    expect(r).toEqual({ ok: true, text: sample, encoding: 'utf-8-bom' });
  });

  it('keeps a second BOM that is part of the text (only the first one is a mark)', () => {
    const r = decodeSeedBytes(bytes(...BOM8, ...BOM8, ...ascii('x')));
    expect(r).toEqual({ ok: true, text: '\ufeffx', encoding: 'utf-8-bom' });
  });

  it('reads UTF-16 LE with a BOM', () => {
    const r = decodeSeedBytes(bytes(0xff, 0xfe, ...Buffer.from(sample, 'utf16le')));
    expect(r).toEqual({ ok: true, text: sample, encoding: 'utf-16le' });
  });

  it('reads UTF-16 BE with a BOM', () => {
    const r = decodeSeedBytes(bytes(0xfe, 0xff, ...Buffer.from(sample, 'utf16le').swap16()));
    expect(r).toEqual({ ok: true, text: sample, encoding: 'utf-16be' });
  });

  it.each([
    ['LE', [0xff, 0xfe, 0x41, 0x00, 0x42], 'invalid UTF-16LE: odd number of bytes'],
    ['BE', [0xfe, 0xff, 0x00, 0x41, 0x00], 'invalid UTF-16BE: odd number of bytes'],
    ['LE with only a BOM and one byte', [0xff, 0xfe, 0x41], 'invalid UTF-16LE: odd number of bytes'],
  ])('rejects odd-length UTF-16 %s', (_, b, reason) => {
    expect(fail(decodeSeedBytes(bytes(...b)))).toBe(reason);
  });

  it('rejects UTF-16 with an unpaired surrogate', () => {
    // "A", then a lone high surrogate D800, then "B".
    expect(fail(decodeSeedBytes(bytes(0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00)))).toBe('invalid UTF-16LE: unpaired surrogate');
    expect(fail(decodeSeedBytes(bytes(0xfe, 0xff, 0xdc, 0x00)))).toBe('invalid UTF-16BE: unpaired surrogate');
  });

  it('does not normalise or otherwise alter text (the parser normalises per line, offsets stay true)', () => {
    const decomposed = 'Cafe\u0301\n';
    expect(decodeSeedBytes(new TextEncoder().encode(decomposed))).toEqual({ ok: true, text: decomposed, encoding: 'utf-8' });
  });
});
