import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { HEADLINE_1, HEADLINE_2, expect, rows, test } from './desk-fixture.js';

const NAME = 'Asia security brief';
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Calls the desk's API as the page does, with the token: for set-up a test needs but does not test. */
async function api<T>(page: Page, desk: { url: string; token: string }, method: string, input: unknown): Promise<T> {
  const res = await page.request.post(new URL(`/api/${method}`, desk.url).toString(), { headers: { Authorization: `Bearer ${desk.token}` }, data: input });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value as T;
}

/** One byte flipped in the middle of the archive's first entry's data, found through the central directory. */
function tamper(zip: Buffer): Buffer {
  const bad = Buffer.from(zip);
  const eocd = bad.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const cd = bad.readUInt32LE(eocd + 16);
  const compressed = bad.readUInt32LE(cd + 20);
  const local = bad.readUInt32LE(cd + 42);
  const data = local + 30 + bad.readUInt16LE(local + 26) + bad.readUInt16LE(local + 28);
  bad[data + (compressed >> 1)]! ^= 0xff;
  return bad;
}

const panel = (page: Page) => page.getByRole('region', { name: 'Bundles', exact: true });
const bundleItems = (page: Page, name = NAME) => panel(page).getByRole('list', { name: `Articles in ${name}, in order` }).getByRole('listitem');

