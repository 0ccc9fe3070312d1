import { chromium } from 'playwright-core';
import { serveDesk } from '../../tests/support/serve-desk.js';
import type { Samples } from './figures.js';

/** How far the list moves each animation frame while it is scrolled from top to bottom: three screens. */
const SCREENS_PER_FRAME = 3;
const TYPED_QUERY = 'officials budget';
/** About eight characters a second: a quick typist. */
const KEY_DELAY_MS = 120;
const SERVE_TIMEOUT_MS = 120_000;

interface Observed {
  firstRows: number | null;
  longtasks: { start: number; duration: number }[];
  events: { name: string; start: number; duration: number; delay: number }[];
}

/**
 * The little of the page's globals used here. This file is compiled for Node, without the DOM's types, and the
 * functions handed to the page are sent as source, so each one takes its globals from `globalThis` itself.
 */
interface PageElement {
  scrollTop: number;
  clientHeight: number;
  scrollHeight: number;
  value?: string;
  getAttribute(name: string): string | null;
  scrollTo(x: number, y: number): void;
}
interface PageEntry {
  name: string;
  startTime: number;
  duration: number;
  processingStart?: number;
}
interface PageGlobals {
  __bench: Observed;
  document: { querySelector(selector: string): PageElement | null };
  requestAnimationFrame(step: () => void): number;
  PerformanceObserver: new (cb: (list: { getEntries(): PageEntry[] }) => void) => { observe(opts: object): void };
  MutationObserver: new (cb: () => void) => { observe(target: unknown, opts: object): void; disconnect(): void };
}

/**
 * The desk in a browser, served by the real `copydesk serve` (browser mode) and driven in Debian's Chromium:
 * time from navigation to the first list rows, then long tasks (over 50 ms, the Long Tasks API) while a search is
 * typed (until its results show, highlighted), with the input delay of every key, and while the list is
 * scrolled from top to bottom, three screens an animation frame.
 */
export async function measureRenderer(deskDir: string): Promise<Samples[]> {
  const served = await serveDesk(deskDir, { NODE_ENV: 'production' }, SERVE_TIMEOUT_MS);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // tsx (esbuild, keepNames) wraps named inner functions in __name(); the page must have one to run them.
    await page.addInitScript('globalThis.__name ??= (fn) => fn;');
    await page.addInitScript(observe);
    await page.goto(served.url);
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__bench.firstRows !== null, null, { timeout: 60_000, polling: 100 });
    const firstRows = await page.evaluate(() => (globalThis as unknown as PageGlobals).__bench.firstRows!);

    // Typing first, while the server is idle: scrolling fast through 100,000 rows asks it for every page it
    // passes, and it answers them long after the scroll is over.
    const box = page.getByRole('searchbox', { name: 'Search the desk' });
    await box.click();
    const label = (): string | null => (globalThis as unknown as PageGlobals).document.querySelector('.list-scroll')?.getAttribute('aria-label') ?? null;
    const whole = await page.evaluate(label);
    const typing = await during(page, async () => {
      await box.pressSequentially(TYPED_QUERY, { delay: KEY_DELAY_MS });
      // Done when the list shows the results: its label ("Articles, N in view") no longer counts the whole desk.
      await page.waitForFunction(
        ([before]) => {
          const list = (globalThis as unknown as PageGlobals).document.querySelector('.list-scroll');
          const now = list?.getAttribute('aria-label') ?? '';
          return /^Articles, \d+ in view/.test(now) && now !== before;
        },
        [whole] as const,
        { timeout: 120_000 },
      );
    });

    // The scroll starts from a fresh load of the whole list.
    await page.goto(served.url);
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__bench.firstRows !== null, null, { timeout: 60_000, polling: 100 });
    const scroll = await during(page, () => page.evaluate(scrollToBottom, SCREENS_PER_FRAME));
    const keys = typing.events.filter((e) => e.name === 'keydown' || e.name === 'keypress' || e.name === 'input' || e.name === 'keyup');

    return [
      { metric: 'renderer-first-rows', unit: 'ms', values: [firstRows] },
      { metric: 'renderer-scroll-longtask', unit: 'ms', values: durationsOrZero(scroll.longtasks) },
      { metric: 'renderer-scroll-longtasks', unit: 'count', values: [scroll.longtasks.length] },
      { metric: 'renderer-typing-longtask', unit: 'ms', values: durationsOrZero(typing.longtasks) },
      { metric: 'renderer-typing-longtasks', unit: 'count', values: [typing.longtasks.length] },
      { metric: 'renderer-input-delay', unit: 'ms', values: keys.length > 0 ? keys.map((e) => e.delay) : [0] },
    ];
  } finally {
    await browser.close();
    served.child.kill('SIGTERM');
    const hard = setTimeout(() => served.child.kill('SIGKILL'), 10_000);
    await served.exited;
    clearTimeout(hard);
  }
}

/** The long tasks and event timings observed while `act` runs. */
async function during(page: import('playwright-core').Page, act: () => Promise<unknown>): Promise<Omit<Observed, 'firstRows'>> {
  await page.evaluate(() => {
    const { __bench } = globalThis as unknown as PageGlobals;
    __bench.longtasks = [];
    __bench.events = [];
  });
  await act();
  // Entries are delivered asynchronously; give the observers a frame or two to report the last ones.
  await page.waitForTimeout(250);
  return page.evaluate(() => {
    const { __bench } = globalThis as unknown as PageGlobals;
    return { longtasks: __bench.longtasks, events: __bench.events };
  });
}

/** With no long task the figure is 0 ms, not missing: "none over 50 ms" is the finding. */
const durationsOrZero = (tasks: { duration: number }[]): number[] => (tasks.length > 0 ? tasks.map((t) => t.duration) : [0]);

/** Runs in the page before its own scripts. */
function observe(): void {
  const g = globalThis as unknown as PageGlobals;
  const bench: Observed = { firstRows: null, longtasks: [], events: [] };
  g.__bench = bench;
  new g.PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  new g.PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.events.push({ name: e.name, start: e.startTime, duration: e.duration, delay: (e.processingStart ?? e.startTime) - e.startTime });
  }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  const rows = new g.MutationObserver(() => {
    if (bench.firstRows === null && g.document.querySelector('.list-scroll [role="option"]')) {
      bench.firstRows = performance.now();
      rows.disconnect();
    }
  });
  rows.observe(g.document, { childList: true, subtree: true });
}

/** Runs in the page: scrolls the list to its end, `screens` viewport heights per animation frame. */
function scrollToBottom(screens: number): Promise<number> {
  const g = globalThis as unknown as PageGlobals;
  const list = g.document.querySelector('.list-scroll')!;
  return new Promise((resolve) => {
    let frames = 0;
    const step = (): void => {
      frames++;
      list.scrollTop += list.clientHeight * screens;
      if (list.scrollTop + list.clientHeight >= list.scrollHeight - 1) resolve(frames);
      else g.requestAnimationFrame(step);
    };
    g.requestAnimationFrame(step);
  });
}
