import { expect, rows, test } from './desk-fixture.js';

test.use({ seedPaths: ['seeds', 'tests/fixtures/e2e/hostile.txt'] });

test('markup inside article text is shown as text and never runs', async ({ page, desk }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(desk.url);
  const row = rows(page).filter({ hasText: 'Council' });
  await expect(row).toContainText('Council <script>alert(1)</script> votes on budget');
  await row.click();
  const reader = page.getByRole('article');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Council <script>alert(1)</script> votes on budget');
  await expect(reader.locator('.body')).toContainText('<img src=x onerror=alert(1)> was pasted into the minutes.');
  await expect(reader.locator('.highlights')).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.getByRole('region', { name: 'Source text' })).toContainText('<a href="javascript:alert(1)">click</a>');
  // Nothing from the article became an element.
  await expect(page.locator('.reader img, .reader script, .reader a, .list-pane img, .list-pane script')).toHaveCount(0);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});