async function bundleFromSelection(page: Page, name = NAME): Promise<void> {
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole('checkbox', { name: 'Select all in view' }).check();
  await page.getByRole('button', { name: 'New bundle from selection' }).click();
  const dialog = page.getByRole('dialog', { name: 'New bundle' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('textbox', { name: 'Description' }).fill('Two wires for the morning page');
  await expect(dialog.getByRole('radio', { name: /^The 2 selected articles/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Create bundle' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(panel(page).getByRole('heading', { name })).toBeVisible();
}

test('a bundle of both seed articles: reordered by keyboard, undone, exported with progress, downloaded, and imported back', async ({ page, desk }, testInfo) => {
  test.slow(); // Many steps, an export and two imports: on a loaded two-core machine this nears the default limit.
  await page.goto(desk.url);
  await bundleFromSelection(page);
  await expect(page.getByRole('button', { name: /^Bundles/ })).toHaveAttribute('aria-pressed', 'true');
  const items = bundleItems(page);
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(HEADLINE_1);
  await expect(items.nth(1)).toContainText(HEADLINE_2);
  await expect(panel(page).getByRole('list', { name: 'Bundles on the desk' })).toContainText(`${NAME}2 articles`);

  // The keyboard: Alt+↓ on the first article moves it down; focus stays on it, and the move is announced.
  await panel(page).getByRole('button', { name: `1 of 2: ${HEADLINE_1}` }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(items.nth(0)).toContainText(HEADLINE_2);
  await expect(items.nth(1)).toContainText(HEADLINE_1);
  await expect(panel(page).getByRole('button', { name: `2 of 2: ${HEADLINE_1}` })).toBeFocused();
  await expect(panel(page).getByRole('status').filter({ hasText: 'moved to position 2 of 2' })).toHaveCount(1);
  // Plain arrows in the panel never reach the article list behind it.
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(0)).toHaveAttribute('aria-selected', 'true');

  // Undo says what it takes back, and takes it back; Redo then offers it again.
  const undo = panel(page).getByRole('button', { name: /^↶ Undo moving/ });
  await expect(undo).toContainText(`to position 2`);
  await undo.click();
  await expect(items.nth(0)).toContainText(HEADLINE_1);
  await expect(items.nth(1)).toContainText(HEADLINE_2);
  await expect(panel(page).getByRole('button', { name: /^↷ Redo moving/ })).toBeEnabled();
  const stored = await api<{ id: string; name: string; articleIds: string[] }[]>(page, desk, 'listBundles', {});
  expect(stored).toHaveLength(1);
  const ids = (await api<{ items: { id: string; headline: string }[] }>(page, desk, 'listArticles', {})).items;
  expect(stored[0]!.articleIds).toEqual([ids.find((a) => a.headline === HEADLINE_1)!.id, ids.find((a) => a.headline === HEADLINE_2)!.id]);

  // Export…: the preview first.
  await panel(page).getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('radio', { name: 'The bundle' })).toBeChecked();
  await expect(dialog.getByRole('combobox', { name: 'Bundle to export' })).toHaveValue(stored[0]!.id);
  await expect(dialog.getByTestId('export-articles')).toHaveText('2');
  await expect(dialog.getByRole('list', { name: 'Articles to export, in order' }).getByRole('listitem')).toHaveText([
    new RegExp(`^${escape(HEADLINE_1)}`),
    new RegExp(`^${escape(HEADLINE_2)}`),
  ]);
  await expect(dialog.getByRole('radio', { name: /^Bundle archive/ })).toBeChecked();
  for (const f of ['ninjs 3.1', 'ClaimReview', 'Markdown', 'HTML', 'CSV']) await expect(dialog.getByRole('checkbox', { name: f, exact: true })).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);

  // Held back a little, so the progress state is on screen long enough to see, as it is for a large bundle.
  await page.route('**/api/exportFile', async (route) => {
    await new Promise((r) => setTimeout(r, 700));
    await route.continue();
  });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
  await expect(dialog).toContainText(`Exporting “${NAME}” as bundle archive…`);
  await expect(dialog.getByRole('heading', { name: 'Exported 2 articles' })).toBeVisible();
  await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toHaveAttribute('value', '1');

  // The browser downloaded it by itself; it is a zip, and its SHA-256 is the one the dialog shows.
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('asia-security-brief.cdbundle');
  const file = testInfo.outputPath('asia-security-brief.cdbundle');
  await download.saveAs(file);
  const bytes = await readFile(file);
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  await expect(dialog.getByTestId('export-sha256')).toHaveText(createHash('sha256').update(bytes).digest('hex'));
  await expect(dialog.getByTestId('export-file-name')).toHaveText('asia-security-brief.cdbundle');
  await expect(dialog).toContainText(`${bytes.length.toLocaleString('en-US')} bytes`);
  await expect(dialog).toContainText('Downloaded');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toHaveCount(0);

  // The same file imported into the same desk changes nothing.
  await page.getByTestId('import-input').setInputFiles(file);
  const status = page.getByRole('region', { name: 'Import' });
  await expect(status).toContainText('Import finished: 0 imported, 0 updated, 2 unchanged');
  await expect(status.locator('li.ok')).toContainText('asia-security-brief.cdbundle bundle archive, 2 articles');
  await status.getByRole('button', { name: 'Close the import report' }).click();

  // A copy with one byte flipped is refused whole, with the reason, and the desk keeps its one bundle.
  await page.getByTestId('import-input').setInputFiles({ name: 'tampered.cdbundle', mimeType: 'application/zip', buffer: tamper(bytes) });
  const refusal = status.getByRole('alert');
  await expect(refusal).toContainText('Bundle refused: tampered.cdbundle');
  await expect(refusal).toContainText(/does not match its checksum|is damaged|does not match its recorded size/);
  await expect(refusal).toContainText('Nothing from it was imported');
  await expect(status).toContainText('Import finished: 0 imported, 0 updated, 0 unchanged, 1 failed');
  expect(await api<unknown[]>(page, desk, 'listBundles', {})).toHaveLength(1);
  await expect(rows(page)).toHaveCount(2);
});

test('the selection exports as one HTML page from the bulk bar, and downloads', async ({ page, desk }, testInfo) => {
  await page.goto(desk.url);
  await expect(rows(page)).toHaveCount(2);
  await page.getByRole('checkbox', { name: 'Select all in view' }).check();
  await page.getByRole('group', { name: 'Bundle or export the selection' }).getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.getByRole('radio', { name: 'The 2 selected articles' })).toBeChecked();
  await expect(dialog.getByTestId('export-articles')).toHaveText('2');
  await dialog.getByRole('radio', { name: /^HTML page/ }).check();
  await expect(dialog.getByRole('checkbox', { name: 'UTF-8 BOM for Excel' })).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Exported 2 articles' })).toBeVisible();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('2-selected-articles.html');
  const file = testInfo.outputPath('page.html');
  await download.saveAs(file);
  const html = await readFile(file, 'utf8');
  expect(html).toMatch(/^<!doctype html>/i);
  expect(html).toContain('Putin, North Korea’s Kim in phone call');
  await expect(dialog.getByTestId('export-sha256')).toHaveText(createHash('sha256').update(html).digest('hex'));

  // "Download again" fetches the same file once more.
  const again = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download again' }).click();
  expect((await again).suggestedFilename()).toBe('2-selected-articles.html');
  await dialog.getByRole('button', { name: 'Done' }).click();

  // A bundle made elsewhere (another window, the CLI) shows up through the desk's change event.
  await expect(page.getByRole('button', { name: /^Bundles/ })).toHaveText('Bundles 0');
  await api(page, desk, 'createBundle', { name: 'Made elsewhere' });
  await expect(page.getByRole('button', { name: /^Bundles/ })).toHaveText('Bundles 1');
});

test('a bundle reorders by dragging; articles are added from the selection and removed; a deleted bundle comes back', async ({ page, desk }) => {
  test.slow();
  const ids = (await api<{ items: { id: string; headline: string }[] }>(page, desk, 'listArticles', {})).items.map((a) => a.id);
  await api(page, desk, 'createBundle', { name: 'Drag test', ids: [ids[0]] });
  await page.goto(desk.url);
  await expect(rows(page)).toHaveCount(2);

  // Add the second article from the bulk bar; the one already in keeps its place.
  await page.getByRole('checkbox', { name: 'Select all in view' }).check();
  await page.getByRole('button', { name: 'Add to bundle…' }).click();
  const add = page.getByRole('dialog', { name: 'Add 2 articles to a bundle' });
  await expect(add.getByRole('radio', { name: /^Drag test/ })).toBeChecked();
  await add.getByRole('button', { name: 'Add', exact: true }).click();
  const added = page.getByRole('dialog', { name: 'Added to the bundle' });
  await expect(added).toContainText('Added 1 article to “Drag test”; 1 was in it already and kept its place.');
  await added.getByRole('button', { name: 'Open the bundle' }).click();

  const items = bundleItems(page, 'Drag test');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText(HEADLINE_1);
  // Dropped on the lower half of the second item: the first goes after it.
  await items.nth(0).dragTo(items.nth(1), { targetPosition: { x: 40, y: 30 } });
  await expect(items.nth(0)).toContainText(HEADLINE_2);
  await expect(items.nth(1)).toContainText(HEADLINE_1);
  await expect(panel(page).getByRole('button', { name: /^↶ Undo moving/ })).toContainText('to position 2');

  // Ctrl+Z in the panel undoes the bundle's last change (never a hidden article's).
  await panel(page).getByRole('button', { name: `1 of 2: ${HEADLINE_2}` }).focus();
  await page.keyboard.press('Control+z');
  await expect(items.nth(0)).toContainText(HEADLINE_1);

  // Move down with its button; then remove the article, which Undo puts back.
  await panel(page).getByRole('button', { name: `Move “${HEADLINE_1}” down` }).click();
  await expect(items.nth(1)).toContainText(HEADLINE_1);
  await expect(panel(page).getByRole('button', { name: `Move “${HEADLINE_1}” up` })).toBeFocused();
  await panel(page).getByRole('button', { name: `Remove “${HEADLINE_1}” from the bundle` }).click();
  await expect(items).toHaveCount(1);
  await panel(page).getByRole('button', { name: /^↶ Undo removing 1 article/ }).click();
  await expect(items).toHaveCount(2);

  // Rename and describe in place.
  await panel(page).getByRole('button', { name: 'Rename / describe…' }).click();
  const form = panel(page).getByRole('form', { name: 'Bundle details' });
  await expect(form.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await form.getByRole('textbox', { name: 'Name' }).fill('Border and summit');
  await form.getByRole('textbox', { name: 'Description' }).fill('<b>not bold</b>');
  await form.getByRole('button', { name: 'Save details' }).click();
  await expect(panel(page).getByRole('heading', { name: 'Border and summit' })).toBeVisible();
  await expect(panel(page).locator('.bundle-desc')).toHaveText('<b>not bold</b>');
  await expect(panel(page).getByRole('button', { name: /^↶ Undo the name and description change/ })).toBeVisible();

  // Opening an article shows the reader; Esc comes back to the bundle.
  await panel(page).getByRole('button', { name: `1 of 2: ${HEADLINE_2}` }).click();
  await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(HEADLINE_2);
  await expect(page.getByRole('button', { name: 'Back to the bundle “Border and summit”' })).toBeVisible();
  await page.getByRole('article').focus();
  await page.keyboard.press('Escape');
  await expect(panel(page).getByRole('heading', { name: 'Border and summit' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Delete, then Undo from the notice.
  await panel(page).getByRole('button', { name: 'Delete' }).click();
  await expect(panel(page).getByRole('status').filter({ hasText: 'Deleted “Border and summit”.' })).toBeVisible();
  await expect(panel(page).getByRole('list', { name: 'Bundles on the desk' })).toHaveCount(0);
  await panel(page).getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(panel(page).getByRole('heading', { name: 'Border and summit' })).toBeVisible();
  await expect(bundleItems(page, 'Border and summit')).toHaveCount(2);
});

test('ClaimReview without an organisation is stopped before exporting, with the way to Settings', async ({ page, desk }) => {
  const list = (await api<{ items: { id: string; headline: string }[] }>(page, desk, 'listArticles', {})).items;
  const one = list.find((a) => a.headline === HEADLINE_1)!.id;
  const fc = await api<{ claims: { text: string }[] }>(page, desk, 'getFactcheck', { id: one });
  await api(page, desk, 'upsertClaim', { id: one, text: fc.claims[0]!.text, verdict: 'true' });
  await api(page, desk, 'createBundle', { name: 'Ruled', ids: list.map((a) => a.id) });

  await page.goto(desk.url);
  await page.getByRole('button', { name: /^Bundles/ }).click();
  await panel(page).getByRole('button', { name: /^Ruled/ }).click();
  await panel(page).getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.locator('.export-totals')).toContainText('Rulings1');
  await expect(dialog.getByRole('listitem').filter({ hasText: HEADLINE_1 })).toContainText('1 ruling');
  const warning = dialog.getByRole('alert').filter({ hasText: 'no organisation is set' });
  await expect(warning).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeDisabled();

  await warning.getByRole('button', { name: 'Open Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('textbox', { name: 'Organization' }).fill('Desk Check Ltd');
  await settings.getByRole('button', { name: 'Save' }).click();
  await expect(settings).toHaveCount(0);
  await expect(warning).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Exported 2 articles' })).toBeVisible();
  expect((await downloading).suggestedFilename()).toBe('ruled.cdbundle');
});

test('a bundle’s name and description are shown as text, in the panel and in the export dialog', async ({ page, desk }) => {
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const ids = (await api<{ items: { id: string }[] }>(page, desk, 'listArticles', {})).items.map((a) => a.id);
  await api(page, desk, 'createBundle', { name: '<img src=x onerror=alert(1)>', description: '<script>alert(2)</script>', ids });
  await page.goto(desk.url);
  await page.getByRole('button', { name: /^Bundles/ }).click();
  await panel(page).getByRole('button', { name: /^<img src=x/ }).click();
  await expect(panel(page).getByRole('heading', { name: '<img src=x onerror=alert(1)>' })).toBeVisible();
  await expect(panel(page).locator('.bundle-desc')).toHaveText('<script>alert(2)</script>');
  await panel(page).getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await expect(dialog.locator('#export-preview-title')).toHaveText('Included: <img src=x onerror=alert(1)>');
  await expect(dialog.locator('.export-description')).toHaveText('<script>alert(2)</script>');
  await expect(dialog.getByRole('combobox', { name: 'Bundle to export' }).locator('option')).toHaveText(['<img src=x onerror=alert(1)> (2)']);
  await expect(page.locator('.bundles-panel img, .bundles-panel script, .export-dialog img, .export-dialog script')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
