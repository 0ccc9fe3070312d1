import { fileURLToPath } from 'node:url';
import { HEADLINE_1, expect, rows, test } from './desk-fixture.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/e2e/harbour-strike.txt', import.meta.url));
const EMPTY = fileURLToPath(new URL('../fixtures/e2e/empty.txt', import.meta.url));

test('importing files from the UI shows progress, then what happened to each file', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(rows(page)).toHaveCount(2);
  // Slow the upload a little so the progress state is observable, as it is for a large real file.
  await page.route('**/api/importUploads', async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
  await page.getByTestId('import-input').setInputFiles([FIXTURE, EMPTY]);
  const status = page.getByRole('region', { name: 'Import' });
  await expect(status.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
  await expect(status).toContainText(/Importing (harbour-strike|empty)\.txt…/);
  await expect(status).toContainText('Import finished: 1 imported, 0 updated, 0 unchanged, 1 failed');
  await expect(status.locator('li.ok')).toContainText('harbour-strike.txt 1 article');
  await expect(status.locator('li.failed')).toContainText('empty.txt');
  await expect(status.locator('li.failed')).toContainText('empty file');
  // The list follows the desk: the new article appears without a reload.
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).nth(0)).toContainText(HEADLINE_1);
  await expect(rows(page).nth(2)).toContainText('Dockworkers end week-long strike at Rotterdam port');
  await status.getByRole('button', { name: 'Close the import report' }).click();
  await expect(status).toHaveCount(0);
});
