import { METHOD_NAMES } from '../../electron/core/api-methods.js';
import { expect, test } from './electron-app.js';

test('opens one sandboxed, context-isolated window on app://copydesk', async ({ electronApp, page }) => {
  await expect(page).toHaveTitle(/Copydesk/);
  expect(page.url()).toMatch(/^app:\/\/copydesk\//);
  expect(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.getTitle()))).toHaveLength(1);

  // No Node in the page: contextIsolation, sandbox and nodeIntegration:false all hold.
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');

  // The bridge is the narrow, named API and nothing more.
  const keys = await page.evaluate(() => Object.keys((globalThis as unknown as { copydesk: object }).copydesk));
  expect(keys.sort()).toEqual([...METHOD_NAMES, 'onEvent', 'pickImport', 'pathForFile'].sort());
});

test('serves the renderer with its CSP and refuses to navigate away', async ({ page }) => {
  const csp = await page.evaluate(async () => (await fetch('app://copydesk/index.html')).headers.get('content-security-policy'));
  expect(csp).toContain("default-src 'none'");
  expect(await page.evaluate(async () => (await fetch('app://copydesk/../package.json')).status)).toBe(404);

  await page.evaluate(() => {
    (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toMatch(/^app:\/\/copydesk\//);
});
