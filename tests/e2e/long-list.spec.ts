import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { runCli } from '../integration/run-cli.js';
import { writeVariedCorpus } from '../support/seed-corpus.js';
import { type ServedDesk, serveDesk } from '../support/serve-desk.js';
import { expect, rows, test } from './desk-fixture.js';

/**
 * A list of many pages (100 rows each): the rows shown are fetched where the view stops, not on the way there,
 * and come back wherever the view is when the desk changes under it. One desk for the file, made once.
 */
const ARTICLES = 1500;
let root: string;
let served: ServedDesk;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  root = await mkdtemp(join(tmpdir(), 'copydesk-e2e-long-'));
  const corpus = await writeVariedCorpus(join(root, 'corpus'), { articles: ARTICLES });
  const imported = await runCli(['import', corpus.dir, '--db', join(root, 'desk'), '--json']);
  expect(imported.code, imported.stderr).toBe(0);
  served = await serveDesk(join(root, 'desk'));
});

test.afterAll(async () => {
  served?.child.kill('SIGTERM');
  await served?.exited;
  await rm(root, { recursive: true, force: true });
});

const listScroll = (page: Page) => page.locator('.list-scroll');
const placeholders = (page: Page) => page.locator('.list-scroll .row.placeholder');

test('a fast scroll to the end shows the last rows, without asking for every page it passed', async ({ page }) => {
  let asked = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/listArticles') asked++;
  });
  await page.goto(served.url);
  await expect(page.getByRole('listbox', { name: `Articles, ${ARTICLES} in view` })).toBeVisible();
  await expect(rows(page).first()).toBeVisible();

  // Twenty screens an animation frame: well past a page (100 rows) each frame. (This file is type-checked
  // without the DOM's types, so the page's requestAnimationFrame is taken from its globalThis.)
  await listScroll(page).evaluate(
    (list) =>
      new Promise<void>((resolve) => {
        const { requestAnimationFrame: nextFrame } = globalThis as unknown as { requestAnimationFrame(step: () => void): number };
        const step = (): void => {
          list.scrollTop += list.clientHeight * 20;
          if (list.scrollTop + list.clientHeight >= list.scrollHeight - 1) resolve();
          else nextFrame(step);
        };
        nextFrame(step);
      }),
  );
  await expect(placeholders(page)).toHaveCount(0);
  await expect(rows(page).last()).toBeInViewport();
  // The first page, then the one or two under the view at the end; not the fifteen passed on the way.
  expect(asked).toBeLessThan(8);
});

test('the rows in view come back when the desk changes while the list is scrolled deep into it', async ({ page }) => {
  await page.goto(served.url);
  await expect(rows(page).first()).toBeVisible();
  await listScroll(page).evaluate((list) => (list.scrollTop = 68 * 730));
  await expect(placeholders(page)).toHaveCount(0);
  const id = await rows(page).nth(3).getAttribute('data-id');

  // A change made elsewhere (here through the API): the desk says so, and the list reloads.
  const res = await fetch(new URL('/api/addTags', served.origin), {
    method: 'POST',
    headers: { Authorization: `Bearer ${served.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ids: [id], tags: ['deep-change'] }),
  });
  expect(((await res.json()) as { ok: boolean }).ok).toBe(true);

  const same = page.locator(`.list-scroll [role="option"][data-id="${id}"]`);
  await expect(same.locator('.tag', { hasText: 'deep-change' })).toBeVisible();
  await expect(placeholders(page)).toHaveCount(0);
});
