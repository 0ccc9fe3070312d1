/**
 * Renders resources/icon.svg into every icon file a build needs, and writes them beside it:
 *
 *   resources/icon.png           1024 px, the master raster
 *   resources/icon.icns          macOS (mac.icon)
 *   resources/icon.ico           Windows (win.icon), 16–256 px
 *   resources/icons/NxN.png      Linux (linux.icon), one per hicolor size; 16x16 and 32x32 double as the
 *                                small-size previews to look at after editing the SVG
 *
 * Each size is rendered from the SVG itself (resvg), not scaled down from the 1024 px image, so small sizes keep
 * the pixel-grid alignment the SVG was drawn for. The outputs are committed: a build never runs this.
 *
 *   npm run icons                      regenerate after editing resources/icon.svg
 *   npm run icons -- --preview DIR     also write DIR/preview-16.png and DIR/preview-32.png, the 16 and 32 px
 *                                      icons blown up (nearest neighbour) to 256 px for a close look
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { IconIcns, IconIco } from '@shockpkg/icon-encoder';

/** The hicolor sizes a Linux desktop looks for. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;
/** Windows: shell lists and title bars at 16–48, tiles and large views up to 256 (electron-builder wants ≥ 256). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** macOS ICNS entries (type, pixels), in the order iconutil writes them. */
export const ICNS_ENTRIES = [
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic04', 16],
  ['ic14', 512],
  ['ic09', 512],
  ['ic05', 32],
  ['ic10', 1024],
  ['ic11', 32],
] as const;

/** One square PNG of the SVG at `size` pixels. */
export function renderPng(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

export async function buildIco(pngAt: (size: number) => Buffer): Promise<Uint8Array> {
  const ico = new IconIco();
  // Largest first, as Windows tools write them; the encoder picks BMP or PNG per size for compatibility.
  for (const size of [...ICO_SIZES].reverse()) await ico.addFromPng(pngAt(size));
  return ico.encode();
}

export async function buildIcns(pngAt: (size: number) => Buffer): Promise<Uint8Array> {
  const icns = new IconIcns();
  icns.toc = true;
  for (const [type, size] of ICNS_ENTRIES) await icns.addFromPng(pngAt(size), [type], true);
  return icns.encode();
}

/** Writes every icon file into `resourcesDir` from its icon.svg; returns the paths written. */
export async function makeIcons(resourcesDir: string): Promise<string[]> {
  const svg = readFileSync(join(resourcesDir, 'icon.svg'), 'utf8');
  const cache = new Map<number, Buffer>();
  const pngAt = (size: number): Buffer => {
    let png = cache.get(size);
    if (!png) cache.set(size, (png = renderPng(svg, size)));
    return png;
  };
  const written: string[] = [];
  const write = (path: string, data: Uint8Array): void => {
    writeFileSync(path, data);
    written.push(path);
  };
  write(join(resourcesDir, 'icon.png'), pngAt(1024));
  write(join(resourcesDir, 'icon.icns'), await buildIcns(pngAt));
  write(join(resourcesDir, 'icon.ico'), await buildIco(pngAt));
  mkdirSync(join(resourcesDir, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) write(join(resourcesDir, 'icons', `${size}x${size}.png`), pngAt(size));
  return written;
}

/** The small PNG blown up to `target` px with hard pixel edges, so each real pixel can be judged. */
export function upscalePng(png: Buffer, target: number): Buffer {
  const href = `data:image/png;base64,${png.toString('base64')}`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${target}" height="${target}">` +
    `<rect width="${target}" height="${target}" fill="#ffffff"/>` +
    `<image href="${href}" width="${target}" height="${target}" image-rendering="optimizeSpeed"/></svg>`;
  return renderPng(svg, target);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const resources = fileURLToPath(new URL('../resources', import.meta.url));
  for (const path of await makeIcons(resources)) console.log(`wrote ${path}`);
  const at = process.argv.indexOf('--preview');
  if (at !== -1) {
    const dir = process.argv[at + 1];
    if (!dir) throw new Error('--preview needs a directory');
    mkdirSync(dir, { recursive: true });
    for (const size of [16, 32]) {
      const preview = join(dir, `preview-${size}.png`);
      writeFileSync(preview, upscalePng(readFileSync(join(resources, 'icons', `${size}x${size}.png`)), 256));
      console.log(`wrote ${preview}`);
    }
  }
}
