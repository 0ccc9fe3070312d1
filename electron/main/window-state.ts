import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileDurable } from '../core/store/durable-write.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const dimension = z.number().int().min(200).max(100_000);
const coordinate = z.number().int().min(-100_000).max(100_000);

const WindowStateSchema = z.object({
  x: coordinate,
  y: coordinate,
  width: dimension,
  height: dimension,
  maximized: z.boolean(),
});

export type WindowState = z.infer<typeof WindowStateSchema>;

/** Only the part of electron.screen this module needs, so tests can hand in fake monitors. */
export interface ScreenLike {
  getDisplayMatching(rect: Rect): { workArea: Rect };
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;

/** A missing, unreadable or hand-edited file just means "use the default size"; it never stops the app. */
export async function loadWindowState(file: string): Promise<WindowState | null> {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await writeFileDurable(file, `${JSON.stringify(WindowStateSchema.parse(state))}\n`);
}

/**
 * Puts saved bounds back on a monitor that still exists. A window saved on an unplugged second screen would
 * otherwise open invisibly off-screen, so it is moved (and, if need be, shrunk) into the nearest work area.
 */
export function fitToDisplay(bounds: Rect, screen: ScreenLike): Rect {
  const area = screen.getDisplayMatching(bounds).workArea;
  const width = Math.min(bounds.width, area.width);
  const height = Math.min(bounds.height, area.height);
  const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}

/** The bounds to open with: the saved ones made visible, or null to let the OS centre a default window. */
export function initialBounds(saved: WindowState | null, screen: ScreenLike): (Rect & { maximized: boolean }) | null {
  if (!saved) return null;
  return { ...fitToDisplay(saved, screen), maximized: saved.maximized };
}
