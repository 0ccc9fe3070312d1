import { HEADLINE_1, HEADLINE_2, expect, rows, test } from './desk-fixture.js';

test('the list shows both seed articles', async ({ page, desk }) => {
  await page.goto(desk.url);
  const list = rows(page);
  await expect(list).toHaveCount(2);
  await expect(list.nth(0)).toContainText(HEADLINE_1);
  await expect(list.nth(0)).toContainText('SEOUL');
  await expect(list.nth(0)).toContainText('2025-08-13');
  await expect(list.nth(1)).toContainText(HEADLINE_2);
  await expect(list.nth(1)).toContainText('relative');
  await expect(list.nth(1).locator('.badge.warn')).toHaveText('⚠ 1');
  // The token left the address bar as soon as the page read it.
  expect(page.url()).not.toContain('token=');
});

test('searching Kursk leaves only article 1, with the match marked', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole('searchbox', { name: 'Search the desk' }).fill('Kursk');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText(HEADLINE_1);
  await rows(page).first().click();
  await expect(page.locator('.fields mark').first()).toHaveText(/Kursk/);
});

test('opening article 1 shows SEOUL, 8 paragraphs and the source beside them', async ({ page, desk }) => {
  await page.goto(desk.url);
  await rows(page).filter({ hasText: HEADLINE_1 }).click();
  const reader = page.getByRole('article');
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(HEADLINE_1);
  await expect(reader.locator('.meta')).toContainText('SEOUL');
  await expect(reader.locator('.body p')).toHaveCount(8);
  await expect(reader.locator('.caption')).toContainText('(REUTERS)');
  const source = page.getByRole('region', { name: 'Source text' });
  await expect(source).toBeVisible();
  await expect(source.locator('pre')).toContainText('Short Url');

  // Choosing a paragraph marks exactly its span in the source.
  await reader.locator('.body p').nth(3).click();
  await expect(source.locator('mark')).toHaveText(/^Kim in turn pledged that North Korea would/);
});

test('the keyboard alone moves, opens, goes back and searches', async ({ page, desk }) => {
  await page.goto(desk.url);
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole('listbox').focus();
  await expect(rows(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('j');
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(HEADLINE_2);
  await page.keyboard.press('k');
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(HEADLINE_1);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('article')).toHaveCount(0);
  await expect(page.getByRole('listbox')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('Zaidi');
  await expect(rows(page)).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toBeFocused();
});

test('the list’s first page is the first thing the page asks the desk for', async ({ page, desk }) => {
  const asked: string[] = [];
  page.on('request', (r) => {
    const m = /^\/api\/(\w+)/.exec(new URL(r.url()).pathname);
    if (m) asked.push(m[1]!);
  });
  await page.goto(desk.url);
  await expect(rows(page)).toHaveCount(2);
  // The requests that wait for it still go out: the bundle count, the editor's name.
  await expect.poll(() => asked).toEqual(expect.arrayContaining(['listBundles', 'getSettings', 'getDeskNotices']));
  expect(asked[0]).toBe('listArticles');
});
