/**
 * The committed icon files (scripts/make-icons.ts, `npm run icons`): the right sizes in the right containers,
 * and rendered from the current resources/icon.svg.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ICNS_ENTRIES, ICO_SIZES, LINUX_SIZES, renderPng } from '../../../scripts/make-icons.js';

const resources = fileURLToPath(new URL('../../../resources/', import.meta.url));
const read = (name: string): Buffer => readFileSync(join(resources, name));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('icon files', () => {
  it('has a 1024 px master PNG and one Linux PNG per hicolor size', () => {
    expect(pngSize(read('icon.png'))).toEqual([1024, 1024]);
    for (const size of LINUX_SIZES) expect(pngSize(read(`icons/${size}x${size}.png`)), `${size}`).toEqual([size, size]);
  });

  it('has a Windows .ico holding every size from 16 to 256 px', () => {
    const ico = read('icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // reserved, type 1 = icon
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + i * 16;
      const [w, h] = [ico[entry]! || 256, ico[entry + 1]! || 256];
      expect(w).toBe(h);
      const [bytes, offset] = [ico.readUInt32LE(entry + 8), ico.readUInt32LE(entry + 12)];
      expect(offset + bytes).toBeLessThanOrEqual(ico.length);
      sizes.push(w);
    }
    expect(sizes.sort((a, b) => a - b)).toEqual([...ICO_SIZES]);
  });

  it('has a macOS .icns with every Retina and standard size, each image the size its type says', () => {
    const icns = read('icon.icns');
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: Array<[string, number | null]> = [];
    for (let at = 8; at < icns.length; ) {
      const type = icns.subarray(at, at + 4).toString('latin1');
      const length = icns.readUInt32BE(at + 4);
      const data = icns.subarray(at + 8, at + length);
      // ic04/ic05 hold ARGB pixels, the TOC a table; the other types hold PNGs.
      found.push([type, data.subarray(0, 8).equals(PNG_SIGNATURE) ? pngSize(data)[0] : null]);
      at += length;
    }
    expect(found[0]![0]).toBe('TOC ');
    const expected = ICNS_ENTRIES.map(([type, size]) => [type, type === 'ic04' || type === 'ic05' ? null : size]);
    expect(found.slice(1)).toEqual(expected);
  });

  it('was rendered from the current icon.svg (run `npm run icons` after editing it)', () => {
    const svg = read('icon.svg').toString('utf8');
    for (const size of [16, 32, 256]) expect(renderPng(svg, size).equals(read(`icons/${size}x${size}.png`)), `${size}x${size}.png`).toBe(true);
    expect(renderPng(svg, 1024).equals(read('icon.png')), 'icon.png').toBe(true);
  });
});
