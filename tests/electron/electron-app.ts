import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ElectronApplication, type Page, _electron as electron, test as base } from '@playwright/test';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixturePath = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

interface AppFixtures {
  /** A fresh, empty desk folder (COPYDESK_DB) for this test alone. */
  deskDir: string;
  electronApp: ElectronApplication;
  page: Page;
}

/**
 * Each test launches the built app (`npm run build` first) with its own desk and its own userData, so tests
 * never share a store, window state or the single-instance lock, and never touch the editor's real desk.
 */
export const test = base.extend<AppFixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form for fixtures.
  deskDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'copydesk-e2e-desk-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  electronApp: async ({ deskDir }, use) => {
    const userData = await mkdtemp(join(tmpdir(), 'copydesk-e2e-profile-'));
    const app = await electron.launch({
      // Chromium refuses to start as root with its OS sandbox (CI containers); the page sandbox stays on.
      // `electron .` as npm start runs it: package.json's main (dist/electron/main.js), name and version.
      args: ['.', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      cwd: repoRoot,
      env: { ...process.env, COPYDESK_DB: deskDir, COPYDESK_USER_DATA: userData, NODE_ENV: 'test' },
    });
    await use(app);
    await app.close();
    await rm(userData, { recursive: true, force: true });
  },
  page: async ({ electronApp }, use) => {
    const page = await electronApp.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await use(page);
  },
});

export { expect } from '@playwright/test';
