import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Rect, type ScreenLike, fitToDisplay, initialBounds, loadWindowState, saveWindowState,
} from '../../../electron/main/window-state.js';

/** Picks the display whose work area overlaps the rect most, else the first (as Electron falls back to the nearest). */
function fakeScreen(...workAreas: Rect[]): ScreenLike {
  const overlap = (a: Rect, b: Rect) =>
    Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
    Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return {
    getDisplayMatching(rect) {
      const best = [...workAreas].sort((a, b) => overlap(b, rect) - overlap(a, rect))[0]!;
      return { workArea: best };
    },
  };
}

const laptop: Rect = { x: 0, y: 25, width: 1440, height: 875 };
const external: Rect = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('window state file', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'copydesk-winstate-'));
    file = join(dir, 'window-state.json');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips through a durable write', async () => {
    const state = { x: 100, y: 80, width: 1200, height: 700, maximized: true };
    await saveWindowState(file, state);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(state);
    await expect(loadWindowState(file)).resolves.toEqual(state);
  });

  it('treats a missing file as no saved state', async () => {
    await expect(loadWindowState(file)).resolves.toBeNull();
  });

  it.each([
    ['not JSON', '{"x": 1,'],
    ['an array', '[1,2,3]'],
    ['missing fields', '{"x": 0, "y": 0}'],
    ['strings for numbers', '{"x":"0","y":"0","width":"800","height":"600","maximized":false}'],
    ['fractions', '{"x":0.5,"y":0,"width":800,"height":600,"maximized":false}'],
    ['a tiny window', '{"x":0,"y":0,"width":1,"height":1,"maximized":false}'],
    ['absurd coordinates', '{"x":1e12,"y":0,"width":800,"height":600,"maximized":false}'],
    ['a wrong flag', '{"x":0,"y":0,"width":800,"height":600,"maximized":"yes"}'],
  ])('ignores a file holding %s', async (_name, text) => {
    await writeFile(file, text);
    await expect(loadWindowState(file)).resolves.toBeNull();
  });

  it('refuses to save bounds it would refuse to load', async () => {
    await expect(saveWindowState(file, { x: 0, y: 0, width: Number.NaN, height: 600, maximized: false })).rejects.toThrow();
    await expect(loadWindowState(file)).resolves.toBeNull();
  });
});

describe('fitToDisplay', () => {
  const screen = fakeScreen(laptop, external);

  it('leaves bounds that are already visible alone', () => {
    expect(fitToDisplay({ x: 100, y: 100, width: 1000, height: 700 }, screen)).toEqual({ x: 100, y: 100, width: 1000, height: 700 });
    expect(fitToDisplay({ x: 2000, y: 200, width: 1600, height: 1000 }, screen)).toEqual({ x: 2000, y: 200, width: 1600, height: 1000 });
  });

  it('brings back a window left on a monitor that is gone', () => {
    const onlyLaptop = fakeScreen(laptop);
    const fitted = fitToDisplay({ x: 2000, y: 200, width: 1600, height: 1000 }, onlyLaptop);
    expect(fitted).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
  });

  it('pulls a half off-screen window fully onto its display', () => {
    expect(fitToDisplay({ x: -300, y: -50, width: 800, height: 600 }, screen)).toEqual({ x: 0, y: 25, width: 800, height: 600 });
    expect(fitToDisplay({ x: 1000, y: 600, width: 800, height: 600 }, fakeScreen(laptop))).toEqual({ x: 640, y: 300, width: 800, height: 600 });
  });

  it('shrinks a window larger than the display', () => {
    expect(fitToDisplay({ x: 0, y: 0, width: 5000, height: 3000 }, fakeScreen(laptop))).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
  });

  it('keeps the maximised flag and lets the OS choose when nothing was saved', () => {
    expect(initialBounds({ x: 10, y: 30, width: 900, height: 600, maximized: true }, screen)).toEqual({
      x: 10, y: 30, width: 900, height: 600, maximized: true,
    });
    expect(initialBounds(null, screen)).toBeNull();
  });
});
